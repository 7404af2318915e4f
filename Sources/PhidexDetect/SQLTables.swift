// Column context for SQL dumps (mysqldump, pg_dump, sqlite3 .dump): in
// `INSERT INTO patients VALUES (1,'02114926','David','1987-04-11',…)` the
// second field is an MRN only because `CREATE TABLE patients` said so, perhaps
// megabytes earlier. The tracker reads the statements that name columns as the
// stream goes by — CREATE TABLE, INSERT INTO … (columns) VALUES, COPY … (columns)
// FROM stdin — and keeps, for each stretch of the stream, the column names its
// rows use. A value's column is found from its tuple's opening parenthesis (or,
// in COPY data, its line start), looked for at most `lookBehind` bytes back.
//
// Only streams whose first 64 KiB hold such a statement are followed further,
// so other text pays for one pass over its first 64 KiB.

public import PhidexCore
#if canImport(Glibc)
import Glibc
#endif

/// The SQL statements of one stream that name columns, read as its chunks arrive.
struct SQLTables {
    /// Column lists of the tables created so far, by lowercased unqualified name.
    private var tables: [String: [String]] = [:]
    /// Row stretches, oldest first; old ones are dropped once no window can reach them.
    private(set) var rows: [TableRows] = []
    /// Bytes kept from the previous chunk: a statement that was not complete yet.
    private var carry: [UInt8] = []
    private var carryStart: Int64 = 0

    static let gateLength = 64 << 10
    static let longestStatement = 64 << 10
    /// How far back from a value its tuple's `(` may be.
    static let lookBehind = 4096

    mutating func reset() { self = SQLTables() }

    /// Rows an extractor laid out itself (a document's table, rendered as tab-separated lines).
    mutating func declare(_ stretch: TableRows) {
        rows.removeAll { $0.start >= stretch.start }
        rows.append(stretch)
    }

    /// Reads `chunk`, which starts at stream offset `offset`, right after the previous chunk. The
    /// first `gateLength` bytes are always read; later ones only when those held a statement,
    /// which keeps the answer independent of chunk sizes.
    mutating func add(_ chunk: UnsafeRawBufferPointer, at offset: Int64) {
        guard !chunk.isEmpty, offset < Int64(Self.gateLength) || rowsOrTables else { return }
        if !rowsOrTables && offset + Int64(chunk.count) > Int64(Self.gateLength) {
            // Only the gate's bytes decide; the rest is read if they held a statement.
            let allowed = Int(Int64(Self.gateLength) - offset)
            add(UnsafeRawBufferPointer(rebasing: chunk[..<allowed]), at: offset)
            if rowsOrTables { add(UnsafeRawBufferPointer(rebasing: chunk[allowed...]), at: offset + Int64(allowed)) }
            return
        }
        if carry.isEmpty {
            read(chunk, at: offset)
        } else {
            var joined = carry
            joined.append(contentsOf: chunk)
            let start = carryStart
            carry = []
            joined.withUnsafeBytes { read($0, at: start) }
        }
    }

    /// Whether any statement naming columns was read.
    var rowsOrTables: Bool { !rows.isEmpty || !tables.isEmpty }

    /// Drops stretches that begin before `offset`, except the one in effect there.
    mutating func forget(before offset: Int64) {
        guard let keep = rows.lastIndex(where: { $0.start <= offset }), keep > 0 else { return }
        rows.removeFirst(keep)
    }

    private static let keywords: [[UInt8]] = ["create table", "insert into", "copy "].map { Array($0.utf8) }

    /// Finds every statement in `bytes` (stream offset `offset`); keeps an unfinished one for later.
    private mutating func read(_ bytes: UnsafeRawBufferPointer, at offset: Int64) {
        var position = 0
        while let (keyword, at) = nextKeyword(in: bytes, from: position) {
            var parser = Parser(bytes: bytes, position: at + Self.keywords[keyword].count)
            let done: Bool
            switch keyword {
            case 0: done = createTable(&parser)
            case 1: done = insert(&parser, at: offset)
            default: done = copy(&parser, at: offset)
            }
            if !done && parser.reachedEnd {
                if bytes.count - at <= Self.longestStatement {
                    carry = Array(bytes[at...])
                    carryStart = offset + Int64(at)
                }
                return
            }
            position = max(at + 1, parser.position)
        }
        // A keyword may straddle the chunk boundary.
        let tail = min(bytes.count, 16)
        carry = Array(bytes[(bytes.count - tail)...])
        carryStart = offset + Int64(bytes.count - tail)
    }

