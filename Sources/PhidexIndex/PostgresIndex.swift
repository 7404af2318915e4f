// The index on PostgreSQL: opening it (schema created or checked, key
// fingerprint checked) and loading SQLite indexes into it (`phidex index copy`).
//
// A load is one transaction: every run, file, finding and link of the SQLite
// index arrives, or none does. Loading several SQLite indexes (offline hosts,
// earlier years) into one PostgreSQL index shifts each load's ids past those
// already there, so runs stay runs and links stay links; reasons are merged by
// their text. Every index loaded into one PostgreSQL index must have been made
// with the same key: value keys are only comparable under one key.

import Foundation

/// A PostgreSQL database holding (or about to hold) a Phidex index.
public struct PostgresIndex: Sendable {
    /// The libpq connection string: a `postgres://` or `postgresql://` URL, or key=value pairs.
    public var conninfo: String
    /// The index's key file (the same on every host).
    public var keyPath: String

    public init(conninfo: String, keyPath: String) {
        self.conninfo = conninfo
        self.keyPath = keyPath
    }

    /// Whether `index` names a PostgreSQL database rather than a SQLite file: a `postgres://` or
    /// `postgresql://` URL, or libpq's key=value pairs starting with one of its keywords.
    public static func names(_ index: String) -> Bool {
        if index.hasPrefix("postgres://") || index.hasPrefix("postgresql://") { return true }
        guard let equals = index.firstIndex(of: "=") else { return false }
        return keywords.contains(index[..<equals].trimmingCharacters(in: .whitespaces))
    }

    /// Whether a PostgreSQL connection string holds a password, in any spelling libpq accepts. A
    /// password in a command's arguments shows in `ps` and in shell histories: it belongs in
    /// PGPASSFILE or ~/.pgpass.
    public static func carriesPassword(_ index: String) -> Bool { names(index) && PostgresDatabase.carriesPassword(index) }

    private static let keywords: Set<String> = ["host", "hostaddr", "port", "dbname", "user", "service", "sslmode", "connect_timeout", "application_name"]

    /// What a copy brought.
    public struct CopyTotals: Sendable, Equatable {
        public var runs = 0
        public var files = 0
        public var findings = 0
        /// How far this load's run ids were shifted to follow those already there (0 into an empty index).
        public var runOffset: Int64 = 0
    }

    /// Opens the database, creating the schema in an empty one, and checks that it is an index made
    /// with this key (or claims it for this key when new). Runs inside the caller's transaction.
    static func prepare(_ db: PostgresDatabase, keyer: ValueKeyer, keyPath: String) throws -> Void {
        if let fingerprint = try indexFingerprint(db, use: "use") {
            guard fingerprint == keyer.fingerprint else {
                throw IndexError(
                    "the key \(keyPath) does not belong to the index \(db.target): every host writing to one index uses the same key file")
            }
        } else {
            try db.execute(String(decoding: PackageResources.postgres_v9_sql, as: UTF8.self))
            for (key, value) in [
                ("schema_version", String(Schema.currentVersion)), ("created_at", Date().ISO8601Format()),
                ("key_fingerprint", keyer.fingerprint),
            ] {
                try db.query("INSERT INTO meta (key, value) VALUES ($1, $2)", [key, value])
            }
        }
        // The tables of runs shared by several hosts, in an index made before they existed too.
        try db.execute(String(decoding: PackageResources.postgres_queue_sql, as: UTF8.self))
    }

