// A PDF read as the text of its pages, through poppler (the C side is
// Sources/CPDF): page after page, a form feed between pages. A PDF on disk is
// opened in place; one inside an archive or a mail is copied into memory first,
// up to `copyLimit`. A PDF that needs a password is reported `encrypted`; a
// scanned PDF (images of pages) yields no text, which its zero findings and its
// bytes read show, since text recognition is not done.

import CPDF
#if canImport(Glibc)
import Glibc
#endif

/// The text of a PDF's pages as one stream.
final class PDFTextSource: ByteSource {
    static let copyLimit = 256 << 20

    private let source: any ByteSource
    private let prefix: [UInt8]
    private let file: FileSource?
    private var pdf: OpaquePointer?
    private var pages = 0
    private var nextPage = 0
    private var text: [UInt8] = []
    private var textOffset = 0
    private var opened = false

    /// The PDF is `prefix` then the rest of `source`; `file` is the file itself when it is one.
    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) {
        self.source = source
        self.prefix = Array(prefix)
        self.file = file
    }

    deinit { phidex_pdf_close(pdf) }

    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        let magic = Array("%PDF-".utf8)
        return prefix.prefix(1024).count >= magic.count
            && (0...min(prefix.count, 1024) - magic.count).contains { at in prefix[at..<at + magic.count].elementsEqual(magic) }
    }

    private func open() throws(ReadFailure) {
        opened = true
        var encrypted: Int32 = 0
        var message: UnsafeMutablePointer<CChar>?
        if let file, file.seek(to: 0, whence: SEEK_SET) == 0, let descriptor = file.duplicateDescriptor() {
            pdf = phidex_pdf_open_fd(descriptor, &encrypted, &message)
        } else {
            let bytes = try MemorySource.copy(prefix.withUnsafeBytes { $0 }, then: source, limit: Self.copyLimit, what: "a PDF")
            pdf = bytes.withUnsafeBytes { phidex_pdf_open_memory($0.baseAddress, $0.count, &encrypted, &message) }
        }
        guard let pdf else {
            let reason = message.map { String(cString: $0) } ?? "poppler could not open it"
            phidex_pdf_free_text(message)
            throw ReadFailure(
                reason: encrypted != 0 ? "a password-protected PDF; its text is not readable without it" : "not a readable PDF: \(reason)",
                encrypted: encrypted != 0)
        }
        pages = Int(phidex_pdf_pages(pdf))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if !opened { try open() }
        var written = 0
        while written < buffer.count {
            if textOffset == text.count {
                guard let pdf, nextPage < pages else { break }
                text = nextPage > 0 ? [0x0C, 0x0A] : []
                if let page = phidex_pdf_page_text(pdf, Int32(nextPage)) {
                    text.append(contentsOf: UnsafeRawBufferPointer(start: page, count: strlen(page)))
                    phidex_pdf_free_text(page)
                }
                text.append(0x0A)
                textOffset = 0
                nextPage += 1
            }
            let count = min(buffer.count - written, text.count - textOffset)
            text.withUnsafeBytes { buffer.baseAddress!.advanced(by: written).copyMemory(from: $0.baseAddress! + textOffset, byteCount: count) }
            textOffset += count
            written += count
        }
        return written
    }
}
