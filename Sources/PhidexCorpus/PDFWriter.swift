// A minimal PDF for the corpus and tests: pages of Helvetica text lines, in
// uncompressed content streams, with a correct cross-reference table — what a
// report printed to PDF amounts to, and what poppler reads back as text.

/// Builds a PDF of text pages.
public struct PDFWriter {
    /// Per page, its content stream's text operators.
    private var pages: [[String]] = []

    public init() {}

    /// Adds a page with `lines` of text (printable ASCII).
    public mutating func page(_ lines: [String]) { pages.append(lines.map { "(" + Self.escaped($0) + ") Tj T*" }) }

    /// Adds a page holding a table: each row's cells placed at their column's x position, as a
    /// report generator draws a grid (nothing between the cells but space on the page).
    public mutating func page(table rows: [[String]], columnWidth: Int = 110) {
        var operators: [String] = []
        for (row, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                operators.append("1 0 0 1 \(72 + column * columnWidth) \(740 - row * 16) Tm (" + Self.escaped(cell) + ") Tj")
            }
        }
        pages.append(operators)
    }

    public func bytes() -> [UInt8] {
        // Objects: 1 catalog, 2 page tree, 3 font, then per page: page object, content stream.
        var objects: [String] = []
        let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        for (index, lines) in pages.enumerated() {
            var content = "BT /F1 11 Tf 14 TL 72 740 Td\n"
            for line in lines { content += line + "\n" }
            content += "ET\n"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents \(5 + 2 * index) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n" + content + "endstream")
        }
        var file = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(file.utf8.count)
            file += "\(index + 1) 0 obj\n" + object + "\nendobj\n"
        }
        let xref = file.utf8.count
        file += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            file += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        file += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(file.utf8)
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "(" || character == ")" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
