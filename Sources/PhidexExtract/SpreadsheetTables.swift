// What an xlsx's sheets refer to and do not hold themselves: the shared
// strings (nearly every text cell is an index into them) and the cell styles
// (a date of birth is stored as a serial number, 23456, that only its style
// makes a date). Excel writes both parts after the sheets, so they are read
// first, in a pass of their own (`ContentWalker` reads an OOXML zip twice).

/// An xlsx's shared strings and which cell styles are dates.
final class SpreadsheetTables {
    /// Every shared string's UTF-8 bytes, back to back, and where each ends.
    private var strings: [UInt8] = []
    private var ends: [Int] = []
    /// Per cell style (`s` attribute): whether its number format shows a date.
    private(set) var dateStyles: [Bool] = []

    var stringCount: Int { ends.count }
    /// Why the strings or styles could not all be read (the sheets are read with what could be).
    var failure: String?

    /// Shared string `index`, if there is one.
    func string(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0 && index < ends.count else { return nil }
        return strings[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    func isDate(style: Int) -> Bool { style >= 0 && style < dateStyles.count && dateStyles[style] }

    /// Whether the workbook counts days from 1904-01-01 (`workbookPr date1904`, older Mac Excel)
    /// rather than from 1900.
    private(set) var date1904 = false

    /// Reads xl/workbook.xml for its date system.
    final class WorkbookReader: MarkupRendering {
        let tables: SpreadsheetTables
        init(into tables: SpreadsheetTables) { self.tables = tables }

        func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
            if element == "workbookPr", let value = attributes.value("date1904") {
                tables.date1904 = value == "1" || value.lowercased() == "true"
            }
        }

        func end(_ element: MarkupName, _ text: TextOutput) {}
        func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {}
    }

    // MARK: Reading the parts

    /// Collects `si` items of xl/sharedStrings.xml (rich-text runs joined; phonetic runs left out).
    final class StringsReader: MarkupRendering {
        let tables: SpreadsheetTables
        private var inItem = false, inText = false, inPhonetic = false
        init(into tables: SpreadsheetTables) { self.tables = tables }

        func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
            if element == "si" { inItem = true } else if element == "t" { inText = true } else if element == "rPh" { inPhonetic = true }
        }

        func end(_ element: MarkupName, _ text: TextOutput) {
            if element == "si" {
                inItem = false
                tables.ends.append(tables.strings.count)
            } else if element == "t" {
                inText = false
            } else if element == "rPh" {
                inPhonetic = false
            }
        }

        func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {
            if inItem && inText && !inPhonetic { tables.strings.append(contentsOf: bytes) }
        }
    }

    /// Reads xl/styles.xml: custom number formats and the cell formats (`cellXfs`) using them.
    final class StylesReader: MarkupRendering {
        let tables: SpreadsheetTables
        private var customDates: Set<Int> = []
        private var inCellFormats = false
        init(into tables: SpreadsheetTables) { self.tables = tables }

        func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
            if element == "numFmt", let id = attributes.value("numFmtId").flatMap({ Int($0) }),
                let code = attributes.value("formatCode"), Self.isDateFormat(code)
            {
                customDates.insert(id)
            } else if element == "cellXfs" {
                inCellFormats = true
            } else if element == "xf" && inCellFormats {
                let id = attributes.value("numFmtId").flatMap { Int($0) } ?? 0
                tables.dateStyles.append(Self.builtInDates.contains(id) || customDates.contains(id))
            }
        }

        func end(_ element: MarkupName, _ text: TextOutput) {
            if element == "cellXfs" { inCellFormats = false }
        }

        func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {}

        /// Excel's built-in date formats (ECMA-376 part 1, 18.8.30), the CJK ones included.
        static let builtInDates: Set<Int> = Set(14...17).union(22...22).union(27...36).union(50...58)

        /// Whether a format code shows a date: a d, m-with-d/y, or y outside quotes and brackets.
        static func isDateFormat(_ code: String) -> Bool {
            var quoted = false, bracketed = false
            var letters: Set<Character> = []
            for character in code.lowercased() {
                switch character {
                case "\"": quoted.toggle()
                case "[": bracketed = true
                case "]": bracketed = false
                default: if !quoted && !bracketed { letters.insert(character) }
                }
            }
            return letters.contains("y") || letters.contains("d")
        }
    }
}
