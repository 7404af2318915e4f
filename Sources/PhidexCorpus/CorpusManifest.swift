// truth.jsonl: a header line, then one TruthEntry per line, in generation order.

public import Foundation

/// The truth about a generated share, as written next to it.
public struct CorpusManifest: Sendable {
    /// The first line: how the corpus was made.
    public struct Header: Codable, Sendable, Equatable {
        /// Manifest format version.
        public var corpus: Int
        public var seed: UInt64
        public var scale: Int
        /// Distinct synthetic people the generator drew identifiers for.
        public var people: Int
        public var generator: String

        public init(corpus: Int, seed: UInt64, scale: Int, people: Int, generator: String) {
            self.corpus = corpus; self.seed = seed; self.scale = scale; self.people = people; self.generator = generator
        }
    }

    public static let fileName = "truth.jsonl"
    public static let shareDirectory = "share"

    public var header: Header
    public var entries: [TruthEntry]

    public init(header: Header, entries: [TruthEntry]) {
        self.header = header
        self.entries = entries
    }

    public var plants: [TruthEntry] { entries.filter { $0.kind == .plant } }
    public var decoys: [TruthEntry] { entries.filter { $0.kind == .decoy } }
    public var files: [TruthEntry] { entries.filter { $0.kind == .file } }

    public func jsonLines() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = try encoder.encode(header)
        out.append(0x0A)
        for entry in entries {
            out.append(try encoder.encode(entry))
            out.append(0x0A)
        }
        return out
    }

    /// A truth file written for data Phidex did not generate (published samples, another
    /// generator's share): JSON Lines of `{"path", "type", "value"}`, paths relative to `root`.
    /// Every file under `root` but the truth file itself is listed, so files without plants
    /// count for precision; a file's format is its extension.
    public static func read(truth path: String, root: String) throws(CorpusError) -> CorpusManifest {
        guard let data = FileManager.default.contents(atPath: path) else { throw CorpusError("no truth file at \(path)") }
        struct Line: Decodable { var path: String; var type: String; var value: String }
        let decoder = JSONDecoder()
        var entries: [TruthEntry] = []
        let truthName = URL(fileURLWithPath: path).standardizedFileURL.path
        if let walker = FileManager.default.enumerator(atPath: root) {
            for case let relative as String in walker {
                var isDirectory: ObjCBool = false
                let full = root + "/" + relative
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                    URL(fileURLWithPath: full).standardizedFileURL.path != truthName
                else { continue }
                entries.append(TruthEntry(kind: .file, path: relative, format: format(of: relative), container: "loose"))
            }
        }
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
            do {
                let entry = try decoder.decode(Line.self, from: Data(line))
                entries.append(TruthEntry(
                    kind: .plant, path: entry.path, format: format(of: entry.path), container: "loose", type: entry.type, value: entry.value))
            } catch {
                throw CorpusError("\(path):\(number + 1): not a truth line {\"path\", \"type\", \"value\"}")
            }
        }
        let header = Header(corpus: 0, seed: 0, scale: 0, people: 0, generator: "truth file " + URL(fileURLWithPath: path).lastPathComponent)
        return CorpusManifest(header: header, entries: entries.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) })
    }

    private static func format(of path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let dot = name.lastIndex(of: ".") else { return "none" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// Reads `truth.jsonl` from a corpus directory (the one holding `share/`).
    public static func read(corpus directory: String) throws(CorpusError) -> CorpusManifest {
        let path = directory + "/" + fileName
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusError("no truth manifest at \(path) (is this a directory made by `phidex corpus generate`?)")
        }
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        guard let first = lines.first else { throw CorpusError("\(path) is empty") }
        do {
            let header = try decoder.decode(Header.self, from: Data(first))
            let entries = try lines.dropFirst().map { try decoder.decode(TruthEntry.self, from: Data($0)) }
            return CorpusManifest(header: header, entries: entries)
        } catch {
            throw CorpusError("\(path) is not a valid truth manifest: \(error)")
        }
    }
}
