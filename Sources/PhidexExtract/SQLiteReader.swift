// A SQLite database file as a container of its tables: each table is a member
// (`emr.db!patients`) read as tab-separated text whose first line is the
// column names, so detection gets every column's name as context, as for a
// CSV export. The database is opened read-only and immutable (no lock, no
// journal, nothing written next to it); a database inside an archive or a mail
// is copied into memory and opened there. Rows stream one at a time, so a
// 42,000-patient table needs no more memory than a row.
//
// Text and numbers are written as they are; a BLOB is written when it is UTF-8
// text and otherwise as `<blob N bytes>` (its bytes are not carved).

import CSQLite
#if canImport(Glibc)
import Glibc
#endif

/// Reads the tables of a SQLite database, row by row. Owned by one task.
final class SQLiteReader: ContainerReader {
    /// The largest database read from inside another container.
    static let copyLimit = 256 << 20

    private var database: OpaquePointer?
    private var tables: [String] = []
    private var nextTable = 0
    private var statement: OpaquePointer?
    private var columnCount = 0
    /// The current table, quoted for SQL, and whether its rows come with their rowid (column 0).
    private var quotedTable = ""
    private var hasRowID = false
    private var firstColumn: Int { hasRowID ? 1 : 0 }
    private var lastRowID: Int64?
    private var rowsRead = 0
    private var resumes = 0
    /// The first damage met in the current table: its member's error once its readable rows are read.
    private var damage: ReadFailure?
    private var line: [UInt8] = []
    private var lineOffset = 0
    private var failure: ReadFailure?
    /// The copy a nested database is opened from (SQLite does not own it).
    private var copy: UnsafeMutableRawPointer?
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = false

