// A thin, non-Sendable wrapper over one libpq connection: statements with text
// parameters, results read as text, and COPY for bulk loads. Whoever owns it
// uses it from one task at a time.
//
// Connection strings are libpq's own (`postgresql://user@host:port/db?sslmode=verify-full`,
// `service=NAME`, key=value pairs), so PGSERVICE, PGPASSFILE, PGSSLMODE and the rest
// of libpq's environment work as they do for psql. A password is never taken on
// the command line (it would show in `ps`): libpq reads it from PGPASSFILE or
// ~/.pgpass. Errors name the server and carry PostgreSQL's primary message only,
// never its DETAIL lines (which can quote a row); notices are dropped.

import CPostgres
#if canImport(Glibc)
import Glibc
#endif

/// A failure reported by PostgreSQL or libpq.
public struct PostgresError: Error, CustomStringConvertible {
    public var message: String
    /// The SQLSTATE code, when the server sent one (`23505`: a unique key taken).
    public var state: String?
    public var description: String { message }
}

final class PostgresDatabase {
    private let connection: OpaquePointer

    /// Connects with `conninfo` (a URL or key=value pairs). The session's times are UTC, whatever
    /// the server's settings. (Its messages stay in the server's language: choosing theirs,
    /// `lc_messages`, takes a superuser.)
    init(conninfo: String) throws(PostgresError) {
        guard let connection = PQconnectdb(conninfo) else { throw PostgresError(message: "out of memory connecting to PostgreSQL") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(message: "cannot connect to PostgreSQL: \(message)")
        }
        self.connection = connection
        // Notices and warnings are dropped, not printed by libpq: their DETAIL lines can quote rows.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        try execute("SET client_encoding TO 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages TO warning")
    }

    /// Whether `conninfo` holds a password (`postgresql://user:pw@…`, `password=…`, however spelled):
    /// libpq's own parser decides, so every form it would accept is caught.
    static func carriesPassword(_ conninfo: String) -> Bool {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(conninfo, &error) else {
            PQfreemem(error)
            return false  // not a connection string libpq would use either; connecting says why
        }
        defer { PQconninfoFree(options) }
        var option = options
        while let keyword = option.pointee.keyword {
            let name = String(cString: keyword)
            if name == "password" || name == "sslpassword", let value = option.pointee.val, value.pointee != 0 { return true }
            option += 1
        }
        return false
    }

    deinit { PQfinish(connection) }

    /// Where the connection goes, for messages: user, host and database, never the password.
    var target: String {
        "\(Self.text(PQuser(connection)))@\(Self.text(PQhost(connection))):\(Self.text(PQport(connection)))/\(Self.text(PQdb(connection)))"
    }

    /// Runs statements that return no rows (several, separated by `;`, when there are no parameters).
    func execute(_ sql: String) throws(PostgresError) {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        try check(result, sql)
    }

    /// Runs one statement with text parameters (`$1`, `$2`, …; nil is NULL) and returns its rows.
    @discardableResult
    func query(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresRows {
        let result = Self.withParameters(parameters) { count, values in
            PQexecParams(connection, sql, count, nil, values, nil, nil, 0)
        }
        guard let result else { throw PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.text(PQerrorMessage(connection)))") }
        let rows = PostgresRows(result: result)  // cleared when released, whatever happens next
        try check(result, sql)
        return rows
    }

    /// Runs one statement with text parameters and calls `visit` with each row as it arrives (libpq's
    /// single-row mode: a run's ten million findings are never held at once). What `visit` throws
    /// passes through; the rest of the result is read and dropped first, so the connection stays usable.
    func stream(_ sql: String, _ parameters: [String?], _ visit: (PostgresRow) throws -> Void) throws {
        let sent = Self.withParameters(parameters) { count, values in
            PQsendQueryParams(connection, sql, count, nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.text(PQerrorMessage(connection)))") }
        guard PQsetSingleRowMode(connection) == 1 else {
            while let result = PQgetResult(connection) { PQclear(result) }
            throw PostgresError(message: "\(Self.purpose(sql)) failed: the rows could not be streamed")
        }
        var failure: (any Error)?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            guard failure == nil else { continue }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                do { try visit(PostgresRow(result: result, row: 0)) } catch {
                    // The reader stopped (a closed pipe): the server is asked to stop sending
                    // rather than stream the rest of ten million rows to be dropped.
                    failure = error
                    if let cancel = PQgetCancel(connection) {
                        var reason = [CChar](repeating: 0, count: 256)
                        _ = PQcancel(cancel, &reason, Int32(reason.count))
                        PQfreeCancel(cancel)
                    }
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                break
            default:
                failure = PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.primary(result))", state: Self.state(result))
            }
        }
        if let failure { throw failure }
    }

