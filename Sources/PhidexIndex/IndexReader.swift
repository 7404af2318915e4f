// Read-only access to an index: runs, files, findings, tallies. A reader has
// its own connection, so queries and reports run beside a scan in progress
// (WAL readers see the last committed state). The same queries answer from a
// SQLite file or a PostgreSQL database (`PostgresIndex`): the SQL is written
// once, with SQLite's `?N` parameters, which become `$N` on PostgreSQL; the few
// expressions the engines spell differently are chosen by engine.

import CSQLite
import Foundation
public import PhidexCore
public import PhidexScore

/// Answers questions about an index. Use from one task at a time.
public final class IndexReader {
    enum Engine {
        case sqlite(SQLiteDatabase)
        case postgres(PostgresDatabase)
    }

    let engine: Engine
    public let location: IndexLocation
    /// Present when the key file could be read: needed to look values up, not to report.
    public let keyer: ValueKeyer?

    /// Opens an existing index read-only.
    public init(location: IndexLocation) throws(IndexError) {
        if PostgresIndex.names(location.path) {
            let db: PostgresDatabase
            do { db = try PostgresDatabase(conninfo: location.path) } catch { throw IndexError(error.message) }
            let keyer = try PostgresIndex.openForReading(db, location: location)
            // A reader never writes: the server refuses any write on this session, whatever the role may do.
            do { try db.execute("SET default_transaction_read_only = on") } catch {
                throw IndexError("cannot read the index: \(error.message)")
            }
            engine = .postgres(db)
            self.location = location
            self.keyer = keyer
            findingsHaveLocation = true
            return
        }
        guard location.exists else {
            throw IndexError("no index at \(location.path): run `phidex scan` first, or name one with --index")
        }
        var opened: SQLiteDatabase
        do {
            opened = try SQLiteDatabase(path: location.path, readOnly: true)
        } catch {
            throw IndexError("cannot open the index \(location.path): \(error.message)")
        }
        do {
            try Schema.check(opened, path: location.path)
        } catch {
            // An index on read-only media (a copy on a DVD, a write-protected share) without its -wal
            // and -shm files: SQLite cannot create the shared-memory file a WAL index is read through.
            // With no log beside it, the file is the whole index: it is read as immutable.
            let log = location.path + "-wal"
            guard !FileManager.default.fileExists(atPath: log) || Self.isEmpty(log) else { throw error }
            let immutable: SQLiteDatabase
            do {
                immutable = try SQLiteDatabase(path: location.path, readOnly: true, immutable: true)
            } catch let reopen {
                throw IndexError("cannot open the index \(location.path): \(reopen.message)")
            }
            try Schema.check(immutable, path: location.path)
            opened = immutable
        }
        engine = .sqlite(opened)
        self.location = location
        self.keyer = (try? location.loadKey()).map(ValueKeyer.init(key:))
        // Indexes written before schema 8 (read, not migrated) have no finding locations: all content.
        do {
            findingsHaveLocation = try opened.scalar("SELECT COUNT(*) FROM pragma_table_info('finding') WHERE name = 'location'") == 1
        } catch {
            throw IndexError("cannot read the index \(location.path): \(error.message)")
        }
    }

    /// Whether the index records where findings are (content or name): schema 8 on.
    private let findingsHaveLocation: Bool

    /// Whether the file at `path` is there and empty (a log that cannot be examined is not).
    private static func isEmpty(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_size == 0
    }

    /// The keyer, or an error that explains why values cannot be looked up.
    public func requireKeyer() throws(IndexError) -> ValueKeyer {
        if let keyer { return keyer }
        _ = try location.loadKey()  // throws the reason
        throw IndexError("the index key \(location.keyPath) cannot be used")
    }

    // MARK: Runs

