// How a crawl walks: resolved before the walk starts, frozen during it.

/// What a crawl follows, crosses and filters.
public struct CrawlOptions: Sendable, Equatable {
    /// Follow symbolic links to files and directories (loops are detected and skipped).
    public var followSymlinks = false
    /// Descend into directories on other file systems (mount points below a root).
    public var crossFileSystems = false
    /// Globs a file must match to be read (any of them); empty means every file.
    public var include: [String] = []
    /// Globs that exclude a file or a whole directory.
    public var exclude: [String] = []
    /// Directories listed at once: the I/O window (raise it for high-latency network mounts).
    public var window = 8
    /// Items per batch handed to the scan workers.
    public var batchSize = 64
    /// Bytes of files per batch: a batch is handed on when it holds this much, so a few large
    /// files are spread over the workers instead of going to one of them in one batch.
    public var batchBytes: Int64 = 4 << 20

    public init(
        followSymlinks: Bool = false, crossFileSystems: Bool = false, include: [String] = [], exclude: [String] = [],
        window: Int = 8, batchSize: Int = 64
    ) {
        self.followSymlinks = followSymlinks
        self.crossFileSystems = crossFileSystems
        self.include = include
        self.exclude = exclude
        self.window = max(1, window)
        self.batchSize = max(1, batchSize)
    }
}
