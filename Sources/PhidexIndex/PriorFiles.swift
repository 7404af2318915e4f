// What earlier runs already know: for an incremental scan, every file the last
// compatible runs recorded whole (same rule set and limits), with the identity it
// had then. A file whose device, inode, size, mtime and ctime are unchanged is not
// read again; the run links the rows and findings an earlier run wrote. The runs
// considered are the last completed one and any after it — a run killed part way
// lends what it finished, which is how a scan resumes.
//
// Files are found by the keyed hash of their path on disk (`path_key`), before
// their names are screened for identifiers: an unchanged file costs a hash and a
// binary search. A nightly re-scan of millions of files holds this in memory for
// the whole scan, so it is compact: per file its path key, a digest of its
// identity and its row (24 bytes), sorted by path key; the member row ranges of
// archives and documents are kept apart, by row. Rows written before path keys
// (schema 8 and older) are found by their stored, screened path instead.

public import PhidexCore

/// Files earlier runs recorded whole. Immutable once loaded; shared by the workers.
public struct PriorFiles: Sendable {
    struct File: Sendable {
        /// The path key, or for an older row the hash of its stored path.
        var path: UInt64
        var identity: UInt64
        var id: Int64
    }

    /// Sorted by `path`, one entry per path key.
    private var files: [File] = []
    /// Rows without a path key, sorted by the hash of their stored (screened) path.
    private var legacy: [File] = []
    /// The ids of each archive's or document's member rows (`low...high`), by the file's row.
    private var members: [Int64: ClosedRange<Int64>] = [:]
    /// Rows without a path key: the writer gives them theirs when they are carried.
    private var keyless: Set<Int64> = []

    /// Runs the files came from (oldest first).
    public private(set) var runs: [Int64] = []

    public var count: Int { files.count + legacy.count }

    /// Whether some files can only be found by their screened path (an index from before path keys).
    public var hasLegacyRows: Bool { !legacy.isEmpty }

    public init() {}

    /// The row to link for `entry`, when an earlier run read the same file: the same path (by its
    /// key) and identity. A path key shared by two paths, or a changed file with its old identity
    /// digest, are each one chance in 2^64: the first makes a file be read again, the second needs both.
    public func unchanged(_ entry: FileEntry, pathKey: Int64) -> Int64? {
        guard let file = Self.find(UInt64(bitPattern: pathKey), in: files), file.identity == Self.identity(entry) else { return nil }
        return file.id
    }

    /// The same for an older row without a path key, found by `entry`'s screened path.
    public func unchanged(screened entry: FileEntry) -> Int64? {
        guard let file = Self.find(Self.hash(entry.path), in: legacy), file.identity == Self.identity(entry) else { return nil }
        return file.id
    }

    /// The id range holding the members of row `id`, when it has any.
    func members(of id: Int64) -> ClosedRange<Int64>? { members[id] }

    /// Whether row `id` was written without a path key.
    func lacksPathKey(_ id: Int64) -> Bool { keyless.contains(id) }

    private static func find(_ key: UInt64, in files: [File]) -> File? { index(of: key, in: files).map { files[$0] } }

