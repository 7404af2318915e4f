// A piece of a walk that one scanner host takes on its own: a root as a whole,
// a directory's subtree, or some of a directory's entries (not its
// subdirectories). A run spread over several hosts is cut into shards by
// `ShardPlanner`; each shard is walked by `Crawler(shard:options:)` exactly as
// the whole walk would have walked that part, globs and mount points included.

/// Which part of a walk a shard covers.
public struct CrawlShard: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// The root as a whole: a file, something unreadable, or a directory at shard depth 0.
        case root
        /// A directory below the root and everything beneath it.
        case tree
        /// Some entries of a directory, none of them a directory; `names` lists them.
        case entries
    }

    public var kind: Kind
    /// The root as this host sees it (absolute, normalized).
    public var root: String
    /// The directory's path below the root, as bytes (file names need not be UTF-8); empty for the root.
    public var relative: [UInt8]
    /// For `.entries`: the names taken (their listing errors come along).
    public var names: [[UInt8]]

    public init(kind: Kind, root: String, relative: [UInt8] = [], names: [[UInt8]] = []) {
        self.kind = kind
        self.root = root
        self.relative = relative
        self.names = names
    }

    /// The directory's bytes on this host: the root, then the relative path.
    public var osPath: [UInt8] {
        let root = Array(self.root.utf8)
        guard !relative.isEmpty else { return root }
        return root.last == UInt8(ascii: "/") ? root + relative : root + [UInt8(ascii: "/")] + relative
    }

    /// The same shard on a host that sees the root at `root`.
    public func on(root: String) -> CrawlShard {
        var moved = self
        moved.root = root
        return moved
    }
}
