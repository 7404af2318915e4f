// A SQLite database file built in memory from SQL statements and serialized:
// the same statements give the same bytes, so the corpus stays reproducible.

import CSQLite

/// Builds SQLite database files for the corpus and tests.
public enum SQLiteBuilder {
    /// The database file that running `sql` on an empty database leaves.
    public static func build(_ sql: String) throws(CorpusError) -> [UInt8] {
        var database: OpaquePointer?
        guard sqlite3_open_v2(":memory:", &database, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK else {
            throw CorpusError("SQLite could not open a memory database")
        }
        defer { sqlite3_close_v2(database) }
        var error: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(database, sql, nil, nil, &error) == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(error)
            throw CorpusError("SQLite: \(message)")
        }
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(database, "main", &size, 0) else {
            throw CorpusError("SQLite could not serialize the database")
        }
        defer { sqlite3_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: Int(size)))
    }
}
