// A generated file before it has a place: its bytes and the truth about them, with
// paths relative to itself ("" is the file, "!member" a member inside it).

/// Bytes plus truth entries; placing it in the share or in an archive fixes the paths.
public struct Artifact: Sendable {
    public var name: String
    public var format: String
    public var bytes: [UInt8]
    /// Entries relative to this artifact, the artifact's own `file` entry excluded.
    public var entries: [TruthEntry]
    /// Expected status of the file itself (`encrypted`, `limit`), if a scanner cannot read it whole.
    public var expect: String?

    public init(name: String, format: String, bytes: [UInt8], entries: [TruthEntry] = []) {
        self.name = name; self.format = format; self.bytes = bytes; self.entries = entries
    }

    /// Every entry with a path relative to the artifact, its own `file` entry first.
    var allEntries: [TruthEntry] {
        [TruthEntry(kind: .file, path: "", format: format, expect: expect)] + entries
    }

    /// The entries of `members` as seen from a container of kind `format`.
    static func entries(of members: [Artifact], in format: String, expect: String? = nil) -> [TruthEntry] {
        members.flatMap { member in
            member.allEntries.map { $0.nested(in: member.name, of: format, expect: expect) }
        }
    }
}