    /// The fingerprint of the key the index in `db` was made with, once its schema is one this build
    /// can `use` (the verb of the message that refuses a newer one); nil when `db` holds no index yet.
    private static func indexFingerprint(_ db: PostgresDatabase, use: String) throws -> String? {
        guard try db.query("SELECT to_regclass('meta') IS NOT NULL").string(0, 0) == "t" else { return nil }
        let meta = try db.query("SELECT key, value FROM meta WHERE key IN ('schema_version', 'key_fingerprint')")
        var values: [String: String] = [:]
        for row in 0..<meta.count { values[meta.string(row, 0) ?? ""] = meta.string(row, 1) }
        guard let version = values["schema_version"].flatMap({ Int64($0) }) else {
            throw IndexError("the database \(db.target) has a table named meta but is not a Phidex index")
        }
        if version > Schema.currentVersion {
            throw IndexError(
                "the index \(db.target) was written by a newer Phidex (schema \(version); this build knows up to \(Schema.currentVersion)). "
                    + "Upgrade Phidex to \(use) it.")
        }
        return values["key_fingerprint"] ?? ""
    }

    /// Checks that `db` holds an index this build can read, makes the session read-only, and
    /// returns the keyer when `location`'s key file can be read (reports need none; lookups do).
    /// A key that is not the index's is refused: every lookup with it would find nothing.
    static func openForReading(_ db: PostgresDatabase, location: IndexLocation) throws(IndexError) -> ValueKeyer? {
        do {
            try db.execute("SET default_transaction_read_only = on")
            guard let fingerprint = try indexFingerprint(db, use: "read") else {
                throw IndexError("the database \(db.target) holds no Phidex index: load one with `phidex index copy`")
            }
            // No key: reports work, and a lookup says how to give one (`IndexReader.requireKeyer`).
            guard !location.keyPath.isEmpty, let key = try? location.loadKey() else { return nil }
            let keyer = ValueKeyer(key: key)
            guard fingerprint == keyer.fingerprint else {
                throw IndexError("the key \(location.keyPath) does not belong to the index \(db.target)")
            }
            return keyer
        } catch let error as IndexError {
            throw error
        } catch let error as PostgresError {
            throw IndexError("cannot read the index \(db.target): \(error.message)")
        } catch {
            throw IndexError("cannot read the index \(db.target): \(error)")
        }
    }

    /// Loads the SQLite index at `source` (and its key) into this database, in one transaction.
    public func copy(from source: IndexLocation) throws(IndexError) -> CopyTotals {
        let sqlite: SQLiteDatabase
        do { sqlite = try SQLiteDatabase(path: source.path, readOnly: true) } catch {
            throw IndexError("cannot open the index \(source.path): \(error.message)")
        }
        try Schema.check(sqlite, path: source.path)
        let version: Int64
        do { version = try sqlite.scalar("PRAGMA user_version") ?? 0 } catch {
            throw IndexError("cannot read the index \(source.path): \(error.message)")
        }
        guard version == Schema.currentVersion else {
            throw IndexError(
                "the index \(source.path) is at schema \(version): run a scan into it with this build first (it migrates to \(Schema.currentVersion))")
        }
        let keyer = ValueKeyer(key: try IndexLocation(path: source.path, keyPath: keyPath).loadKey())
        do {
            let stored = try sqlite.prepare("SELECT value FROM meta WHERE key = 'key_fingerprint'")
            guard try stored.step(), stored.string(0) == keyer.fingerprint else {
                throw IndexError("the key \(keyPath) does not belong to the index \(source.path)")
            }
        } catch let error as SQLiteError {
            throw IndexError("cannot read the index \(source.path): \(error.message)")
        } catch {
            throw error as? IndexError ?? IndexError("\(error)")
        }

        let db: PostgresDatabase
        do { db = try PostgresDatabase(conninfo: conninfo) } catch { throw IndexError(error.message) }
        do {
            // Every table is read from one snapshot of the source, even while a scan writes to it:
            // links and findings then never name a run or a file the load did not bring.
            try sqlite.execute("BEGIN")
            defer { _ = try? sqlite.execute("COMMIT") }  // a read-only transaction: ending it cannot lose anything
            try db.execute("BEGIN")
            // One load at a time: the ids of the next one follow this one's.
            try db.execute("SELECT pg_advisory_xact_lock(7061696478)")
            try Self.prepare(db, keyer: keyer, keyPath: keyPath)
            // The same SQLite index loaded twice would count its people and files twice. Indexes are
            // told apart by their random id (an index gets one at its next scan if it has none).
            let identity = try sqlite.prepare("SELECT value FROM meta WHERE key = 'index_id'")
            guard try identity.step(), let id = identity.string(0) else {
                throw IndexError("the index \(source.path) has no id yet: scan into it once with this build, then copy it")
            }
            _ = identity.reset()
            let mark = "loaded " + id
            if let earlier = try db.query("SELECT value FROM meta WHERE key = $1", [mark]).string(0, 0) {
                throw IndexError("this SQLite index was loaded already (\(earlier)); load a new index, or into a new database")
            }
            let totals = try load(sqlite, into: db)
            try db.query(
                "INSERT INTO meta (key, value) VALUES ($1, $2)",
                [mark, "as runs \(totals.runOffset + 1)-\(totals.runOffset + Int64(totals.runs)), \(Date().ISO8601Format())"])
            // Sorting for the index builds in memory rather than in temporary files, for this session.
            try db.execute("SET LOCAL maintenance_work_mem = '256MB'")
            try db.execute(Schema.lookupIndexes)
            try db.execute("ANALYZE meta, scan_run, run_rule, file, reason, finding, run_file")
            try db.execute("COMMIT")
            return totals
        } catch {
            // The load's own error is the one to report; a failed ROLLBACK ends the session, which
            // rolls back all the same.
            _ = try? db.execute("ROLLBACK")
            let message = (error as? PostgresError)?.message ?? (error as? IndexError)?.message ?? (error as? SQLiteError)?.message ?? "\(error)"
            throw IndexError("cannot copy \(source.path) into \(db.target): \(message)")
        }
    }

