// One thing a walk over a file found: the file itself, an archive inside it, or
// a member. Every member reached becomes an item with its own status, so that
// nothing is silently dropped.

public import PhidexCore

/// A file, container or member, as the `ContentWalker` reached it.
public struct ContentItem: Sendable {
    /// Logical path: the file's path, then `!member` per level (`backup.tar.gz!db/dump.sql`).
    public var path: String
    /// Archive levels above it: 0 for the file itself.
    public var depth: Int
    /// The container format, when this item is an archive or compressed stream.
    public var container: ContainerFormat?
    /// The member's modification time from its archive header (nil for the file itself).
    public var mtimeNanoseconds: Int64?
    /// `ok`, `error`, `encrypted` or `limit:<name>`; a container also reports the worst of its members.
    public var status: FileStatus = .ok
    public var reason: String?
    /// Bytes read: the file's own bytes, or a member's decoded bytes.
    public var bytesRead: Int64 = 0
    /// Members listed directly inside (containers only).
    public var members = 0

    public init(path: String, depth: Int, container: ContainerFormat? = nil, mtimeNanoseconds: Int64? = nil) {
        self.path = path
        self.depth = depth
        self.container = container
        self.mtimeNanoseconds = mtimeNanoseconds
    }
}