    /// Loads rows with `COPY … FROM STDIN` in text format: `produce` appends rows to the buffer it
    /// is given (`PostgresCopy.row`) and returns false when there are no more. The rows go to the
    /// server in pieces of about 1 MiB.
    func copy(_ sql: String, _ produce: (inout PostgresCopy) throws -> Bool) throws -> Int {
        let start = PQexec(connection, sql)
        let status = PQresultStatus(start)
        let message = start.map(Self.primary) ?? Self.text(PQerrorMessage(connection))
        PQclear(start)
        guard status == PGRES_COPY_IN else { throw PostgresError(message: "\(Self.purpose(sql)) failed: \(message)") }
        var buffer = PostgresCopy()
        var failure: (any Error)?
        do {
            var more = true
            while more {
                more = try produce(&buffer)
                if buffer.bytes.count >= 1 << 20 || !more {
                    try send(buffer.bytes)
                    buffer.sent()
                }
            }
        } catch {
            failure = error
        }
        // A failure on our side ends the COPY with an error, so the server keeps none of its rows.
        let ended = failure == nil ? PQputCopyEnd(connection, nil) : PQputCopyEnd(connection, "the load was stopped")
        guard ended == 1 else { throw PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.text(PQerrorMessage(connection)))") }
        var outcome: PostgresError?
        while let result = PQgetResult(connection) {
            if PQresultStatus(result) != PGRES_COMMAND_OK, outcome == nil {
                outcome = PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.primary(result))", state: Self.state(result))
            }
            PQclear(result)
        }
        if let failure { throw failure }
        if let outcome { throw outcome }
        return buffer.rows
    }

    /// Calls `body` with the parameters as C strings (NULL for nil), kept alive for the call.
    private static func withParameters<T>(_ parameters: [String?], _ body: (Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> T) -> T {
        guard !parameters.isEmpty else { return body(0, nil) }
        var copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        return copies.withUnsafeMutableBufferPointer { values in
            values.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: values.count) { body(Int32(values.count), $0) }
        }
    }

    private func send(_ bytes: [UInt8]) throws(PostgresError) {
        guard !bytes.isEmpty else { return }
        let sent = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { PQputCopyData(connection, $0, Int32(buffer.count)) }
        }
        guard sent == 1 else { throw PostgresError(message: "COPY failed: \(Self.text(PQerrorMessage(connection)))") }
    }

    private func check(_ result: OpaquePointer?, _ sql: String) throws(PostgresError) {
        guard let result else { throw PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.text(PQerrorMessage(connection)))") }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return
        default:
            throw PostgresError(message: "\(Self.purpose(sql)) failed: \(Self.primary(result))", state: Self.state(result))
        }
    }

    /// The server's primary message only: its DETAIL and CONTEXT lines can quote a row's values
    /// (`Key (path)=(…) already exists`).
    private static func primary(_ result: OpaquePointer) -> String {
        let message = text(PQresultErrorField(result, Int32(UInt8(ascii: "M"))))
        return message.isEmpty ? text(PQresultErrorMessage(result)) : message
    }

    private static func state(_ result: OpaquePointer) -> String? {
        PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
    }

    /// A statement's first words, to say which one failed without its values (there are none in
    /// the SQL text itself: values are always parameters or COPY data).
    private static func purpose(_ sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(4)
        return words.joined(separator: " ")
    }

    static func text(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        var text = String(cString: pointer)
        while text.last == "\n" || text.last == " " { text.removeLast() }
        return text
    }
}