    init(source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) throws(ReadFailure) {
        if let file, prefix.isEmpty {
            let uri = "file:" + Self.percentEncoded(file.entry.path) + "?mode=ro&immutable=1"
            let code = sqlite3_open_v2(uri, &database, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nil)
            guard code == SQLITE_OK else { throw ReadFailure(reason: "SQLite could not open it: \(message(code))") }
            bytesConsumed = file.entry.size
        } else {
            let bytes = try MemorySource.copy(prefix, then: source, limit: Self.copyLimit, what: "a SQLite database")
            guard sqlite3_open_v2(":memory:", &database, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
                let buffer = sqlite3_malloc64(UInt64(bytes.count))
            else { throw ReadFailure(reason: "SQLite could not open an in-memory copy") }
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
            let flags = UInt32(SQLITE_DESERIALIZE_READONLY | SQLITE_DESERIALIZE_FREEONCLOSE)
            let code = sqlite3_deserialize(database, "main", buffer.assumingMemoryBound(to: UInt8.self), Int64(bytes.count), Int64(bytes.count), flags)
            guard code == SQLITE_OK else { throw ReadFailure(reason: "SQLite could not read it: \(message(code))") }
            bytesConsumed = Int64(bytes.count)
        }
        var list: OpaquePointer?
        let query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        let code = sqlite3_prepare_v2(database, query, -1, &list, nil)
        guard code == SQLITE_OK else { throw ReadFailure(reason: "not a readable SQLite database: \(message(code))") }
        defer { sqlite3_finalize(list) }
        while sqlite3_step(list) == SQLITE_ROW {
            if let name = sqlite3_column_text(list, 0) { tables.append(String(cString: name)) }
        }
    }

    deinit {
        sqlite3_finalize(statement)
        sqlite3_close_v2(database)
    }

    private func message(_ code: Int32) -> String {
        database.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
    }

    func next() -> ArchiveReader.Next {
        sqlite3_finalize(statement)
        statement = nil
        if let failure {
            self.failure = nil
            return .failure(failure.reason, encrypted: false)
        }
        guard nextTable < tables.count else { return .end }
        let table = tables[nextTable]
        nextTable += 1
        quotedTable = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        damage = nil
        lastRowID = nil
        rowsRead = 0
        resumes = 0
        // Rows with their rowid first (not rendered) where the table has one: a damaged page is
        // skipped by starting again past the last rowid read.
        hasRowID = sqlite3_prepare_v2(database, "SELECT rowid, * FROM \(quotedTable) ORDER BY rowid", -1, &statement, nil) == SQLITE_OK
        if !hasRowID {
            sqlite3_finalize(statement)
            statement = nil
            let code = sqlite3_prepare_v2(database, "SELECT * FROM \(quotedTable)", -1, &statement, nil)
            guard code == SQLITE_OK else {
                failure = ReadFailure(reason: "table \(table) not readable: \(message(code))")
                return next()
            }
        }
        columnCount = Int(sqlite3_column_count(statement))
        line = (firstColumn..<columnCount).map { sqlite3_column_name(statement, Int32($0)).map { String(cString: $0) } ?? "" }
            .joined(separator: "\t").utf8.map { $0 } + [0x0A]
        lineOffset = 0
        let name = table.replacingOccurrences(of: "!", with: "_").replacingOccurrences(of: "/", with: "_")
        return .member(ArchiveReader.Member(name: name, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false))
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        var written = 0
        while written < buffer.count {
            if lineOffset == line.count {
                guard let statement else { break }
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE {
                    // Stepping again would start the table over.
                    sqlite3_finalize(statement)
                    self.statement = nil
                    break
                }
                guard code == SQLITE_ROW else {
                    // A damaged page: the rows read so far are handed on, the table is read on past
                    // the damage where its rowids allow, and the member ends in an error.
                    let reason = message(code)
                    damage = damage ?? ReadFailure(reason: "a damaged page in table \(quotedTable) after \(rowsRead) rows (\(reason)); rows past it read where reachable")
                    if !resumePastDamage() { break }
                    continue
                }
                if hasRowID {
                    // A table is scanned in rowid order: a rowid not above the last one read is a
                    // damaged tree leading back (seen fuzzing: a 12 KiB file gave 3 MB of rows).
                    let rowID = sqlite3_column_int64(statement, 0)
                    if let last = lastRowID, rowID <= last {
                        damage = damage ?? ReadFailure(reason: "a damaged page in table \(quotedTable) after \(rowsRead) rows (its rows lead back); the rest not read")
                        sqlite3_finalize(statement)
                        self.statement = nil
                        break
                    }
                    lastRowID = rowID
                }
                rowsRead += 1
                render(statement)
            }
            let count = min(buffer.count - written, line.count - lineOffset)
            line.withUnsafeBytes { buffer.baseAddress!.advanced(by: written).copyMemory(from: $0.baseAddress! + lineOffset, byteCount: count) }
            lineOffset += count
            written += count
        }
        if written == 0, statement == nil, let damage {
            self.damage = nil
            throw damage
        }
        return written
    }

    /// After a damaged page: starts the table again past the last rowid read, trying ever larger
    /// jumps (the damaged page's rows are lost). False when nothing past it can be read.
    private func resumePastDamage() -> Bool {
        sqlite3_finalize(statement)
        statement = nil
        resumes += 1
        guard hasRowID, let last = lastRowID, resumes <= 100 else { return false }
        var jump: Int64 = 1
        while jump <= 1 << 40 {
            var attempt: OpaquePointer?
            guard sqlite3_prepare_v2(database, "SELECT rowid, * FROM \(quotedTable) WHERE rowid >= ?1 ORDER BY rowid", -1, &attempt, nil) == SQLITE_OK else {
                sqlite3_finalize(attempt)
                return false
            }
            let (start, overflow) = last.addingReportingOverflow(jump)
            if overflow {
                sqlite3_finalize(attempt)
                return false
            }
            sqlite3_bind_int64(attempt, 1, start)
            switch sqlite3_step(attempt) {
            case SQLITE_ROW:
                // Read this row again from the top of the loop: reset to just before it.
                sqlite3_reset(attempt)
                statement = attempt
                return true
            case SQLITE_DONE:
                sqlite3_finalize(attempt)
                return false
            default:
                sqlite3_finalize(attempt)
                jump *= 2
            }
        }
        return false
    }

    /// The current row as one tab-separated line.
    private func render(_ statement: OpaquePointer) {
        line.removeAll(keepingCapacity: true)
        lineOffset = 0
        for column in Int32(firstColumn)..<Int32(columnCount) {
            if column > Int32(firstColumn) { line.append(0x09) }
            switch sqlite3_column_type(statement, column) {
            case SQLITE_NULL:
                break
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                if let bytes = sqlite3_column_blob(statement, column) {
                    let blob = UnsafeRawBufferPointer(start: bytes, count: count)
                    if String(validating: blob, as: UTF8.self) != nil && !blob.contains(0) {
                        append(blob)
                    } else {
                        line.append(contentsOf: "<blob \(count) bytes>".utf8)
                    }
                }
            default:
                if let text = sqlite3_column_text(statement, column) {
                    append(UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, column))))
                }
            }
        }
        line.append(0x0A)
    }

    /// A value, its tabs and line breaks as spaces (they would split the row).
    private func append(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { line.append(byte == 0x09 || byte == 0x0A || byte == 0x0D ? 0x20 : byte) }
    }

    /// A file path as a `file:` URI path: `%`, `?` and `#` (and anything outside printable ASCII) escaped.
    static func percentEncoded(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != 0x25 && byte != 0x3F && byte != 0x23 {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded()
            }
        }
        return encoded
    }

    /// Whether `prefix` starts a SQLite 3 database.
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        ContainerFormat.starts(prefix, "SQLite format 3\u{0}".utf8)
    }
}

extension String {
    fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }

    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
