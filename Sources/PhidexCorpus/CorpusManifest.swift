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
