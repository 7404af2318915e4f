// The walk: POSIX opendir/readdir/fstatat over every root, several directories
// listed at once on the scan's blocking executor, items handed on in batches
// through a bounded queue. (FileManager's enumerator measured ~60x slower than
// readdir on 200,000 files here.)
//
// Bookkeeping stays in locals of one task group loop, swift-nio style: fill the
// window, then "one finishes, one starts". The set of visited directories
// (device, inode) lives there too, so following symlinks can never loop.
// Nothing is dropped silently: every entry that is not read becomes a settled
// outcome with its reason — except what the user excluded by glob.

#if canImport(Glibc)
import Glibc
#endif
public import PhidexCore

/// Walks roots and produces the files to scan.
public struct Crawler: Sendable {
    /// Absolute, normalized root paths.
    public let roots: [String]
    public let options: CrawlOptions
    private let filter: GlobFilter
    /// The parts of the walk this crawler takes (none: all of every root).
    private let shards: [CrawlShard]

    public init(roots: [String], options: CrawlOptions) {
        self.roots = roots
        self.options = options
        self.filter = GlobFilter(include: options.include, exclude: options.exclude)
        self.shards = []
    }

    /// A crawler that walks one shard of a walk of `shard.root`, as that walk would have.
    public init(shard: CrawlShard, options: CrawlOptions) {
        self.init(shards: [shard], options: options)
    }

    /// A crawler that walks some shards of a walk of one root (`shards` all name it), each as that
    /// walk would have. A `.root` shard is the whole root.
    public init(shards: [CrawlShard], options: CrawlOptions) {
        self.roots = shards.first.map { [$0.root] } ?? []
        self.options = options
        self.filter = GlobFilter(include: options.include, exclude: options.exclude)
        self.shards = shards.contains { $0.kind == .root } ? [] : shards
    }

    struct Directory: Sendable {
        var osPath: [UInt8]
        /// Path below its root, for globs; empty for the root itself.
        var relative: String
        var rootDevice: UInt64
    }

    struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    struct Listing: Sendable {
        var items: [CrawlItem] = []
        var subdirectories: [(directory: Directory, device: UInt64, inode: UInt64, viaLink: Bool)] = []
    }

    /// Walks every root, sending batches of items into `queue`, then finishes the queue.
    /// Directory listings run on `executor` when given (they block in system calls).
    public func walk(into queue: BatchQueue<[CrawlItem]>, executor: (any TaskExecutor)? = nil) async {
        defer { queue.finish() }
        var batch: [CrawlItem] = []
        batch.reserveCapacity(options.batchSize)
        var pending: [Directory] = []
        var visited: Set<DirectoryID> = []

        var batchBytes: Int64 = 0
        func emit(_ item: CrawlItem) async -> Bool {
            batch.append(item)
            if case .file(let entry) = item { batchBytes += entry.size }
            guard batch.count >= options.batchSize || batchBytes >= options.batchBytes else { return true }
            defer {
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            return await queue.send(batch)
        }

        for shard in shards {
            // A directory below the root: its device is compared with the root's, as in a whole walk.
            var rootStat = stat()
            var st = stat()
            let directory = shard.osPath
            guard stat(shard.root, &rootStat) == 0, withCPath(directory, { stat($0, &st) }) == 0 else {
                let reason = describeErrno(errno)
                if await !emit(.settled(FileOutcome(entry: FileEntry(osPath: directory), status: .error, reason: "cannot list directory: \(reason)"))) { return }
                continue
            }
            let start = Directory(
                osPath: directory, relative: String(decoding: shard.relative, as: UTF8.self), rootDevice: UInt64(rootStat.st_dev))
            switch shard.kind {
            case .entries:
                for item in list(start, only: Set(shard.names)).items where await !emit(item) { return }
            case .tree, .root:
                visited.insert(DirectoryID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
                pending.append(start)
            }
        }

        for root in roots where shards.isEmpty {
            let osPath = Array(root.utf8)
            var st = stat()
            guard stat(root, &st) == 0 else {
                let reason = describeErrno(errno)
                _ = await emit(.settled(FileOutcome(entry: FileEntry(osPath: osPath), status: .error, reason: reason)))
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if visited.insert(DirectoryID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))).inserted {
                    pending.append(Directory(osPath: osPath, relative: "", rootDevice: UInt64(st.st_dev)))
                }
            case S_IFREG:
                _ = await emit(.file(FileEntry(osPath: osPath, stat: st)))
            default:
                let entry = FileEntry(osPath: osPath, stat: st)
                _ = await emit(.settled(FileOutcome(entry: entry, status: .skipped, reason: Self.specialReason(st.st_mode))))
            }
        }

        await withTaskGroup(of: Listing.self) { group in
            var inFlight = 0
            func startMore() {
                while inFlight < options.window, let directory = pending.popLast() {
                    group.addTask(executorPreference: executor) { self.list(directory) }
                    inFlight += 1
                }
            }
            startMore()
            while let listing = await group.next() {
                inFlight -= 1
                if Task.isCancelled {
                    group.cancelAll()
                    return
                }
                for item in listing.items where await !emit(item) {
                    group.cancelAll()
                    return
                }
                for sub in listing.subdirectories {
                    if visited.insert(DirectoryID(device: sub.device, inode: sub.inode)).inserted {
                        pending.append(sub.directory)
                    } else {
                        let reason = sub.viaLink
                            ? "symbolic link to a directory already walked (loop or alias)"
                            : "directory already walked (bind mount, alias or another root)"
                        let entry = Self.entry(lstatOf: sub.directory.osPath)
                        if await !emit(.settled(FileOutcome(entry: entry, status: .skipped, reason: reason))) {
                            group.cancelAll()
                            return
                        }
                    }
                }
                startMore()
            }
        }
        if !batch.isEmpty { await queue.send(batch) }
    }

