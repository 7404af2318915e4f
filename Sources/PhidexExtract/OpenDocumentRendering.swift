// OpenDocument text (odt, ods, odp content.xml and styles.xml): paragraphs and
// headings end lines, `text:s` stands for spaces and `text:tab` for a tab, and a
// spreadsheet's or text table's rows become tab-separated lines, with
// `number-columns-repeated` cells (how ODF writes runs of empty cells) expanded.

/// Renders an OpenDocument content part.
final class OpenDocumentRendering: MarkupRendering {
    /// Cells a repeated cell still stands for after its first.
    private var repeatCells = 0
    private var column = 0

    func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput) {
        if element == "table" {
            text.beginTable()
        } else if element == "table-row" {
            text.beginRow()
            column = 0
        } else if element == "table-cell" || element == "covered-table-cell" {
            text.beginCell(column: column)
            let repeated = attributes.value("number-columns-repeated").flatMap { Int($0) } ?? 1
            column += max(1, min(repeated, 1024))
        } else if element == "s" {
            let count = attributes.value("c").flatMap { Int($0) } ?? 1
            text.append(String(repeating: " ", count: max(1, min(count, 64))))
        } else if element == "tab" {
            text.tab()
        } else if element == "line-break" {
            text.lineBreak()
        }
    }

    func end(_ element: MarkupName, _ text: TextOutput) {
        if element == "p" || element == "h" {
            text.lineBreak()
        } else if element == "table-cell" || element == "covered-table-cell" {
            text.endCell()
        } else if element == "table-row" {
            text.endRow()
        } else if element == "table" {
            text.endTable()
        }
    }

    func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput) {
        text.append(bytes)
    }
}
