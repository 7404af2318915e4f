// The bytes of one piece of content — a plain file or an archive member — as a
// detector pass reads them: the first bytes (already read to recognize the
// format) and then the rest. Reading never throws: a failure ends the stream and
// is kept for the content's status, with everything read before it still scanned.

public import PhidexCore

/// One content stream handed to a visitor of `ContentWalker`. Valid during the visit only.
public final class ContentStream {
    private let prefix: UnsafeRawBufferPointer
    private var prefixOffset = 0
    private let source: any ByteSource
    /// The document renderer the bytes come from, when the content is markup rendered as text.
    private let markup: MarkupTextSource?
    private let carving: CarvingSource?
    /// A PDF's text, which lays out the tables it sees on its pages.
    private let pdf: PDFTextSource?
    /// Why the stream ended early, if it did.
    public private(set) var failure: ReadFailure?
    /// Bytes handed out so far.
    public private(set) var bytesRead: Int64 = 0

    init(prefix: UnsafeRawBufferPointer, source: any ByteSource) {
        self.prefix = prefix
        self.source = source
        markup = source as? MarkupTextSource
        carving = source as? CarvingSource
        pdf = source as? PDFTextSource
    }

    /// Whether the bytes are a rendering of the content (a document's text), not the content itself.
    var rendered: Bool { !(source is FileSource) && !(source is CarvingSource) }

    /// UTF-16 runs carved out of binary content in the bytes read so far (empty for text): a
    /// detector pass declares them to its scanner, which maps findings in them to the original bytes.
    public func takeCarvedRuns() -> [CarvedRun] {
        carving?.takeRuns() ?? []
    }

    /// Tables the rendered text laid out in the bytes read so far (empty for plain content): a
    /// detector pass declares them to its scanner before the bytes' window is processed.
    public func takeTables() -> [TableRows] {
        markup?.output.takeTables() ?? pdf?.output.takeTables() ?? []
    }

    /// Fills `buffer` with the next bytes; 0 at the end (or after a failure).
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        if prefixOffset < prefix.count {
            filled = min(buffer.count, prefix.count - prefixOffset)
            buffer.baseAddress!.copyMemory(from: prefix.baseAddress! + prefixOffset, byteCount: filled)
            prefixOffset += filled
        }
        if filled < buffer.count && failure == nil {
            do {
                filled += try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            } catch {
                failure = error
            }
        }
        bytesRead += Int64(filled)
        return filled
    }
}