    /// Where `hash` is in `files` (sorted by path hash), the first of equals.
    private static func index(of hash: UInt64, in files: [File]) -> Int? {
        var low = 0
        var high = files.count
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < hash { low = middle + 1 } else { high = middle }
        }
        return low < files.count && files[low].path == hash ? low : nil
    }

    /// `older` and `newer`, each sorted by path hash, as one sorted list with one entry per hash:
    /// newer entries replace older ones, and within one list the first of equal hashes is kept.
    private static func merge(_ older: [File], over newer: [File]) -> [File] {
        var merged: [File] = []
        merged.reserveCapacity(older.count + newer.count)
        var i = 0
        var j = 0
        while i < older.count || j < newer.count {
            let next: File
            if j < newer.count && (i == older.count || newer[j].path <= older[i].path) {
                next = newer[j]
                j += 1
            } else {
                next = older[i]
                i += 1
            }
            if let last = merged.last, last.path == next.path { continue }
            merged.append(next)
        }
        return merged
    }

    static func hash(_ path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    static func identity(size: Int64, mtime: Int64, ctime: Int64, device: Int64, inode: Int64) -> UInt64 {
        var hasher = Hasher()
        for field in [size, mtime, ctime, device, inode] { hasher.combine(field) }
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    static func identity(_ entry: FileEntry) -> UInt64 {
        identity(
            size: entry.size, mtime: entry.mtimeNanoseconds, ctime: entry.ctimeNanoseconds,
            device: Int64(bitPattern: entry.device), inode: Int64(bitPattern: entry.inode))
    }

    /// Loads the files of the runs sharing `reuseKey`: the newest completed one and those after it
    /// (a later run's record of a path replaces an earlier one's).
    static func load(_ db: SQLiteDatabase, reuseKey: String) throws(SQLiteError) -> PriorFiles {
        var prior = PriorFiles()
        let runs = try db.prepare(
            """
            SELECT id FROM scan_run WHERE reuse_key = ?1
              AND id >= COALESCE((SELECT max(id) FROM scan_run WHERE reuse_key = ?1 AND status = 'completed'), 0)
            ORDER BY id
            """)
        runs.bind([reuseKey])
        var ids: [Int64] = []
        while try runs.step() { ids.append(runs.int(0)) }
        // One pass over each run's rows. Members are rows whose path is their file's, then `!` and
        // their name; they are written just before their file, so each file's lie in one short id
        // range. (Reading tops and members in two queries cost twice the row reads: a re-scan of
        // an unchanged tree spent a fifth of its time loading.)
        let rows = try db.prepare(
            """
            SELECT id, path_key, size, mtime_ns, ctime_ns, device, inode, path
            FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1) AND complete = 1
            """)
        for run in ids {
            // The member ranges of this run, by the hash of their file's stored path.
            var ranges: [UInt64: ClosedRange<Int64>] = [:]
            var files: [File] = []
            var legacy: [File] = []
            /// Each file's row and the hash of its stored path, to find its members by.
            var tops: [(id: Int64, pathHash: UInt64)] = []
            let expected = Int(try db.scalar("SELECT COUNT(*) FROM run_file WHERE run_id = \(run)") ?? 0)
            files.reserveCapacity(expected)
            tops.reserveCapacity(expected)
            rows.reset().bind([run])
            while try rows.step() {
                let id = rows.int(0)
                let path = rows.bytes(7)
                if let bang = path.firstIndex(of: 0x21) {
                    let parent = hash(UnsafeRawBufferPointer(rebasing: path[..<bang]))
                    if let known = ranges[parent] {
                        ranges[parent] = min(known.lowerBound, id)...max(known.upperBound, id)
                    } else {
                        ranges[parent] = id...id
                    }
                    continue
                }
                let identity = identity(size: rows.int(2), mtime: rows.int(3), ctime: rows.int(4), device: rows.int(5), inode: rows.int(6))
                let pathHash = hash(path)
                if rows.isNull(1) {
                    legacy.append(File(path: pathHash, identity: identity, id: id))
                    prior.keyless.insert(id)
                } else {
                    files.append(File(path: UInt64(bitPattern: rows.int(1)), identity: identity, id: id))
                }
                tops.append((id, pathHash))
            }
            if !ranges.isEmpty {
                for top in tops {
                    if let range = ranges[top.pathHash], range.upperBound < top.id { prior.members[top.id] = range }
                }
            }
            files.sort { $0.path < $1.path }
            legacy.sort { $0.path < $1.path }
            prior.files = merge(prior.files, over: files)
            prior.legacy = merge(prior.legacy, over: legacy)
            prior.runs.append(run)
        }
        return prior
    }
}