    /// All runs, oldest first.
    public func runs() throws(IndexError) -> [RunRecord] {
        try rows(
            """
            SELECT id, started_at, finished_at, status, roots, ruleset_version, phidex_version,
                   files_ok, files_error, files_skipped, bytes_scanned, findings
            FROM scan_run ORDER BY id
            """
        ) { row in
            var totals = RunTotals()
            totals.filesOK = Int(row.int(7))
            totals.filesError = Int(row.int(8))
            totals.filesSkipped = Int(row.int(9))
            totals.bytesScanned = row.int(10)
            totals.findings = Int(row.int(11))
            return RunRecord(
                id: row.int(0), startedAt: row.string(1) ?? "", finishedAt: row.string(2), status: row.string(3) ?? "",
                roots: Self.decodeRoots(row.string(4) ?? "[]"), rulesetVersion: row.string(5) ?? "",
                phidexVersion: row.string(6) ?? "", totals: totals)
        }
    }

    /// The run queries answer from by default: the newest completed run, else the newest run.
    public func defaultRun() throws(IndexError) -> RunRecord {
        let all = try runs()
        if let run = all.last(where: { $0.status == RunStatus.completed.rawValue }) ?? all.last { return run }
        throw IndexError("the index \(location.path) holds no scan yet")
    }

    public func run(id: Int64) throws(IndexError) -> RunRecord {
        if let run = try runs().first(where: { $0.id == id }) { return run }
        throw IndexError("the index has no run \(id)")
    }

    // MARK: Files

    public enum FileOrder: Sendable { case path, risk }

    /// Files of a run, optionally only some statuses, in the given order.
    public func files(
        run: Int64, statuses: [FileStatus] = [], order: FileOrder = .path, limit: Int? = nil,
        _ visit: (FileRecord) throws -> Void
    ) throws {
        var sql = "SELECT \(Self.fileColumns) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1)"
        var values: [any SQLValue] = [run]
        if !statuses.isEmpty {
            sql += " AND status IN (" + statuses.indices.map { "?\($0 + 2)" }.joined(separator: ",") + ")"
            values += statuses.map(\.rawValue)
        }
        sql += order == .path ? " ORDER BY path" : " ORDER BY risk_score DESC, finding_count DESC, path"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        try each(sql, values) { row in try visit(Self.fileRecord(row)) }
    }

    /// The columns `fileRecord` reads, in its order.
    static let fileColumns = """
        id, path, size, mtime_ns, uid, gid, mode, status, reason, bytes_read, finding_count,
        risk_score, risk_tier, risk_explanation, clinical_terms
        """

    static func fileRecord(_ row: any IndexRow) -> FileRecord {
        FileRecord(
            id: row.int(0), path: row.string(1) ?? "", size: row.int(2), mtimeNanoseconds: row.int(3),
            uid: UInt32(truncatingIfNeeded: row.int(4)), gid: UInt32(truncatingIfNeeded: row.int(5)),
            mode: UInt32(truncatingIfNeeded: row.int(6)), status: FileStatus(rawValue: row.string(7) ?? ""),
            reason: row.string(8), bytesRead: row.int(9), findingCount: Int(row.int(10)),
            riskScore: Int(row.int(11)), riskTier: RiskTier(rawValue: row.string(12) ?? "") ?? .none,
            riskExplanation: row.string(13) ?? "", clinicalTerms: Int(row.int(14)))
    }

    // MARK: Findings

