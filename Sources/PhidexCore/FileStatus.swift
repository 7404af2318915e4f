// What became of one file in a scan. A struct over a string rather than an enum,
// so later stages can add statuses (`encrypted`, `limit:depth`) without breaking
// the index or the tools that read `report --format jsonl`.

/// The outcome class of one file: `ok`, `error` or `skipped` (more arrive with archives).
public struct FileStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Read to the end and scanned.
    public static let ok = FileStatus(rawValue: "ok")
    /// Could not be read (permission denied, vanished, I/O error); the reason says which.
    public static let error = FileStatus(rawValue: "error")
    /// Deliberately not read (special file, symlink not followed, other file system, excluded).
    public static let skipped = FileStatus(rawValue: "skipped")

    public var description: String { rawValue }
}
