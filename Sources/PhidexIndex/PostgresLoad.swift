// Bringing rows of a SQLite index into a PostgreSQL index with COPY: the whole
// index (`phidex index copy`), or one shard's staging index into a shared run.
//
// Ids are taken from the target's sequences in blocks (`reserve`), so loads
// from several hosts at once never collide: a block is held by the load that
// took it whether or not its transaction commits (a rolled-back load leaves a
// gap, never a clash). A source row's id becomes the block's start plus the id.

/// One load of a SQLite index's rows into PostgreSQL, inside the caller's transaction.
struct PostgresLoad {
    let sqlite: SQLiteDatabase
    let db: PostgresDatabase
    /// Source run id → target run id (the copy shifts them; a shard's all go to its shared run).
    var run: (Int64) -> Int64
    /// Added to source file and finding ids.
    var fileOffset: Int64 = 0
    var findingOffset: Int64 = 0
    /// A path as the target index names it (a host's mount point replaced by the estate's).
    var path: (String) -> String = { $0 }

    /// Takes `count` ids from `table`'s sequence and returns the offset that maps ids 1...count into
    /// them. Never below ids already there (rows copied in with their own ids).
    static func reserve(_ db: PostgresDatabase, table: String, count: Int64) throws -> Int64 {
        guard count > 0 else { return 0 }
        try db.execute("SELECT pg_advisory_lock(7061696479)")
        defer { _ = try? db.execute("SELECT pg_advisory_unlock(7061696479)") }  // the session's end releases it too
        let first = try db.query(
            "SELECT GREATEST(nextval(pg_get_serial_sequence('\(table)', 'id')), (SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)))"
        ).int(0, 0) ?? 1
        try db.query("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), $1)", [String(first + count - 1)])
        return first - 1
    }

    /// The largest id in a source table (0 when empty): how many ids a load of it reserves.
    static func maxID(_ sqlite: SQLiteDatabase, _ table: String) throws -> Int64 {
        try sqlite.scalar("SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
    }

    /// Source reason id → target reason id, merged by text: a reason already there keeps its id.
    func reasons() throws -> [Int64: String] {
        var ids: [Int64: String] = [:]
        let reasons = try sqlite.prepare("SELECT id, text FROM reason ORDER BY id")
        while try reasons.step() {
            let text = reasons.string(1) ?? ""
            // Another host may add the same text at the same time: its row is seen once it commits,
            // by a later statement (a statement sees what was committed when it began).
            var id: String?
            for _ in 0..<3 where id == nil {
                id = try db.query(
                    "WITH added AS (INSERT INTO reason (text) VALUES ($1) ON CONFLICT (text) DO NOTHING RETURNING id) "
                        + "SELECT id FROM added UNION ALL SELECT id FROM reason WHERE text = $1", [text]
                ).string(0, 0)
            }
            guard let id else { throw IndexError("a reason could not be added to \(db.target)") }
            ids[reasons.int(0)] = id
        }
        return ids
    }

    /// Copies the source's files (those of `where`), returning how many.
    func files(where condition: String = "") throws -> Int {
        let files = try sqlite.prepare(
            """
            SELECT id, run_id, path, size, mtime_ns, ctime_ns, device, inode, uid, gid, mode, status, reason, bytes_read,
                   finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, complete, carried_from, path_key
            FROM file \(condition) ORDER BY id
            """)
        return try db.copy(
            """
            COPY file (id, run_id, path, size, mtime_ns, ctime_ns, device, inode, uid, gid, mode, status, reason, bytes_read,
                       finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, complete, carried_from, path_key) FROM STDIN
            """
        ) { rows in
            guard try files.step() else { return false }
            rows.row(
                [shifted(files, 0, by: fileOffset), String(run(files.int(1))), files.string(2).map(path)]
                    + (3...10).map { number(files, $0) }
                    + [text(files, 11), text(files, 12)] + (13...15).map { number(files, $0) }
                    + [text(files, 16), text(files, 17), number(files, 18), number(files, 19), shifted(files, 20, by: fileOffset),
                       number(files, 21)])
            return true
        }
    }

    /// Copies the source's findings, with reasons mapped by `reasons`, returning how many.
    func findings(reasons: [Int64: String]) throws -> Int {
        let findings = try sqlite.prepare(
            """
            SELECT id, file_id, rule_id, type, byte_offset, length, line, confidence, masked, value_key, reason, reason_id,
                   record, location
            FROM finding ORDER BY id
            """)
        return try db.copy(
            """
            COPY finding (id, file_id, rule_id, type, byte_offset, length, line, confidence, masked, value_key, reason,
                          reason_id, record, location) FROM STDIN
            """
        ) { rows in
            guard try findings.step() else { return false }
            let reason = findings.isNull(11) ? nil : reasons[findings.int(11)]
            rows.row(
                [shifted(findings, 0, by: findingOffset), shifted(findings, 1, by: fileOffset), text(findings, 2), text(findings, 3)]
                    + (4...6).map { number(findings, $0) }
                    + [String(findings.double(7)), text(findings, 8), number(findings, 9), text(findings, 10), reason,
                       number(findings, 12), text(findings, 13)])
            return true
        }
    }

    /// Copies which files each run includes.
    func links() throws {
        let links = try sqlite.prepare("SELECT run_id, file_id FROM run_file ORDER BY run_id, file_id")
        _ = try db.copy("COPY run_file (run_id, file_id) FROM STDIN") { rows in
            guard try links.step() else { return false }
            rows.row([String(run(links.int(0))), shifted(links, 1, by: fileOffset)])
            return true
        }
    }

    private func shifted(_ statement: Statement, _ column: Int32, by offset: Int64) -> String? {
        statement.isNull(column) ? nil : String(statement.int(column) + offset)
    }
    private func text(_ statement: Statement, _ column: Int32) -> String? { statement.isNull(column) ? nil : statement.string(column) }
    private func number(_ statement: Statement, _ column: Int32) -> String? {
        statement.isNull(column) ? nil : String(statement.int(column))
    }
}