    /// The next keyword (its index) at a statement start (a line's start or after `;`, then spaces
    /// or tabs) at or after `start`. Only statement starts are looked at, found with memchr: the
    /// first 64 KiB of every stream pass through here.
    private func nextKeyword(in bytes: UnsafeRawBufferPointer, from start: Int) -> (Int, Int)? {
        guard let base = bytes.baseAddress else { return nil }
        var at = start
        var semicolon = -1  // the next `;` at or after `at` once looked up (-2: none)
        while at < bytes.count {
            var candidate = at
            while candidate < bytes.count && (bytes[candidate] == 0x20 || bytes[candidate] == 0x09) { candidate += 1 }
            if candidate < bytes.count, at > start || Self.startsStatement(bytes, at: candidate) {
                let byte = bytes[candidate] | 0x20
                if byte == 0x63 || byte == 0x69 {
                    for (index, keyword) in Self.keywords.enumerated() where keyword[0] == byte && Self.matches(keyword, in: bytes, at: candidate) {
                        return (index, candidate)
                    }
                }
            }
            guard candidate < bytes.count else { return nil }
            // The next statement start: after the next newline or `;`.
            let rest = bytes.count - candidate
            let newline = memchr(base + candidate, 0x0A, rest).map { UnsafeRawPointer($0) - base } ?? -1
            if semicolon != -2 && semicolon < candidate {
                semicolon = memchr(base + candidate, 0x3B, rest).map { UnsafeRawPointer($0) - base } ?? -2
            }
            let next = newline < 0 ? semicolon : semicolon < 0 ? newline : min(newline, semicolon)
            guard next >= 0 else { return nil }
            at = next + 1
        }
        return nil
    }

    /// Whether a statement may begin at `at`: only spaces or tabs between it and a line's start or `;`.
    private static func startsStatement(_ bytes: UnsafeRawBufferPointer, at: Int) -> Bool {
        var back = at
        while back > 0 && (bytes[back - 1] == 0x20 || bytes[back - 1] == 0x09) { back -= 1 }
        return back == 0 || bytes[back - 1] == 0x0A || bytes[back - 1] == 0x3B
    }

    static func matches(_ keyword: [UInt8], in bytes: UnsafeRawBufferPointer, at: Int) -> Bool {
        guard at + keyword.count <= bytes.count else { return false }
        for index in 1..<keyword.count where ContextWords.lower(bytes[at + index]) != keyword[index] { return false }
        return true
    }

    // MARK: Statements

    private static let constraintWords: Set<String> = [
        "primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial", "exclude",
    ]

    private mutating func createTable(_ parser: inout Parser) -> Bool {
        parser.skipWords(["if", "not", "exists"])
        guard let name = parser.qualifiedName(), parser.consume(0x28) else { return parser.reachedEnd ? false : true }
        var columns: [String] = []
        while true {
            parser.skipSpace()
            guard let first = parser.identifier() else { return parser.reachedEnd ? false : true }
            if !Self.constraintWords.contains(first) { columns.append(first) }
            guard let closer = parser.skipDefinition() else { return false }
            if closer == 0x29 { break }
        }
        tables[name] = columns
        return true
    }

    private mutating func insert(_ parser: inout Parser, at offset: Int64) -> Bool {
        guard let name = parser.qualifiedName() else { return !parser.reachedEnd }
        guard let columns = parser.columnList() ?? tables[name].map({ .some($0) }) else { return !parser.reachedEnd }
        guard parser.word() == "values" else { return !parser.reachedEnd }
        if let columns, !columns.isEmpty { add(TableRows(start: offset + Int64(parser.position), columns: columns, style: .tuples)) }
        return true
    }

