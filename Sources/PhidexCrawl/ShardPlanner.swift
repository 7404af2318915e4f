// Cutting a walk into shards for several scanner hosts: the directories at a
// depth below each root become one shard each (their whole subtree); the
// entries of the directories above that depth become shards of up to
// `groupSize` names, and files that are slow to read alone (large files,
// archives, mailboxes, disk images) a shard of their own, so one host's long
// file does not hold the names around it. Only the top `depth` levels are
// listed here; the hosts list the rest as they walk their shards.

#if canImport(Glibc)
import Glibc
#endif
public import PhidexCore

/// Plans the shards of a walk.
public struct ShardPlanner: Sendable {
    /// Directory levels below a root listed to find shards: 0 makes each root one shard.
    public var depth: Int
    /// Names in one shard of a directory's entries.
    public var groupSize: Int
    /// Files of at least this size are a shard of their own.
    public var aloneBytes: Int64

    public init(depth: Int = 2, groupSize: Int = 1000, aloneBytes: Int64 = 64 << 20) {
        self.depth = max(0, depth)
        self.groupSize = max(1, groupSize)
        self.aloneBytes = aloneBytes
    }

    /// Name endings of containers that take long to read whatever their size.
    private static let slowEndings = [
        ".zip", ".tar", ".tgz", ".gz", ".bz2", ".xz", ".7z", ".rar", ".pst", ".ost", ".mbox", ".vhd", ".vhdx", ".vmdk",
        ".e01", ".iso", ".img", ".dd", ".raw", ".mdb", ".accdb", ".sqlite", ".db",
    ]

    /// The shards of a walk of `roots` with `options`, every part of the walk in exactly one.
    public func plan(roots: [String], options: CrawlOptions) -> [CrawlShard] {
        let crawler = Crawler(roots: roots, options: options)
        var shards: [CrawlShard] = []
        var visited: Set<Crawler.DirectoryID> = []
        for root in roots {
            var st = stat()
            guard depth > 0, stat(root, &st) == 0, st.st_mode & S_IFMT == S_IFDIR,
                visited.insert(Crawler.DirectoryID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted
            else {
                shards.append(CrawlShard(kind: .root, root: root))
                continue
            }
            let rootBytes = Array(root.utf8)
            let prefix = rootBytes.last == UInt8(ascii: "/") ? rootBytes.count : rootBytes.count + 1
            func relative(_ osPath: [UInt8]) -> [UInt8] { osPath.count > prefix ? Array(osPath[prefix...]) : [] }

            var level = [Crawler.Directory(osPath: rootBytes, relative: "", rootDevice: UInt64(st.st_dev))]
            for below in 1...depth {
                var next: [Crawler.Directory] = []
                for directory in level {
                    let listing = crawler.list(directory)
                    let here = relative(directory.osPath)
                    let base = directory.osPath.count + (directory.osPath.last == UInt8(ascii: "/") ? 0 : 1)
                    var group: [[UInt8]] = []
                    var failed = false
                    let before = shards.count
                    for item in listing.items {
                        let (path, alone): ([UInt8], Bool)
                        switch item {
                        case .file(let entry): (path, alone) = (entry.osPath, isSlow(entry))
                        case .settled(let outcome): (path, alone) = (outcome.entry.osPath, false)
                        }
                        // The listing's own failure: the host that takes the shard lists it again and records it.
                        guard path.count > base else {
                            failed = true
                            continue
                        }
                        let name = Array(path[base...])
                        if alone {
                            shards.append(CrawlShard(kind: .entries, root: root, relative: here, names: [name]))
                        } else {
                            group.append(name)
                            if group.count == groupSize {
                                shards.append(CrawlShard(kind: .entries, root: root, relative: here, names: group))
                                group.removeAll(keepingCapacity: true)
                            }
                        }
                    }
                    if !group.isEmpty || (failed && shards.count == before) {
                        shards.append(CrawlShard(kind: .entries, root: root, relative: here, names: group))
                    }
                    for sub in listing.subdirectories
                    where visited.insert(Crawler.DirectoryID(device: sub.device, inode: sub.inode)).inserted {
                        if below == depth {
                            shards.append(CrawlShard(kind: .tree, root: root, relative: relative(sub.directory.osPath)))
                        } else {
                            next.append(sub.directory)
                        }
                    }
                }
                level = next
            }
        }
        return shards
    }

    private func isSlow(_ entry: FileEntry) -> Bool {
        if entry.size >= aloneBytes { return true }
        let name = entry.path.lowercased()
        return Self.slowEndings.contains { name.hasSuffix($0) }
    }
}
