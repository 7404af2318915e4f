// Which members of an office document hold its text, and how each is read.
// A docx, xlsx, pptx, odt or ods is a zip; its text parts are rendered through
// the XML parser (paragraphs, runs put back together, tables with their header
// row), while its other members (images, relationships, properties) are read
// as bytes like any archive member. The part is known by its path inside the
// zip, which the formats fix.

/// A text-bearing part of an OOXML or OpenDocument file.
enum DocumentPart {
    /// Word's body, headers, footers, notes and comments; PowerPoint's slides and notes.
    case wordprocessing
    /// An xlsx worksheet.
    case worksheet
    /// An xlsx's shared strings: read with the sheets that use them when those could be.
    case sharedStrings
    /// OpenDocument content or styles (headers and footers live there).
    case openDocument
    /// A mail's HTML body (`(html)`), known by its MIME type rather than its first bytes.
    case html
    /// A mail's headers and plain bodies (`(text)`): text, though it starts like a message.
    case mailText

    init?(memberName name: String) {
        if name.hasPrefix("word/") && name.hasSuffix(".xml") && !name.dropFirst(5).contains("/") {
            let file = name.dropFirst(5)
            let texts = ["document", "header", "footer", "footnotes", "endnotes", "comments"]
            guard texts.contains(where: { file.hasPrefix($0) }) else { return nil }
            self = .wordprocessing
        } else if (name.hasPrefix("ppt/slides/") || name.hasPrefix("ppt/notesSlides/")) && name.hasSuffix(".xml") {
            self = .wordprocessing
        } else if name.hasPrefix("xl/worksheets/") && name.hasSuffix(".xml") && !name.dropFirst(14).contains("/") {
            self = .worksheet
        } else if name == "xl/sharedStrings.xml" {
            self = .sharedStrings
        } else if name == "content.xml" || name == "styles.xml" {
            self = .openDocument
        } else if name.hasPrefix("(html") {
            self = .html
        } else if name == "(text)" {
            self = .mailText
        } else {
            return nil
        }
    }

    /// How the part is rendered; nil for shared strings, which the sheets show.
    func rendering(_ tables: SpreadsheetTables?) -> (any MarkupRendering)? {
        switch self {
        case .wordprocessing: WordRendering()
        case .worksheet: SheetRendering(tables: tables)
        case .openDocument: OpenDocumentRendering()
        case .html: HTMLRendering()
        case .sharedStrings, .mailText: nil
        }
    }

    /// Whether the part is text by definition, never opened as a container whatever it starts with.
    var isText: Bool { self != .sharedStrings }

    var dialect: MarkupTextSource.Dialect { self == .html ? .html : .xml }

    /// Whether a zip's first bytes are an OOXML package's: its first member is `[Content_Types].xml`.
    static func isOfficeOpenXML(_ prefix: UnsafeRawBufferPointer) -> Bool {
        let name = Array("[Content_Types].xml".utf8)
        guard prefix.count >= 30 + name.count, prefix[0] == 0x50, prefix[1] == 0x4B, prefix[2] == 3, prefix[3] == 4 else { return false }
        let length = Int(prefix[26]) | Int(prefix[27]) << 8
        return length == name.count && prefix[30..<30 + name.count].elementsEqual(name)
    }
}
