// Rows whose columns are known: an SQL dump's tuples after its INSERT, or the
// tab-separated rows an extractor rendered from a spreadsheet, an HTML or a
// word-processor table. Detection reads a value's column name from the stretch
// of rows it sits in, however far below the header that stretch began.

/// Where rows of a known column list begin in a stream.
public struct TableRows: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        /// SQL tuples: `(1,'a',…),(2,'b',…)`, single-quoted strings.
        case tuples
        /// One row per line, cells split by the byte given (tab for COPY data and rendered tables).
        case lines(UInt8)
    }

    /// Stream offset where the rows begin (after `VALUES`, or after a header line).
    public let start: Int64
    /// Column names, lowercased; empty ends the previous stretch (text after a table).
    public let columns: [String]
    public let style: Style

    public init(start: Int64, columns: [String], style: Style) {
        self.start = start
        self.columns = columns
        self.style = style
    }
}
