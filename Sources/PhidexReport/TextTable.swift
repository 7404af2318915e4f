// An aligned plain-text table: columns sized to their widest cell.

/// Rows of cells printed with aligned columns; numbers right-aligned.
public struct TextTable {
    public enum Alignment { case left, right }

    private let headers: [String]
    private let alignments: [Alignment]
    private var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    public mutating func add(_ cells: [String]) { rows.append(cells) }

    public var isEmpty: Bool { rows.isEmpty }

    /// The table's lines, each indented by `indent` spaces, trailing spaces trimmed.
    public func lines(indent: Int = 2) -> [String] {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([headers] + rows).map { cells in
            var line = String(repeating: " ", count: indent)
            for (column, cell) in cells.enumerated() {
                if column > 0 { line += "  " }
                line += alignments[column] == .left
                    ? Formatting.padded(cell, widths[column]) : Formatting.rightAligned(cell, widths[column])
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