    /// Findings of a run that pass `filter`, by path then offset.
    public func findings(run: Int64, filter: FindingFilter = FindingFilter(), _ visit: (FindingRecord) throws -> Void)
        throws
    {
        var sql = """
            SELECT f.path, g.rule_id, g.type, g.byte_offset, g.length, g.line, g.confidence, g.masked, g.value_key,
                   COALESCE(t.text, g.reason), r.content_hash, \(findingsHaveLocation ? "g.location = 'name'" : "0"), f.id
            FROM finding g JOIN file f ON f.id = g.file_id
            LEFT JOIN run_rule r ON r.run_id = f.run_id AND r.rule_id = g.rule_id
            LEFT JOIN reason t ON t.id = g.reason_id
            WHERE f.id IN (SELECT file_id FROM run_file WHERE run_id = ?1)
            """
        var values: [any SQLValue] = [run]
        if let key = filter.valueKey {
            values.append(key)
            sql += " AND g.value_key = ?\(values.count)"
        }
        if !filter.types.isEmpty {
            let first = values.count + 1
            values += filter.types.map(\.rawValue)
            sql += " AND g.type IN (" + (first..<(first + filter.types.count)).map { "?\($0)" }.joined(separator: ",") + ")"
        }
        if let under = filter.under, under != "/" {
            // The folder or file itself, what lies below a folder, and the members of an archive
            // (`x.zip!a.csv`). '0' is the byte after '/', '"' the byte after '!'.
            values += [under, under + "/", under + "0", under + "!", under + "\""]
            let n = values.count
            sql += " AND (f.path = ?\(n - 4) OR (f.path >= ?\(n - 3) AND f.path < ?\(n - 2))"
                + " OR (f.path >= ?\(n - 1) AND f.path < ?\(n)))"
        }
        if let fileID = filter.fileID {
            values.append(fileID)
            sql += " AND g.file_id = ?\(values.count)"
        }
        if let minimum = filter.minimumConfidence {
            values.append(minimum)
            sql += " AND g.confidence >= ?\(values.count)"
        }
        if !filter.valueKeys.isEmpty {
            // A list of any length: through a temporary table, not thousands of parameters.
            switch engine {
            case .sqlite(let db):
                do {
                    try db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key INTEGER PRIMARY KEY); DELETE FROM temp.wanted")
                    let insert = try db.prepare("INSERT OR IGNORE INTO temp.wanted (key) VALUES (?1)")
                    for key in filter.valueKeys {
                        insert.reset().bind([key])
                        try insert.run()
                    }
                } catch {
                    throw IndexError("cannot read the index \(location.path): \(error.message)")
                }
                sql += " AND g.value_key IN (SELECT key FROM temp.wanted)"
            case .postgres:
                // One array parameter, whatever its length.
                values.append("{" + filter.valueKeys.map { String($0) }.joined(separator: ",") + "}")
                sql += " AND g.value_key = ANY (?\(values.count)::bigint[])"
            }
        }
        if !filter.tiers.isEmpty {
            let first = values.count + 1
            values += filter.tiers.map(\.rawValue)
            sql += " AND f.risk_tier IN (" + (first..<(first + filter.tiers.count)).map { "?\($0)" }.joined(separator: ",") + ")"
        }
        if let owner = filter.owner {
            values.append(Int64(owner))
            sql += " AND f.uid = ?\(values.count)"
        }
        if filter.worldReadable { sql += " AND (f.mode & 4) != 0" }
        if let after = filter.modifiedAfter {
            values.append(after)
            sql += " AND f.mtime_ns >= ?\(values.count)"
        }
        if let before = filter.modifiedBefore {
            values.append(before)
            sql += " AND f.mtime_ns < ?\(values.count)"
        }
        sql += " ORDER BY f.path, g.byte_offset, g.rule_id"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit)) OFFSET \(max(0, filter.offset))" }
        try each(sql, values) { row in
            var finding = Finding(
                rule: RuleID(row.string(1) ?? ""), type: IdentifierType(row.string(2) ?? ""),
                span: ByteSpan(offset: row.int(3), length: Int(row.int(4))), line: row.int(5),
                confidence: row.double(6), masked: row.string(7) ?? "", valueKey: row.int(8), reason: row.string(9) ?? "")
            finding.inName = row.int(11) != 0
            try visit(FindingRecord(path: row.string(0) ?? "", finding: finding, ruleHash: row.string(10), fileID: row.int(12)))
        }
    }

    /// How many files of a run hold at least one finding.
    public func filesWithFindings(run: Int64) throws(IndexError) -> Int {
        try rows("SELECT COUNT(*) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1) AND finding_count > 0", [run]) { Int($0.int(0)) }.first ?? 0
    }

    /// Per identifier type: findings, distinct values and files, most findings first.
    public func typeTallies(run: Int64) throws(IndexError) -> [TypeTally] {
        try rows(
            """
            SELECT g.type, COUNT(*), COUNT(DISTINCT g.value_key), COUNT(DISTINCT g.file_id)
            FROM finding g JOIN file f ON f.id = g.file_id
            WHERE f.id IN (SELECT file_id FROM run_file WHERE run_id = ?1) GROUP BY g.type ORDER BY COUNT(*) DESC, g.type
            """, [run]
        ) { row in
            TypeTally(
                type: IdentifierType(row.string(0) ?? ""), findings: Int(row.int(1)), distinctValues: Int(row.int(2)),
                files: Int(row.int(3)))
        }
    }

    /// Files of `run` sharing identifier values with the file at `path` (the same patient in
    /// several exports), most shared values first.
    /// `types`: only values of these types link (none given: every type); `limit`: the first so many.
    public func linkedFiles(run: Int64, path: String, types: [IdentifierType] = [], limit: Int? = nil) throws(IndexError) -> [LinkedFile] {
        // The file's own distinct values first, then their other files, joined to the run's files
        // (not `IN (SELECT …)`): a plan that starts from the one file. Written the other way round,
        // SQLite started from every finding (4 s on 76,000 findings; 1.4 s with the IN on 10 million).
        guard let id = try file(run: run, path: path)?.id else { return [] }
        return try rows(
            """
            SELECT f2.path, COUNT(DISTINCT g2.value_key), \(distinctList("g2.type")), f2.risk_score, f2.id
            FROM (SELECT DISTINCT value_key, type FROM finding WHERE file_id = ?2\(types.isEmpty ? "" : " AND type IN (" + types.indices.map { "?\($0 + 3)" }.joined(separator: ",") + ")")) v
            JOIN finding g2 ON g2.value_key = v.value_key AND g2.type = v.type
            JOIN run_file rf ON rf.run_id = ?1 AND rf.file_id = g2.file_id
            JOIN file f2 ON f2.id = g2.file_id
            WHERE f2.id != ?2
            GROUP BY f2.id ORDER BY 2 DESC, f2.path\(limit.map { " LIMIT \(max(0, $0))" } ?? "")
            """, [run, id] + types.map(\.rawValue)
        ) { row in
            LinkedFile(
                id: row.int(4), path: row.string(0) ?? "", sharedValues: Int(row.int(1)),
                types: (row.string(2) ?? "").split(separator: ",").map { IdentifierType(String($0)) }.sorted(),
                riskScore: Int(row.int(3)))
        }
    }

    /// The people a run's findings expose: values of the identifier types that name one person
    /// each (`types`), linked when they share a record, counted once across files.
    public func individuals(run: Int64, types: [IdentifierType]) throws(IndexError) -> IndividualsEstimate {
        var estimator = PeopleEstimator()
        try addPeople(run: run, types: types, to: &estimator)
        return estimator.estimate()
    }

    /// Feeds a run's values of `types` to `estimator`, in file and record order.
    public func addPeople(run: Int64, types: [IdentifierType], to estimator: inout PeopleEstimator) throws(IndexError) {
        // No types, no people (and no `IN ()`, which PostgreSQL refuses).
        guard !types.isEmpty else { return }
        let placeholders = types.indices.map { "?\($0 + 2)" }.joined(separator: ",")
        do {
            try each(
                """
                SELECT file_id, record, type, value_key FROM finding
                WHERE file_id IN (SELECT file_id FROM run_file WHERE run_id = ?1) AND type IN (\(placeholders))
                ORDER BY file_id, record
                """, [run] + types.map(\.rawValue)
            ) { row in
                estimator.add(file: row.int(0), record: row.int(1), type: IdentifierType(row.string(2) ?? ""), valueKey: row.int(3))
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError("\(error)")
        }
    }

    /// Files of a run per risk tier (files and members with findings), for the run's roll-up.
    public func tierCounts(run: Int64) throws(IndexError) -> [RiskTier: Int] {
        var counts: [RiskTier: Int] = [:]
        for (tier, count) in try rows(
            "SELECT risk_tier, COUNT(*) FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1) GROUP BY risk_tier",
            [run], { (RiskTier(rawValue: $0.string(0) ?? "") ?? .none, Int($0.int(1))) })
        {
            counts[tier] = count
        }
        return counts
    }

    /// Per file of a run: findings, risk and the identifier types found, by path.
    public func fileSummaries(run: Int64) throws(IndexError) -> [String: FileSummary] {
        var summaries: [String: FileSummary] = [:]
        for row in try rows(
            "SELECT path, finding_count, risk_score, risk_tier FROM file WHERE id IN (SELECT file_id FROM run_file WHERE run_id = ?1)", [run],
            { ($0.string(0) ?? "", Int($0.int(1)), Int($0.int(2)), RiskTier(rawValue: $0.string(3) ?? "") ?? .none) })
        {
            summaries[row.0] = FileSummary(findings: row.1, riskScore: row.2, riskTier: row.3, types: [])
        }
        for row in try rows(
            "SELECT f.path, g.type FROM finding g JOIN file f ON f.id = g.file_id WHERE f.id IN (SELECT file_id FROM run_file WHERE run_id = ?1) GROUP BY f.id, g.type",
            [run], { ($0.string(0) ?? "", IdentifierType($0.string(1) ?? "")) })
        {
            summaries[row.0]?.types.insert(row.1)
        }
        return summaries
    }

    // MARK: Plumbing

    /// Runs `sql` and calls `visit` per row. SQLite failures become `IndexError`; whatever
    /// `visit` throws (a closed output pipe, say) passes through unchanged.
    func each(_ sql: String, _ values: [any SQLValue], _ visit: (any IndexRow) throws -> Void) throws {
        switch engine {
        case .sqlite(let db):
            let statement: Statement
            do {
                statement = try db.prepare(sql)
            } catch {
                throw IndexError("cannot read the index \(location.path): \(error.message)")
            }
            statement.bind(values)
            while true {
                let more: Bool
                do { more = try statement.step() } catch {
                    throw IndexError("cannot read the index \(location.path): \(error.message)")
                }
                guard more else { return }
                try visit(statement)
            }
        case .postgres(let db):
            do {
                try db.stream(Self.postgresParameters(sql), values.map(\.parameterText)) { try visit($0) }
            } catch let error as PostgresError {
                throw IndexError("cannot read the index \(location.path): \(error.message)")
            }
        }
    }

    /// SQLite's `?N` parameters as PostgreSQL's `$N`: a `?` followed by a digit, outside quoted
    /// strings and identifiers (the reader's SQL has no comments).
    static func postgresParameters(_ sql: String) -> String {
        var bytes = Array(sql.utf8)
        var quote: UInt8?
        for index in bytes.indices {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x27 || byte == 0x22 {
                quote = byte
            } else if byte == 0x3F, index + 1 < bytes.count, bytes[index + 1] &- 0x30 < 10 {
                bytes[index] = 0x24
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The distinct values of `column` in a group, comma-separated.
    func distinctList(_ column: String) -> String {
        switch engine {
        case .sqlite: "group_concat(DISTINCT \(column))"
        case .postgres: "string_agg(DISTINCT \(column), ',')"
        }
    }

    func rows<T>(_ sql: String, _ values: [any SQLValue] = [], _ make: (any IndexRow) -> T) throws(IndexError) -> [T] {
        var result: [T] = []
        do {
            try each(sql, values) { result.append(make($0)) }
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError("\(error)")
        }
        return result
    }

    static func decodeRoots(_ json: String) -> [String] {
        // The roots column is written by IndexWriter as a JSON array of strings.
        guard let data = json.data(using: .utf8),
            let roots = try? JSONDecoder().decode([String].self, from: data)
        else { return [] }
        return roots
    }
}
