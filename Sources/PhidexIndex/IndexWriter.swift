// The single writer of an index. Scan workers hand it finished files in
// batches; it appends rows inside transactions committed every 16 Ki rows or
// every second, whichever comes first ("SQLite works best with a single
// writer"), and builds the lookup indexes once the run is over.

import CSQLite
import Foundation
public import PhidexCore

/// What a run is, for the `scan_run` row.
public struct RunInfo: Sendable {
    public var roots: [String]
    /// The resolved options as a JSON object.
    public var optionsJSON: String
    public var rulesetVersion: String
    public var phidexVersion: String
    /// Content hash of each rule the run uses, by rule id.
    public var ruleHashes: [String: String]
    /// What makes earlier results reusable (rule set and limits): unchanged files recorded by runs
    /// with the same key are copied rather than read. Nil reads everything (`--full`).
    public var reuseKey: String?
    /// A throwaway index for one shard of a shared run, read once and deleted: written without
    /// fsync, and finished without the lookup indexes (nothing looks anything up in it).
    public var staging = false

    public init(
        roots: [String], optionsJSON: String, rulesetVersion: String, phidexVersion: String,
        ruleHashes: [String: String] = [:], reuseKey: String? = nil
    ) {
        self.roots = roots
        self.optionsJSON = optionsJSON
        self.rulesetVersion = rulesetVersion
        self.phidexVersion = phidexVersion
        self.ruleHashes = ruleHashes
        self.reuseKey = reuseKey
    }
}

/// How a run ended.
public enum RunStatus: String, Sendable {
    case running, completed, failed, interrupted
    /// Left `running` by a process that died without finishing it (kill -9, a power cut); marked
    /// by the next writer of the index.
    case abandoned
}

/// Running totals of one scan run.
public struct RunTotals: Sendable, Equatable {
    public var filesOK = 0
    public var filesError = 0
    public var filesSkipped = 0
    public var bytesScanned: Int64 = 0
    public var findings = 0
    /// Files (on disk) not read because they were unchanged since an earlier run.
    public var filesUnchanged = 0
    /// Files not read because their content equals a file read earlier in the run.
    public var filesCopies = 0
    public init() {}
}

