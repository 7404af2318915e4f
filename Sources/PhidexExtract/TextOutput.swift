// The text a document renders to, as detectors will read it: paragraphs as
// lines, and tables as tab-separated rows under a header line. A table's header
// is declared as a `TableRows` stretch at the offset where its rows begin, so a
// date under "Date of birth" in row 900 of a spreadsheet, or in an HTML table
// halfway down a page, gets its column as context — the same signal a CSV
// header gives.

public import PhidexCore

/// A rendered document's pending text and the table stretches declared in it.
public final class TextOutput {
    /// Text not handed out yet: `pending[drained...]`.
    var pending: [UInt8] = []
    private var drained = 0
    /// The last byte moved out of `pending`, for line breaks right after a drain.
    private var lastDrained: UInt8 = 0x0A
    /// Stream offset of `pending[0]`.
    private var pendingStart: Int64 = 0
    /// Stretches declared since the last `takeTables()`.
    private var declared: [TableRows] = []

    // The outermost table being laid out; nested tables flow into its cells as text.
    private var tableDepth = 0
    private var row: [[UInt8]] = []
    private var cell: [UInt8]?
    private var header: [String]?

    init() {}

    /// Stream offset just past the text written so far.
    var offset: Int64 { pendingStart + Int64(pending.count) }

    /// Moves up to `buffer.count` bytes of text out; returns how many.
    func drain(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, pending.count - drained)
        guard count > 0 else { return 0 }
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + drained, byteCount: count) }
        drained += count
        if drained == pending.count || drained >= 1 << 20 {
            lastDrained = pending[drained - 1]
            pending.removeFirst(drained)
            pendingStart += Int64(drained)
            drained = 0
        }
        return count
    }

    /// Bytes written and not drained yet.
    var available: Int { pending.count - drained }

    /// The table stretches declared since the last call.
    public func takeTables() -> [TableRows] {
        defer { declared.removeAll() }
        return declared
    }

    // MARK: Text

    func append(_ bytes: UnsafeRawBufferPointer) {
        if cell != nil {
            // Inside a table cell: line breaks and tabs would break the row apart.
            for byte in bytes { cell!.append(byte == 0x0A || byte == 0x09 || byte == 0x0D ? 0x20 : byte) }
        } else if tableDepth == 0 {
            pending.append(contentsOf: bytes)
        }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Ends a line (a paragraph, a heading, a line break); a space inside a table cell.
    func lineBreak() {
        if cell != nil {
            if let last = cell!.last, last != 0x20 { cell!.append(0x20) }
        } else if tableDepth == 0, (pending.last ?? lastDrained) != 0x0A {
            pending.append(0x0A)
        }
    }

    func tab() {
        if cell != nil { cell!.append(0x20) } else if tableDepth == 0 { pending.append(0x09) }
    }

    // MARK: Tables

    func beginTable() {
        tableDepth += 1
        guard tableDepth == 1 else { return }
        lineBreak()
        row = []
        header = nil
    }

    func endTable() {
        guard tableDepth > 0 else { return }
        tableDepth -= 1
        guard tableDepth == 0 else { return }
        if cell != nil { endCell() }
        if !row.isEmpty { endRow() }
        if header != nil { declared.append(TableRows(start: offset, columns: [], style: .lines(0x09))) }
        header = nil
    }

    func beginRow() {
        guard tableDepth == 1 else { return }
        row = []
    }

    /// A cell begins; `column` (0-based) places it when the format numbers cells (spreadsheets).
    func beginCell(column: Int? = nil) {
        guard tableDepth == 1 else { return }
        if cell != nil { endCell() }
        if let column, column > row.count { row.append(contentsOf: repeatElement([], count: min(column - row.count, 16_384))) }
        cell = []
    }

    func endCell() {
        guard tableDepth == 1, var text = cell else { return }
        while text.last == 0x20 { text.removeLast() }
        row.append(text)
        cell = nil
    }

    func endRow() {
        guard tableDepth == 1 else { return }
        if cell != nil { endCell() }
        while row.last?.isEmpty == true { row.removeLast() }
        guard !row.isEmpty else { return }
        tableDepth = 0  // write the row as text
        for (index, text) in row.enumerated() {
            if index > 0 { pending.append(0x09) }
            let trimmed = text.drop { $0 == 0x20 }
            pending.append(contentsOf: trimmed)
        }
        pending.append(0x0A)
        tableDepth = 1
        if header == nil, let names = Self.headerNames(row) {
            header = names
            declared.append(TableRows(start: offset, columns: names, style: .lines(0x09)))
        }
        row = []
    }

    /// A row's cells as column names, when it reads as a header: two or more named cells, each
    /// with a letter, at most 64 bytes, and not mostly digits.
    static func headerNames(_ row: [[UInt8]]) -> [String]? {
        let named = row.filter { !$0.isEmpty }
        guard named.count >= 2 else { return nil }
        for text in named {
            let letters = text.count { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
            let digits = text.count { $0 >= 0x30 && $0 <= 0x39 }
            guard text.count <= 64, letters > 0, digits <= letters else { return nil }
        }
        // A no-break space (`Date&nbsp;of birth`) is a space in a column name.
        return row.map { String(decoding: $0, as: UTF8.self).lowercased().replacingNoBreakSpaces().trimmingCharacters(in: " :") }
    }
}

extension String {
    fileprivate func replacingNoBreakSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{00A0}" ? " " : $0 }))
    }

    fileprivate func trimmingCharacters(in characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
