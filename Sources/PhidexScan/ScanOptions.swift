// A scan's resolved configuration: built and validated by the CLI (or a test),
// frozen before anything runs.

public import PhidexCore
public import PhidexCrawl
public import PhidexExtract
public import PhidexIndex

#if canImport(Glibc)
import Glibc
#endif

/// Everything a scan needs to know before it starts.
public struct ScanOptions: Sendable {
    /// Absolute, normalized roots.
    public var roots: [String]
    public var index: IndexLocation
    /// Files scanned at once (CPU-bound work): the core count by default.
    public var jobs: Int
    /// Files and directories read at once (I/O-bound work); at least `jobs`. Raise it for
    /// high-latency network mounts, where each read waits on the network.
    public var ioWindow: Int
    /// Bytes read per window; memory per in-flight file is about this much.
    public var chunkSize: Int
    public var crawl: CrawlOptions
    /// Bounds on archives: nesting depth, decoded bytes, expansion ratio, members, time.
    public var limits: ArchiveLimits
    /// Copy unchanged files' results from earlier runs with the same rules and limits instead of
    /// reading them again (a run killed part way is resumed the same way). False reads everything.
    public var incremental = true
    /// Keep identifiers in file and folder names in clear in the paths the index stores (they are
    /// findings either way). False, the default, stores them masked (`NameScreen`).
    public var namesInClear = false
    /// The parts of `roots` this scan walks, when a run is shared by several hosts (none: all of it).
    public var shards: [CrawlShard] = []

    public init(
        roots: [String], index: IndexLocation, jobs: Int? = nil, ioWindow: Int? = nil, chunkSize: Int = 1 << 20,
        crawl: CrawlOptions = CrawlOptions(), limits: ArchiveLimits = ArchiveLimits()
    ) {
        self.limits = limits
        self.roots = roots
        self.index = index
        let jobs = max(1, jobs ?? Self.coreCount)
        self.jobs = jobs
        self.ioWindow = max(jobs, ioWindow ?? jobs)
        self.chunkSize = max(4096, chunkSize)
        var crawl = crawl
        crawl.window = self.ioWindow
        self.crawl = crawl
    }

    /// Online processors.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// What must match for an earlier run's results to be reused: Phidex's version (extraction),
    /// the rule set (detection) and the limits (how much is read).
    public func reuseKey(rulesetVersion: String) -> String? {
        guard incremental else { return nil }
        return "phidex \(PhidexVersion.current); rules \(rulesetVersion); \(String(describing: limits))\(namesInClear ? "; names in clear" : "")"
    }

    /// The options as recorded in the run row.
    public var json: String {
        var object = JSONObject()
        object.add("roots", strings: roots)
        object.add("jobs", jobs)
        object.add("io_window", ioWindow)
        object.add("chunk_size", chunkSize)
        object.add("follow_symlinks", crawl.followSymlinks)
        object.add("cross_file_systems", crawl.crossFileSystems)
        object.add("include", strings: crawl.include)
        object.add("exclude", strings: crawl.exclude)
        object.add("max_depth", limits.depth)
        object.add("max_member_bytes", Int(limits.memberBytes))
        object.add("max_archive_bytes", Int(limits.archiveBytes))
        object.add("max_ratio", Int(limits.ratio))
        object.add("max_members", limits.members)
        object.add("max_archive_seconds", Int(limits.seconds))
        object.add("names_in_clear", namesInClear)
        return object.rendered
    }
}
