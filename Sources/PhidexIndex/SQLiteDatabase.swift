// A thin, non-Sendable wrapper over one sqlite3 connection. Whoever owns it
// (the IndexWriter actor, an IndexReader) uses it from one task at a time.

import CSQLite

/// A failure reported by SQLite, with the statement's purpose but never bound values.
public struct SQLiteError: Error, CustomStringConvertible {
    public var code: Int32
    public var message: String
    public var description: String { message }

    init(code: Int32, message: String) {
        self.code = code
        // A full disk is what a user can act on: said in those words, whatever statement met it.
        self.message = code & 0xFF == SQLITE_FULL
            ? "the disk is full: no space left for the index or SQLite's temporary files (\(message))" : message
    }
}

final class SQLiteDatabase {
    private(set) var handle: OpaquePointer?

    /// Opens `path`; `immutable` (read-only only) opens it as a file nothing will change: no lock, no
    /// write-ahead log, nothing created beside it — for an index on read-only media.
    init(path: String, readOnly: Bool, immutable: Bool = false) throws(SQLiteError) {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX | (immutable ? SQLITE_OPEN_URI : 0)
        let name = immutable ? "file:" + Self.uriPath(path) + "?mode=ro&immutable=1" : path
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            handle = nil
            throw SQLiteError(code: code, message: message)
        }
        sqlite3_busy_timeout(handle, 10_000)
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit { sqlite3_close_v2(handle) }

    /// A path as a `file:` URI's path: `%`, `?`, `#` and bytes outside printable ASCII escaped.
    static func uriPath(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != 0x25 && byte != 0x3F && byte != 0x23 {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        guard code == SQLITE_OK else {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw SQLiteError(code: code, message: message)
        }
    }

    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw lastError(code) }
        return Statement(handle: statement, database: self)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    func lastError(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    /// A single integer from a query such as `PRAGMA user_version`.
    func scalar(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int(0) : nil
    }
}

/// A prepared statement; reset and rebound for each use.
final class Statement {
    private let handle: OpaquePointer
    private unowned let database: SQLiteDatabase

    init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    @discardableResult
    func reset() -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        return self
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bind(_ index: Int32, _ value: Double) { sqlite3_bind_double(handle, index, value) }
    func bind(_ index: Int32, _ value: Int64?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }
    func bind(_ index: Int32, _ value: String?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_text(handle, index, value, -1, phidex_sqlite_transient())
    }

    /// Binds `values` to ?1, ?2, … in order.
    func bind(_ values: [any SQLValue]) {
        for (offset, value) in values.enumerated() { value.bind(to: self, at: Int32(offset + 1)) }
    }

    /// Advances to the next row; false when done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.lastError(code)
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws(SQLiteError) {
        while try step() {}
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    func string(_ column: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: text)
    }
    /// A text column's bytes, valid until the next step or reset.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }
}

/// Values a query can bind: on SQLite as themselves, on PostgreSQL as text parameters.
protocol SQLValue {
    func bind(to statement: Statement, at index: Int32)
    var parameterText: String { get }
}

extension Int64: SQLValue {
    func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
    var parameterText: String { String(self) }
}
extension Int: SQLValue {
    func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
    var parameterText: String { String(self) }
}
extension Double: SQLValue {
    func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
    var parameterText: String { String(self) }
}
extension String: SQLValue {
    func bind(to statement: Statement, at index: Int32) { statement.bind(index, self) }
    var parameterText: String { self }
}

/// One row of a query's result, on either engine: columns by position, from 0.
protocol IndexRow {
    func int(_ column: Int32) -> Int64
    func double(_ column: Int32) -> Double
    func string(_ column: Int32) -> String?
}

extension Statement: IndexRow {}