    private mutating func copy(_ parser: inout Parser, at offset: Int64) -> Bool {
        guard let name = parser.qualifiedName() else { return !parser.reachedEnd }
        guard let columns = parser.columnList() ?? tables[name].map({ .some($0) }) else { return !parser.reachedEnd }
        guard parser.word() == "from", parser.word() == "stdin" else { return !parser.reachedEnd }
        guard parser.skipLine() else { return false }
        if let columns, !columns.isEmpty { add(TableRows(start: offset + Int64(parser.position), columns: columns, style: .lines(0x09))) }
        return true
    }

    private mutating func add(_ stretch: TableRows) {
        if let last = rows.last, last.start >= stretch.start { return }  // read again from a carry
        rows.append(stretch)
    }

    /// A cursor over statement text.
    private struct Parser {
        let bytes: UnsafeRawBufferPointer
        var position: Int
        var reachedEnd = false

        var peek: UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
            if position >= bytes.count { reachedEnd = true }
        }

        mutating func consume(_ byte: UInt8) -> Bool {
            skipSpace()
            guard peek == byte else { return false }
            position += 1
            return true
        }

        /// A bare or quoted (`x`, "x", [x]) identifier, lowercased.
        mutating func identifier() -> String? {
            skipSpace()
            guard let first = peek else { return nil }
            let closer: UInt8? = first == 0x60 ? 0x60 : first == 0x22 ? 0x22 : first == 0x5B ? 0x5D : nil
            var text: [UInt8] = []
            if let closer {
                position += 1
                while position < bytes.count && bytes[position] != closer {
                    text.append(ContextWords.lower(bytes[position]))
                    position += 1
                }
                guard position < bytes.count else { reachedEnd = true; return nil }
                position += 1
            } else {
                while position < bytes.count, ContextWords.isAlphanumeric(bytes[position]) || bytes[position] == 0x5F || bytes[position] == 0x24 {
                    text.append(ContextWords.lower(bytes[position]))
                    position += 1
                }
                if position >= bytes.count { reachedEnd = true; return nil }
            }
            return text.isEmpty || text.count > 64 ? nil : String(decoding: text, as: UTF8.self)
        }

        /// `schema.table` as its last part.
        mutating func qualifiedName() -> String? {
            guard var name = identifier() else { return nil }
            while peek == 0x2E {
                position += 1
                guard let next = identifier() else { return nil }
                name = next
            }
            return name
        }

        mutating func word() -> String? {
            skipSpace()
            var text: [UInt8] = []
            while position < bytes.count, ContextWords.isLetter(bytes[position]) {
                text.append(ContextWords.lower(bytes[position]))
                position += 1
            }
            if position >= bytes.count { reachedEnd = true }
            return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
        }

        /// A parenthesized column list: nil when there is none, .some(nil) when it is broken or cut off.
        mutating func columnList() -> [String]?? {
            skipSpace()
            guard consume(0x28) else { return nil }
            var listed: [String] = []
            while let column = identifier() {
                listed.append(column)
                skipSpace()
                if consume(0x2C) { continue }
                break
            }
            return consume(0x29) ? .some(listed) : .some(nil)
        }

        mutating func skipWords(_ words: [String]) {
            let saved = position
            for expected in words where word() != expected {
                position = saved
                return
            }
        }

        /// Skips a column definition to its `,` or closing `)` at depth 0, outside quotes; returns which.
        mutating func skipDefinition() -> UInt8? {
            var depth = 0
            var quote: UInt8?
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == 0x27 || byte == 0x22 || byte == 0x60 {
                    quote = byte
                } else if byte == 0x28 {
                    depth += 1
                } else if byte == 0x29 {
                    if depth == 0 { return byte }
                    depth -= 1
                } else if byte == 0x2C && depth == 0 {
                    return byte
                }
            }
            reachedEnd = true
            return nil
        }

        mutating func skipLine() -> Bool {
            while position < bytes.count && bytes[position] != 0x0A { position += 1 }
            guard position < bytes.count else { reachedEnd = true; return false }
            position += 1
            return true
        }
    }
}

/// The row stretches a window can see (SQL dumps' and those an extractor declared), and how to
/// find a value's column in them.
public struct TableRowsIndex: Sendable {
    public let rows: [TableRows]