    private func load(_ sqlite: SQLiteDatabase, into db: PostgresDatabase) throws -> CopyTotals {
        // Ids follow those already there (and those other hosts hold), table by table.
        let run = try PostgresLoad.reserve(db, table: "scan_run", count: PostgresLoad.maxID(sqlite, "scan_run"))
        let load = PostgresLoad(
            sqlite: sqlite, db: db, run: { $0 + run },
            fileOffset: try PostgresLoad.reserve(db, table: "file", count: PostgresLoad.maxID(sqlite, "file")),
            findingOffset: try PostgresLoad.reserve(db, table: "finding", count: PostgresLoad.maxID(sqlite, "finding")))
        func text(_ statement: Statement, _ column: Int32) -> String? { statement.isNull(column) ? nil : statement.string(column) }
        func number(_ statement: Statement, _ column: Int32) -> String? { statement.isNull(column) ? nil : String(statement.int(column)) }

        var totals = CopyTotals(runOffset: run)
        let runs = try sqlite.prepare(
            """
            SELECT id, started_at, finished_at, status, roots, options, ruleset_version, phidex_version, files_ok, files_error,
                   files_skipped, bytes_scanned, findings, reuse_key FROM scan_run ORDER BY id
            """)
        totals.runs = try db.copy(
            """
            COPY scan_run (id, started_at, finished_at, status, roots, options, ruleset_version, phidex_version, files_ok,
                           files_error, files_skipped, bytes_scanned, findings, reuse_key) FROM STDIN
            """
        ) { rows in
            guard try runs.step() else { return false }
            rows.row([String(runs.int(0) + run)] + (1...7).map { text(runs, $0) } + (8...12).map { number(runs, $0) } + [text(runs, 13)])
            return true
        }
        let rules = try sqlite.prepare("SELECT run_id, rule_id, content_hash FROM run_rule ORDER BY run_id, rule_id")
        _ = try db.copy("COPY run_rule (run_id, rule_id, content_hash) FROM STDIN") { rows in
            guard try rules.step() else { return false }
            rows.row([String(rules.int(0) + run), text(rules, 1), text(rules, 2)])
            return true
        }
        totals.files = try load.files()
        totals.findings = try load.findings(reasons: try load.reasons())
        try load.links()
        return totals
    }
}
