// An xlsx worksheet as a table: each row a tab-separated line with cells in
// their columns (`r="C5"`), text cells resolved through the shared strings,
// numbers as written, and date-styled numbers as ISO dates (Excel's serial
// 23456 is 1964-03-21). The first row that reads as a header names the
// columns for every row below it.

/// Renders one worksheet part.
final class SheetRendering: MarkupRendering {
    private let tables: SpreadsheetTables?
    private var cellType: String?
    private var cellStyle = 0
    private var inValue = false
    private var inInlineText = false
    private var value: [UInt8] = []
    private var started = false

    init(tables: SpreadsheetTables?) { self.tables = tables }

    func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
        if element == "sheetData" {
            text.beginTable()
            started = true
        } else if element == "row" {
            text.beginRow()
        } else if element == "c" {
            cellType = attributes.value("t")
            cellStyle = attributes.value("s").flatMap { Int($0) } ?? 0
            value.removeAll(keepingCapacity: true)
            text.beginCell(column: attributes.value("r").flatMap(Self.column))
        } else if element == "v" {
            inValue = true
        } else if element == "t" {
            inInlineText = true
        }
    }

    func end(_ element: MarkupName, _ text: TextOutput) {
        if element == "v" {
            inValue = false
        } else if element == "t" {
            inInlineText = false
        } else if element == "c" {
            emit(text)
            text.endCell()
        } else if element == "row" {
            text.endRow()
        } else if element == "sheetData" {
            text.endTable()
        }
    }

    func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {
        if inValue || inInlineText { value.append(contentsOf: bytes) }
    }

    private func emit(_ text: TextOutput) {
        switch cellType {
        case "s":
            guard let index = Int(String(decoding: value, as: UTF8.self)), let string = tables?.string(index) else { return }
            string.withUnsafeBytes { text.append($0) }
        case "b":
            text.append(value == [0x31] ? "TRUE" : "FALSE")
        default:  // numbers, inline strings, formula results, errors
            if cellType == nil || cellType == "n", tables?.isDate(style: cellStyle) == true,
                let serial = Double(String(decoding: value, as: UTF8.self)),
                let date = Self.date(serial: serial, system1904: tables?.date1904 == true)
            {
                text.append(date)
            } else {
                value.withUnsafeBytes { text.append($0) }
            }
        }
    }

    /// The 0-based column of a cell reference (`C5` → 2).
    static func column(_ reference: String) -> Int? {
        var column = 0
        var letters = 0
        for byte in reference.utf8 {
            let upper = byte & ~0x20
            guard upper >= 0x41 && upper <= 0x5A else { break }
            letters += 1
            // Excel's columns end at XFD (3 letters); a longer run is no cell reference (and would
            // overflow: seen fuzzing, a crash).
            guard letters <= 3 else { return nil }
            column = column * 26 + Int(upper - 0x40)
        }
        return letters > 0 ? column - 1 : nil
    }

    /// An Excel serial day as yyyy-mm-dd: in the 1900 date system (with its phantom 1900-02-29),
    /// or in the 1904 one (day 0 is 1904-01-01).
    static func date(serial: Double, system1904: Bool = false) -> String? {
        guard serial >= (system1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        if system1904 {
            days += 1461  // 1904-01-01 is day 1,461 after 1899-12-31
        } else if days > 59 {
            days -= 1  // Lotus's 1900 leap-year bug
        }
        // Days since 1899-12-31 → civil date (the inverse of Howard Hinnant's days_from_civil).
        let z = days + 693_900
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
