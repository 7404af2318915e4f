// What earlier runs already know: for an incremental scan, every file the last
// compatible runs recorded whole (same rule set and limits), by path, with the
// identity it had then. A file whose device, inode, size, mtime and ctime are
// unchanged is not read again; the run links the rows and findings an earlier
// run wrote. The
// runs considered are the last completed one and any after it — a run killed
// part way lends what it finished, which is how a scan resumes.

public import PhidexCore

/// Files earlier runs recorded whole, by path. Immutable once loaded; shared by the workers.
public struct PriorFiles: Sendable {
    struct File: Sendable {
        var id: Int64
        var size: Int64
        var mtime: Int64
        var ctime: Int64
        var device: Int64
        var inode: Int64
        /// Rows of its archive members or document parts in the same run.
        var members: [Int64]
    }

    private(set) var files: [String: File] = [:]

    /// Runs the files came from (oldest first).
    public private(set) var runs: [Int64] = []

    public var count: Int { files.count }

    public init() {}

    /// The row to copy for `entry`, when an earlier run read the same file (same identity).
    public func unchanged(_ entry: FileEntry) -> Int64? {
        guard let file = files[entry.path], file.size == entry.size, file.mtime == entry.mtimeNanoseconds,
            file.ctime == entry.ctimeNanoseconds, file.device == Int64(bitPattern: entry.device),
            file.inode == Int64(bitPattern: entry.inode)
        else { return nil }
        return file.id
    }

    func members(of id: Int64, path: String) -> [Int64] {
        files[path].map { $0.id == id ? $0.members : [] } ?? []
    }

    /// Loads the files of the runs sharing `reuseKey`: the newest completed one and those after it.
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
        let rows = try db.prepare(
            "SELECT id, path, size, mtime_ns, ctime_ns, device, inode FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1) AND complete = 1 ORDER BY id")
        for run in ids {
            var tops: [String: File] = [:]
            var members: [String: [Int64]] = [:]
            let expected = Int(try db.scalar("SELECT COUNT(*) FROM run_file WHERE run_id = \(run)") ?? 0)
            tops.reserveCapacity(expected)
            prior.files.reserveCapacity(prior.files.count + expected)
            rows.reset().bind([run])
            while try rows.step() {
                let path = rows.string(1) ?? ""
                if let bang = path.utf8.firstIndex(of: 0x21) {
                    members[String(path[..<bang]), default: []].append(rows.int(0))
                } else {
                    tops[path] = File(
                        id: rows.int(0), size: rows.int(2), mtime: rows.int(3), ctime: rows.int(4), device: rows.int(5),
                        inode: rows.int(6), members: [])
                }
            }
            for (path, var file) in tops {
                file.members = members[path] ?? []
                prior.files[path] = file
            }
            prior.runs.append(run)
        }
        return prior
    }
}
