// What became of one file in a scan. A struct over a string rather than an enum,
// so later stages can add statuses (`encrypted`, `limit:depth`) without breaking
// the index or the tools that read `report --format jsonl`.

/// The outcome class of one file or archive member: `ok`, `error`, `skipped`, `encrypted` or `limit:<name>`.
public struct FileStatus: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Read to the end and scanned.
    public static let ok = FileStatus(rawValue: "ok")
    /// Could not be read (permission denied, vanished, I/O error); the reason says which.
    public static let error = FileStatus(rawValue: "error")
    /// Deliberately not read (special file, symlink not followed, other file system, excluded).
    public static let skipped = FileStatus(rawValue: "skipped")
    /// Encrypted (an archive member, or an archive whose members all are): content unscannable.
    public static let encrypted = FileStatus(rawValue: "encrypted")
    /// Stopped at a safety limit (`limit:depth`, `limit:ratio`, …); what was read before counts.
    public static func limit(_ name: String) -> FileStatus { FileStatus(rawValue: "limit:" + name) }

    /// Whether a safety limit stopped the reading.
    public var isLimit: Bool { rawValue.hasPrefix("limit:") }

    public var description: String { rawValue }
}