    /// The stretch rows starting at stream offset `offset` belong to.
    func stretch(at offset: Int64) -> TableRows? {
        rows.last { $0.start <= offset }
    }

    /// The column name of the value at `position` of `window`.
    func column(at position: Int, in window: UnsafeRawBufferPointer, windowStart: Int64) -> String? {
        guard let stretch = stretch(at: windowStart + Int64(position)) else { return nil }
        switch stretch.style {
        case .lines(let delimiter):
            var lineStart = position
            let earliest = max(0, position - SQLTables.lookBehind)
            while lineStart > earliest && window[lineStart - 1] != 0x0A { lineStart -= 1 }
            guard lineStart == 0 && windowStart == 0 || lineStart > 0 && window[lineStart - 1] == 0x0A else { return nil }
            let index = (lineStart..<position).count { window[$0] == delimiter }
            return index < stretch.columns.count ? stretch.columns[index] : nil
        case .tuples:
            guard let open = Self.tupleStart(before: position, in: window, stretchStart: stretch.start - windowStart),
                let cells = Self.cells(of: open, in: window),
                let index = cells.cells.firstIndex(where: { $0.lowerBound <= position && position <= $0.upperBound })
            else { return nil }
            return index < stretch.columns.count ? stretch.columns[index] : nil
        }
    }

    /// The `(` opening the tuple that holds `position`: one after `VALUES`, or after `,` that follows `)`.
    static func tupleStart(before position: Int, in window: UnsafeRawBufferPointer, stretchStart: Int64) -> Int? {
        var at = position
        let earliest = max(0, position - SQLTables.lookBehind, Int(clamping: max(0, stretchStart)))
        while at > earliest {
            at -= 1
            guard window[at] == 0x28, isTupleOpening(at, in: window, stretchStart: stretchStart) else { continue }
            return at
        }
        return nil
    }

    /// Whether the `(` at `at` opens a tuple: preceded by `VALUES`, or by `),` (spaces and newlines between).
    static func isTupleOpening(_ at: Int, in window: UnsafeRawBufferPointer, stretchStart: Int64) -> Bool {
        var back = at
        func skipSpace() { while back > 0 && [0x20, 0x09, 0x0A, 0x0D].contains(window[back - 1]) { back -= 1 } }
        skipSpace()
        if Int64(back) == stretchStart { return true }  // right after `VALUES`
        guard back > 0 else { return false }
        if window[back - 1] == 0x2C {
            back -= 1
            skipSpace()
            return back > 0 && window[back - 1] == 0x29
        }
        return back >= 6 && SQLTables.matches(Array("values".utf8), in: window, at: back - 6)
    }

    /// The value ranges of the tuple opened at `open` (quotes excluded), and where it closes; nil
    /// when it runs past the window.
    static func cells(of open: Int, in window: UnsafeRawBufferPointer) -> (cells: [Range<Int>], close: Int)? {
        var cells: [Range<Int>] = []
        var cellStart = open + 1
        var position = open + 1
        var quoted = false
        var depth = 0
        while position < window.count {
            let byte = window[position]
            if quoted {
                if byte == 0x5C { position += 2; continue }  // MySQL's backslash escapes
                if byte == 0x27 { quoted = false }
            } else if byte == 0x27 {
                quoted = true
            } else if byte == 0x28 {
                depth += 1
            } else if byte == 0x29 && depth > 0 {
                depth -= 1
            } else if byte == 0x2C || byte == 0x29 {
                cells.append(trimmed(cellStart..<position, in: window))
                if byte == 0x29 { return (cells, position) }
                cellStart = position + 1
            }
            position += 1
        }
        return nil
    }

    static func trimmed(_ range: Range<Int>, in window: UnsafeRawBufferPointer) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end && [0x20, 0x0A, 0x0D, 0x09].contains(window[start]) { start += 1 }
        while end > start && [0x20, 0x0A, 0x0D, 0x09].contains(window[end - 1]) { end -= 1 }
        if end - start >= 2 && window[start] == 0x27 && window[end - 1] == 0x27 { start += 1; end -= 1 }
        return start..<end
    }
}
