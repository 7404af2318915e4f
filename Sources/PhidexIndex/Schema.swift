// Schema versions and migrations. The SQL lives in Schema/*.sql, compiled into
// the binary; this file only orders it and guards against indexes from the future.

import Foundation

enum Schema {
    /// The newest schema this build knows.
    static let currentVersion: Int64 = 9

    /// The SQL that takes an index from version n-1 to n, for n = 1, 2, …
    static let migrations: [Int64: [UInt8]] = [
        1: PackageResources.v1_initial_sql, 2: PackageResources.v2_rule_versions_sql,
        3: PackageResources.v3_clinical_terms_sql, 4: PackageResources.v4_reason_table_sql,
        5: PackageResources.v5_incremental_sql, 6: PackageResources.v6_run_file_sql,
        7: PackageResources.v7_records_sql, 8: PackageResources.v8_abandoned_runs_sql,
        9: PackageResources.v9_path_key_sql,
    ]

    static let lookupIndexes = String(decoding: PackageResources.lookup_indexes_sql, as: UTF8.self)
    /// Dropped while a scan appends (and rebuilt at its end). `finding_file` stays: carrying an
    /// unchanged file's findings over needs it, and rows arrive in its order.
    static let lookupIndexNames = ["finding_value_key", "finding_type", "file_run_path", "file_run_risk"]

    /// Refuses indexes newer than this build, then applies any missing migrations.
    static func migrate(_ db: SQLiteDatabase, path: String) throws(IndexError) {
        let version: Int64
        do { version = try db.scalar("PRAGMA user_version") ?? 0 } catch {
            throw IndexError("\(path) is not a Phidex index (\(error.message))")
        }
        if version > currentVersion {
            throw IndexError(
                "\(path) was written by a newer Phidex (schema \(version); this build knows up to \(currentVersion)). "
                    + "Upgrade Phidex to read it.")
        }
        guard version < currentVersion else { return }
        do {
            try db.execute("BEGIN IMMEDIATE")
            // Read again under the write lock: two scans creating the same new index wait for each
            // other here, and the second finds the schema the first made.
            let locked = try db.scalar("PRAGMA user_version") ?? 0
            guard locked < currentVersion else {
                try db.execute("COMMIT")
                return
            }
            for step in (locked + 1)...currentVersion {
                try db.execute(String(decoding: migrations[step]!, as: UTF8.self))
                try db.execute("PRAGMA user_version = \(step)")
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw IndexError("cannot initialize the index \(path): \(error.message)")
        }
    }

    static func check(_ db: SQLiteDatabase, path: String) throws(IndexError) {
        let version: Int64
        do { version = try db.scalar("PRAGMA user_version") ?? 0 } catch {
            throw IndexError("\(path) is not a Phidex index (\(error.message))")
        }
        if version == 0 { throw IndexError("\(path) is not a Phidex index (no schema)") }
        if version > currentVersion {
            throw IndexError(
                "\(path) was written by a newer Phidex (schema \(version); this build knows up to \(currentVersion)). "
                    + "Upgrade Phidex to read it.")
        }
    }
}