/// Appends one scan run's files and findings to an index.
public actor IndexWriter {
    public nonisolated let runID: Int64
    public nonisolated let keyer: ValueKeyer
    public nonisolated let location: IndexLocation
    /// Files earlier compatible runs recorded whole: the scan skips those unchanged.
    public nonisolated let prior: PriorFiles

    private let db: SQLiteDatabase
    /// Held while this run is `running`: the next writer marks runs whose lock is free `abandoned`.
    private var runLock: RunLock?
    private let insertFile: Statement
    private let completeFile: Statement
    /// Files whose findings arrived in batches and whose row awaits its final outcome: id, findings so far.
    private var openFiles: [String: (id: Int64, findings: Int)] = [:]
    private let insertFinding: Statement
    /// The member rows of a carried archive or document.
    private let memberRows: Statement
    /// Links a JSON array of carried rows into this run.
    private let linkRows: Statement
    /// The carried rows' totals by status and depth.
    private let carriedTotals: Statement
    private let setPathKey: Statement
    /// File rows up to this id are linked to the run (`commit` links the rest in bulk).
    private var linkedUpTo: Int64 = 0
    /// Unchanged files noted for copying and not copied yet.
    /// Rows of unchanged files, and of their members, not yet linked into this run.
    private var carried: [Int64] = []
    private var carriedMembers: [Int64] = []
    /// Files whose content equals an earlier file of this run, given their rows once it is written.
    private var pendingCopies: [(entry: FileEntry, source: String)] = []
    private let insertReason: Statement
    private let findReason: Statement
    /// Reason texts already in the `reason` table, by text: most findings reuse a few hundred.
    private var reasonIDs: [String: Int64] = [:]
    private var pendingRows = 0
    /// Whether the lookup indexes were dropped for ingest (and must be rebuilt in `finish`).
    private var lookupIndexesDropped: Bool
    private let staging: Bool
    /// New findings written by this run.
    private var newFindings = 0
    /// New findings past which a re-scan drops the lookup indexes too.
    static let ingestThreshold = 100_000
    private var transactionStart: ContinuousClock.Instant?
    public private(set) var totals = RunTotals()

    static let rowsPerCommit = 16_384
    static let pageSize = 16_384
    static let secondsPerCommit: Duration = .seconds(1)

    /// Creates an empty index at `location` (schema, key fingerprint, no run), for copies: a
    /// shared run's hosts copy one per shard instead of creating every staging index anew.
    public static func prepareEmpty(at location: IndexLocation) throws(IndexError) {
        guard !location.exists else { throw IndexError("\(location.path) exists already") }
        try location.createPrivateFile()
        let keyer = ValueKeyer(key: access(location.keyPath, F_OK) == 0 ? try location.loadKey() : try location.createKey())
        do {
            let db = try SQLiteDatabase(path: location.path, readOnly: false)
            try db.execute("PRAGMA page_size = \(Self.pageSize)")
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF")
            try Schema.migrate(db, path: location.path)
            try Self.checkFingerprint(db, keyer: keyer, location: location)
            try Self.dropLookupIndexes(db)
            try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch let error as IndexError {
            throw error
        } catch let error as SQLiteError {
            throw IndexError("cannot create the index \(location.path): \(error.message)")
        } catch {
            throw IndexError("cannot create the index \(location.path): \(error)")
        }
    }

    /// Opens (creating if needed) the index at `location` and starts a run.
    public init(location: IndexLocation, run: RunInfo) throws(IndexError) {
        if PostgresIndex.names(location.path) {
            throw IndexError("scans write a SQLite index: scan into a file, then load it into \(location.path) with `phidex index copy`")
        }
        // Creating an index is exclusive: two scans starting on one new index at once would both
        // create its file, its key and its metadata. Writers take the index's folder's lock
        // (flock, released when the index is open and its schema and key are settled); a folder's
        // lock, not the file's, since closing any descriptor of the file would drop SQLite's locks.
        let folder = (location.path as NSString).deletingLastPathComponent
        let folderLock = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderLock >= 0 { while flock(folderLock, LOCK_EX) != 0 && errno == EINTR {} }
        defer {
            if folderLock >= 0 {
                flock(folderLock, LOCK_UN)
                close(folderLock)
            }
        }
        // A new index gets a new key (or adopts a key file the user prepared); an existing index
        // needs its own key, which is never silently replaced.
        let keyExists = access(location.keyPath, F_OK) == 0
        let isNew = !location.exists
        if isNew {
            try location.createPrivateFile()
        } else if !keyExists {
            throw IndexError(
                "the index \(location.path) exists but its key \(location.keyPath) does not: "
                    + "name the key with --key-file, or scan into a new index")
        }
        let key = keyExists ? try location.loadKey() : try location.createKey()
        let keyer = ValueKeyer(key: key)
        do {
            let db = try SQLiteDatabase(path: location.path, readOnly: false)
            // A new index gets 16 KiB pages (SQLite's default is 4 KiB): a scan appends hundreds of
            // thousands of rows, and every page costs a write to the WAL and a read and a write when
            // it is checkpointed. Set before anything is written; an existing index keeps its size.
            if isNew { try db.execute("PRAGMA page_size = \(Self.pageSize)") }
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = \(run.staging ? "OFF" : "NORMAL"); PRAGMA foreign_keys = OFF")
            self.staging = run.staging
            try Schema.migrate(db, path: location.path)
            try Self.checkFingerprint(db, keyer: keyer, location: location)
            // Ingest appends; the lookup indexes come back in finish().
            self.prior = try run.reuseKey.map { key throws(SQLiteError) in try PriorFiles.load(db, reuseKey: key) } ?? PriorFiles()
            // A first scan appends everything: the lookup indexes are dropped and rebuilt once at
            // the end (about 10x faster than keeping them current). A re-scan mostly links rows it
            // already has; it drops them only once it has written many new findings.
            if prior.count == 0 { try Self.dropLookupIndexes(db) }
            lookupIndexesDropped = prior.count == 0
            try Self.markAbandonedRuns(db, index: location.path)
            let insertRun = try db.prepare(
                """
                INSERT INTO scan_run (started_at, status, roots, options, ruleset_version, phidex_version, reuse_key)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """)
            insertRun.bind([Date().ISO8601Format(), RunStatus.running.rawValue, JSONText.array(run.roots), run.optionsJSON, run.rulesetVersion, run.phidexVersion])
            insertRun.bind(7, run.reuseKey)
            try insertRun.run()
            self.runID = db.lastInsertRowID
            // Taken before the folder's lock is released: no other writer sees this run unlocked.
            self.runLock = RunLock(index: location.path, run: runID)
            self.linkedUpTo = try db.scalar("SELECT COALESCE(MAX(id), 0) FROM file") ?? 0
            let insertRule = try db.prepare("INSERT INTO run_rule (run_id, rule_id, content_hash) VALUES (?1, ?2, ?3)")
            for (rule, hash) in run.ruleHashes.sorted(by: { $0.key < $1.key }) {
                insertRule.reset().bind([runID, rule, hash])
                try insertRule.run()
            }
            self.insertFile = try db.prepare(
                """
                INSERT INTO file (run_id, path, size, mtime_ns, ctime_ns, device, inode, uid, gid, mode, status, reason,
                                  bytes_read, finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, complete, path_key)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
                """)
            // A carried file's members: the rows in its id range whose paths are its own, then `!`
            // (and, by byte order, before its own, then `"`).
            self.memberRows = try db.prepare(
                """
                SELECT id FROM file WHERE id BETWEEN ?1 AND ?2 AND complete = 1
                  AND path >= (SELECT path || '!' FROM file WHERE id = ?3) AND path < (SELECT path || '"' FROM file WHERE id = ?3)
                """)
            // Carried rows are linked and counted in batches, as runs of consecutive ids (`ranges`): a
            // statement per file, or a temporary table filled row by row, cost a re-scan of an
            // unchanged tree half its time.
            self.linkRows = try db.prepare(
                """
                INSERT OR IGNORE INTO run_file (run_id, file_id)
                SELECT ?1, file.id FROM json_each(?2) AS r JOIN file ON file.id BETWEEN r.value ->> 0 AND r.value ->> 1
                """)
            self.carriedTotals = try db.prepare(
                """
                SELECT status, COUNT(*), SUM(finding_count), SUM(bytes_read)
                FROM json_each(?1) AS r JOIN file ON file.id BETWEEN r.value ->> 0 AND r.value ->> 1 GROUP BY 1
                """)
            self.setPathKey = try db.prepare("UPDATE file SET path_key = ?2 WHERE id = ?1 AND path_key IS NULL")
            self.completeFile = try db.prepare(
                """
                UPDATE file SET size = ?2, mtime_ns = ?3, status = ?4, reason = ?5, bytes_read = ?6, finding_count = ?7,
                                risk_score = ?8, risk_tier = ?9, risk_explanation = ?10, clinical_terms = ?11, complete = 1
                WHERE id = ?1
                """)
            self.insertFinding = try db.prepare(
                """
                INSERT INTO finding (file_id, rule_id, type, byte_offset, length, line, confidence, masked, value_key, reason,
                                     reason_id, record, location)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, '', ?10, ?11, ?12)
                """)
            self.insertReason = try db.prepare("INSERT INTO reason (text) VALUES (?1) ON CONFLICT (text) DO NOTHING")
            self.findReason = try db.prepare("SELECT id FROM reason WHERE text = ?1")
            self.db = db
        } catch let error as SQLiteError {
            throw IndexError("cannot write the index \(location.path): \(error.message)")
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError("cannot write the index \(location.path): \(error)")
        }
        self.keyer = keyer
        self.location = location
    }

    private static func checkFingerprint(_ db: SQLiteDatabase, keyer: ValueKeyer, location: IndexLocation) throws {
        // Every index is told apart by a random id (an index from before ids gets its own now):
        // a PostgreSQL index refuses to load the same SQLite index twice by it.
        let identify = try db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('index_id', ?1)")
        identify.bind([Self.randomID()])
        let select = try db.prepare("SELECT value FROM meta WHERE key = 'key_fingerprint'")
        if try select.step() {
            guard select.string(0) == keyer.fingerprint else {
                throw IndexError("the key \(location.keyPath) does not belong to the index \(location.path)")
            }
            _ = select.reset()
            try identify.run()
            return
        }
        let insert = try db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")
        for (key, value) in [
            ("schema_version", String(Schema.currentVersion)), ("created_at", Date().ISO8601Format()),
            ("key_fingerprint", keyer.fingerprint),
        ] {
            insert.reset().bind([key, value])
            try insert.run()
        }
        try identify.run()
    }

    /// 128 random bits as hex.
    private static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Appends finished files and their findings.
    public func record(_ outcomes: [FileOutcome]) throws(IndexError) {
        do {
            if transactionStart == nil {
                try db.execute("BEGIN")
                transactionStart = .now
            }
            for outcome in outcomes { try append(outcome) }
            if pendingRows >= Self.rowsPerCommit || transactionStart!.duration(to: .now) >= Self.secondsPerCommit {
                try commit()
            }
        } catch {
            throw IndexError("cannot write the index \(location.path): \(error.message)")
        }
    }

    private func append(_ outcome: FileOutcome) throws(SQLiteError) {
        let entry = outcome.entry
        if let source = outcome.carriedFrom {
            try carry(source, pathKey: outcome.pathKey)
            return
        }
        if let source = outcome.copyOf {
            pendingCopies.append((entry, source))
            return
        }
        if let open = openFiles[entry.path] {
            try insertFindings(outcome.findings, of: open.id)
            totals.findings += outcome.findings.count
            pendingRows += outcome.findings.count
            guard !outcome.isPartial else {
                openFiles[entry.path]!.findings += outcome.findings.count
                return
            }
            openFiles[entry.path] = nil
            completeFile.reset().bind([open.id, entry.size, entry.mtimeNanoseconds, outcome.status.rawValue])
            completeFile.bind(5, outcome.reason)
            completeFile.bind(6, outcome.bytesRead)
            completeFile.bind(7, open.findings + outcome.findings.count)
            completeFile.bind(8, outcome.risk.score)
            completeFile.bind(9, outcome.risk.tier.rawValue)
            completeFile.bind(10, outcome.risk.explanation)
            completeFile.bind(11, outcome.clinicalTerms)
            try completeFile.run()
            count(outcome)
            return
        }
        insertFile.reset().bind([
            runID, entry.path, entry.size, entry.mtimeNanoseconds, entry.ctimeNanoseconds,
            Int64(bitPattern: entry.device), Int64(bitPattern: entry.inode), Int64(entry.uid), Int64(entry.gid),
            Int64(entry.mode), outcome.status.rawValue,
        ])
        insertFile.bind(12, outcome.reason)
        insertFile.bind(13, outcome.bytesRead)
        insertFile.bind(14, outcome.findings.count)
        insertFile.bind(15, outcome.risk.score)
        insertFile.bind(16, outcome.risk.tier.rawValue)
        insertFile.bind(17, outcome.risk.explanation)
        insertFile.bind(18, outcome.clinicalTerms)
        insertFile.bind(19, outcome.isPartial ? 0 : 1)  // a row completed later is not reusable until then
        insertFile.bind(20, outcome.depth == 0 ? outcome.pathKey ?? keyer.key(forPath: entry.osPath) : nil)
        try insertFile.run()
        let fileID = db.lastInsertRowID
        try insertFindings(outcome.findings, of: fileID)
        pendingRows += 1 + outcome.findings.count
        totals.findings += outcome.findings.count
        if outcome.isPartial {
            openFiles[entry.path] = (fileID, outcome.findings.count)
            return
        }
        count(outcome)
    }

    private static func dropLookupIndexes(_ db: SQLiteDatabase) throws(SQLiteError) {
        for name in Schema.lookupIndexNames { try db.execute("DROP INDEX IF EXISTS \(name)") }
    }

    private func insertFindings(_ findings: [Finding], of fileID: Int64) throws(SQLiteError) {
        newFindings += findings.count
        if !lookupIndexesDropped && newFindings > Self.ingestThreshold {
            try Self.dropLookupIndexes(db)
            lookupIndexesDropped = true
        }
        // The hot loop of a scan with many findings: typed binds, no array of existentials per row.
        for finding in findings {
            let row = insertFinding.reset()
            row.bind(1, fileID)
            row.bind(2, finding.rule.rawValue)
            row.bind(3, finding.type.rawValue)
            row.bind(4, finding.span.offset)
            row.bind(5, finding.span.length)
            row.bind(6, finding.line)
            row.bind(7, finding.confidence)
            row.bind(8, finding.masked)
            row.bind(9, finding.valueKey)
            row.bind(10, try reasonID(finding.reason))
            row.bind(11, finding.record)
            row.bind(12, finding.inName ? "name" : "content")
            try row.run()
        }
    }

    /// Notes an unchanged file's rows (the file and its members) for this run. They are linked,
    /// not copied (`run_file`): the rows and findings an earlier run wrote are this run's too.
    /// A row from before path keys gets its key now, so the next run finds it by it.
    private func carry(_ source: Int64, pathKey: Int64?) throws(SQLiteError) {
        carried.append(source)
        if let members = prior.members(of: source) {
            memberRows.reset().bind([members.lowerBound, members.upperBound, source])
            while try memberRows.step() { carriedMembers.append(memberRows.int(0)) }
        }
        if let pathKey, prior.lacksPathKey(source) {
            setPathKey.reset().bind([source, pathKey])
            try setPathKey.run()
        }
        totals.filesUnchanged += 1
        if carried.count + carriedMembers.count >= Self.rowsPerCommit { try linkCarried() }
    }

    /// Links the noted rows into this run and counts them.
    private func linkCarried() throws(SQLiteError) {
        for (depth, rows) in [(0, carried), (1, carriedMembers)] where !rows.isEmpty {
            let ranges = Self.ranges(rows)
            linkRows.reset().bind([runID, ranges])
            try linkRows.run()
            let counts = carriedTotals.reset()
            counts.bind(1, ranges)
            while try counts.step() {
                let status = FileStatus(rawValue: counts.string(0) ?? "")
                let rows = Int(counts.int(1))
                count(status: status, bytesRead: counts.int(3), depth: depth, rows: rows)
                totals.findings += Int(counts.int(2))
                pendingRows += rows
            }
            _ = counts.reset()
        }
        carried.removeAll(keepingCapacity: true)
        carriedMembers.removeAll(keepingCapacity: true)
    }

    /// `ids` as a JSON array of `[first, last]` runs of consecutive ids, sorted, each id once: the
    /// rows of an unchanged tree were written in order, so a batch is a handful of runs.
    static func ranges(_ ids: [Int64]) -> String {
        var text: [UInt8] = [0x5B]
        func add(_ first: Int64, _ last: Int64) {
            if text.count > 1 { text.append(0x2C) }
            text.append(0x5B)
            text.append(contentsOf: String(first).utf8)
            text.append(0x2C)
            text.append(contentsOf: String(last).utf8)
            text.append(0x5D)
        }
        var first: Int64?
        var last: Int64 = 0
        for id in ids.sorted() {
            if let start = first {
                if id <= last + 1 {
                    last = max(last, id)
                    continue
                }
                add(start, last)
            }
            first = id
            last = id
        }
        if let first { add(first, last) }
        text.append(0x5D)
        return String(decoding: text, as: UTF8.self)
    }

    /// Gives each copy the rows and findings of the file it equals (itself and, for an archive, its
    /// members), under its own path and with its own metadata. Done last, when the lookup
    /// indexes find the source's rows by path.
    private func writeCopies() throws(SQLiteError) {
        guard !pendingCopies.isEmpty else { return }
        if transactionStart == nil {
            try db.execute("BEGIN")
            transactionStart = .now
        }
        let sourceRows = try db.prepare(
            """
            SELECT id, path FROM file WHERE run_id = ?1 AND (path = ?2 OR (path >= ?3 AND path < ?4)) ORDER BY id
            """)
        let copyRow = try db.prepare(
            """
            INSERT INTO file (run_id, path, size, mtime_ns, ctime_ns, device, inode, uid, gid, mode, status, reason,
                              bytes_read, finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, carried_from, path_key)
            SELECT ?1, ?2, COALESCE(?3, size), COALESCE(?4, mtime_ns), COALESCE(?5, ctime_ns), COALESCE(?6, device),
                   COALESCE(?7, inode), COALESCE(?8, uid), COALESCE(?9, gid), COALESCE(?10, mode), status, reason, bytes_read,
                   finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, id, ?12
            FROM file WHERE id = ?11
            """)
        let copyFindings = try db.prepare(
            """
            INSERT INTO finding (file_id, rule_id, type, byte_offset, length, line, confidence, masked, value_key, reason, reason_id, record)
            SELECT ?1, rule_id, type, byte_offset, length, line, confidence, masked, value_key, reason, reason_id, record
            FROM finding WHERE file_id = ?2 AND location = 'content' ORDER BY id
            """)
        let copied = try db.prepare("SELECT status, bytes_read, finding_count FROM file WHERE id = ?1")
        for (entry, source) in pendingCopies {
            sourceRows.reset().bind([runID, source, source + "!", source + "\""])
            var rows: [(Int64, String)] = []
            while try sourceRows.step() { rows.append((sourceRows.int(0), sourceRows.string(1) ?? "")) }
            for (id, path) in rows {
                let top = path == source
                copyRow.reset().bind([runID, entry.path + path.dropFirst(source.count)])
                if top {
                    copyRow.bind([runID, entry.path, entry.size, entry.mtimeNanoseconds, entry.ctimeNanoseconds,
                                  Int64(bitPattern: entry.device), Int64(bitPattern: entry.inode), Int64(entry.uid),
                                  Int64(entry.gid), Int64(entry.mode), id])
                    copyRow.bind(12, keyer.key(forPath: entry.osPath))
                } else {
                    copyRow.bind(11, id)
                }
                try copyRow.run()
                let copy = db.lastInsertRowID  // linked to the run by commit(), like every row it writes
                copyFindings.reset().bind([copy, id])
                try copyFindings.run()
                copied.reset().bind([copy])
                if try copied.step() {
                    count(status: FileStatus(rawValue: copied.string(0) ?? ""), bytesRead: top ? copied.int(1) : 0, depth: top ? 0 : 1)
                    totals.findings += Int(copied.int(2))
                }
                _ = copied.reset()
            }
            totals.filesCopies += 1
        }
        pendingCopies = []
        try commit()
    }

    /// Counts a completed file in the run's totals.
    private func count(_ outcome: FileOutcome) {
        count(status: outcome.status, bytesRead: outcome.bytesRead, depth: outcome.depth)
    }

    /// Counts `rows` rows of one status (and, at depth 0, their bytes) in the run's totals.
    private func count(status: FileStatus, bytesRead: Int64, depth: Int, rows: Int = 1) {
        switch status {
        case .ok: totals.filesOK += rows
        case .skipped: totals.filesSkipped += rows
        default: totals.filesError += rows
        }
        if depth == 0 { totals.bytesScanned += bytesRead }  // members' bytes are inside it
    }

    /// The id of a reason text, adding it to the `reason` table the first time it is seen.
    private func reasonID(_ text: String) throws(SQLiteError) -> Int64 {
        if let id = reasonIDs[text] { return id }
        insertReason.reset().bind(1, text)
        try insertReason.run()
        findReason.reset().bind(1, text)
        guard try findReason.step() else { throw SQLiteError(code: 0, message: "reason row missing after insert") }
        let id = findReason.int(0)
        _ = findReason.reset()  // an unfinished SELECT would hold a lock on the table
        reasonIDs[text] = id
        return id
    }

    private func commit() throws(SQLiteError) {
        guard transactionStart != nil else { return }
        // Rows this run wrote join it in bulk, in the same transaction: one statement per commit
        // instead of one per file, and a crash never leaves a written row unlinked.
        try db.execute("INSERT OR IGNORE INTO run_file (run_id, file_id) SELECT \(runID), id FROM file WHERE id > \(linkedUpTo) AND run_id = \(runID)")
        linkedUpTo = try db.scalar("SELECT COALESCE(MAX(id), 0) FROM file") ?? linkedUpTo
        try db.execute("COMMIT")
        transactionStart = nil
        pendingRows = 0
    }

    /// Commits what is pending, records how the run ended and, for a completed run, builds the
    /// lookup indexes and folds the WAL back into the index file.
    /// Marks `abandoned` the runs left `running` by processes that died (their run locks are free),
    /// with the totals of the rows they stored. A run whose lock cannot be tested is left as it is.
    private static func markAbandonedRuns(_ db: SQLiteDatabase, index path: String) throws(SQLiteError) {
        let running = try db.prepare("SELECT id FROM scan_run WHERE status = 'running'")
        var dead: [Int64] = []
        while try running.step() {
            if RunLock.isHeld(index: path, run: running.int(0)) == false { dead.append(running.int(0)) }
        }
        _ = running.reset()
        for run in dead {
            try db.execute(
                """
                UPDATE scan_run SET status = 'abandoned',
                  files_ok = (SELECT COUNT(*) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = \(run)) AND status = 'ok'),
                  files_skipped = (SELECT COUNT(*) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = \(run)) AND status = 'skipped'),
                  files_error = (SELECT COUNT(*) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = \(run)) AND status NOT IN ('ok', 'skipped')),
                  bytes_scanned = (SELECT COALESCE(SUM(bytes_read), 0) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = \(run)) AND instr(path, '!') = 0),
                  findings = (SELECT COALESCE(SUM(finding_count), 0) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = \(run)))
                WHERE id = \(run) AND status = 'running'
                """)
        }
    }

    public func finish(_ status: RunStatus) throws(IndexError) -> RunTotals {
        do {
            if transactionStart == nil {
                try db.execute("BEGIN")
                transactionStart = .now
            }
            try linkCarried()
            try commit()
            if !staging && (status == .completed || !lookupIndexesDropped) {
                // SQLite's sorter may use helper threads for CREATE INDEX; the scan is done, so the
                // cores are free. (Indexes that were kept are left as they are: IF NOT EXISTS.)
                try db.execute("PRAGMA threads = \(max(1, ProcessInfo.processInfo.activeProcessorCount))")
                try db.execute(Schema.lookupIndexes)
            }
            try writeCopies()
            let update = try db.prepare(
                """
                UPDATE scan_run SET finished_at = ?1, status = ?2, files_ok = ?3, files_error = ?4, files_skipped = ?5,
                       bytes_scanned = ?6, findings = ?7 WHERE id = ?8
                """)
            update.bind([
                Date().ISO8601Format(), status.rawValue, totals.filesOK, totals.filesError, totals.filesSkipped,
                totals.bytesScanned, totals.findings, runID,
            ])
            try update.run()
            if !staging { try db.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
            runLock = nil
        } catch {
            throw IndexError("cannot finish the index \(location.path): \(error.message)")
        }
        return totals
    }
}