    /// Lists one directory: files to read, outcomes already settled, subdirectories to walk. With
    /// `only`, just the entries of those names that are not directories (and the listing's own errors).
    func list(_ directory: Directory, only: Set<[UInt8]>? = nil) -> Listing {
        var listing = Listing()
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOCTTY
        let fd = withCPath(directory.osPath) { open($0, flags) }
        guard fd >= 0, let stream = fdopendir(fd) else {
            let code = errno
            if fd >= 0 { close(fd) }
            listing.items.append(
                .settled(FileOutcome(entry: Self.entry(lstatOf: directory.osPath), status: .error, reason: "cannot list directory: \(describeErrno(code))")))
            return listing
        }
        defer { closedir(stream) }

        let base = directory.osPath.last == UInt8(ascii: "/") ? directory.osPath : directory.osPath + [UInt8(ascii: "/")]
        while true {
            errno = 0
            guard let record = readdir(stream) else {
                if errno != 0 {
                    let entry = FileEntry(osPath: directory.osPath)
                    listing.items.append(
                        .settled(FileOutcome(entry: entry, status: .error, reason: "directory listing cut short: \(describeErrno(errno))")))
                }
                break
            }
            let cName = directoryEntryCName(record)
            let name = directoryEntryName(record)
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            if let only, !only.contains(name) { continue }
            // Names for the globs only when there are globs (every entry of a walk passes here).
            let nameText = filter.isEmpty ? "" : String(decoding: name, as: UTF8.self)
            let relative = filter.isEmpty ? "" : directory.relative.isEmpty ? nameText : directory.relative + "/" + nameText
            let path = base + name

            var st = stat()
            let found = fstatat(fd, cName, &st, AT_SYMLINK_NOFOLLOW)
            guard found == 0 else {
                listing.items.append(.settled(FileOutcome(entry: FileEntry(osPath: path), status: .error, reason: describeErrno(errno))))
                continue
            }
            var viaLink = false
            if st.st_mode & S_IFMT == S_IFLNK {
                guard options.followSymlinks else {
                    if !filter.excludesFile(relative: relative, name: nameText) {
                        listing.items.append(
                            .settled(FileOutcome(entry: FileEntry(osPath: path, stat: st), status: .skipped, reason: "symbolic link (not followed)")))
                    }
                    continue
                }
                var target = stat()
                let resolved = fstatat(fd, cName, &target, 0)
                guard resolved == 0 else {
                    let reason = errno == ELOOP ? "symbolic link loop" : "broken symbolic link (\(describeErrno(errno)))"
                    listing.items.append(.settled(FileOutcome(entry: FileEntry(osPath: path, stat: st), status: .skipped, reason: reason)))
                    continue
                }
                st = target
                viaLink = true
            }

            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                if filter.excludesDirectory(relative: relative, name: nameText) || only != nil { continue }
                if !options.crossFileSystems && UInt64(st.st_dev) != directory.rootDevice {
                    listing.items.append(
                        .settled(FileOutcome(entry: FileEntry(osPath: path, stat: st), status: .skipped, reason: "on another file system (mount point not crossed)")))
                    continue
                }
                listing.subdirectories.append(
                    (Directory(osPath: path, relative: relative, rootDevice: directory.rootDevice), UInt64(st.st_dev), UInt64(st.st_ino), viaLink))
            case S_IFREG:
                if filter.excludesFile(relative: relative, name: nameText) { continue }
                listing.items.append(.file(FileEntry(osPath: path, stat: st)))
            default:
                if filter.excludesFile(relative: relative, name: nameText) { continue }
                listing.items.append(
                    .settled(FileOutcome(entry: FileEntry(osPath: path, stat: st), status: .skipped, reason: Self.specialReason(st.st_mode))))
            }
        }
        return listing
    }

    /// An entry for `osPath` with its own metadata (not a link's target), or bare if it is gone.
    private static func entry(lstatOf osPath: [UInt8]) -> FileEntry {
        var st = stat()
        return withCPath(osPath) { lstat($0, &st) } == 0 ? FileEntry(osPath: osPath, stat: st) : FileEntry(osPath: osPath)
    }

    static func specialReason(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "special file (FIFO)"
        case S_IFSOCK: return "special file (socket)"
        case S_IFCHR: return "special file (character device)"
        case S_IFBLK: return "special file (block device)"
        default: return "special file"
        }
    }
}
