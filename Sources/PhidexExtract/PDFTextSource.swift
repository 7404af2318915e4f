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
    private var opened = false

    /// The PDF is `prefix` then the rest of `source`; `file` is the file itself when it is one.
    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) {
        self.source = source
        self.prefix = Array(prefix)
        self.file = file
    }

    deinit { phidex_pdf_close(pdf) }

    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        // Every file's first bytes come here: look for `%` and compare only there.
        let end = min(prefix.count, 1024) - 5
        guard end >= 0 else { return false }
        for at in 0...end where prefix[at] == 0x25 {
            if prefix[at + 1] == 0x50, prefix[at + 2] == 0x44, prefix[at + 3] == 0x46, prefix[at + 4] == 0x2D { return true }  // PDF-
        }
        return false
    }

    private func open() throws(ReadFailure) {
        opened = true
        var encrypted: Int32 = 0
        var message: UnsafeMutablePointer<CChar>?
        var bytes: [UInt8]?
        if let file, file.seek(to: 0, whence: SEEK_SET) == 0, let descriptor = file.duplicateDescriptor() {
            pdf = phidex_pdf_open_fd(descriptor, &encrypted, &message)
        } else {
            let copy = try MemorySource.copy(prefix.withUnsafeBytes { $0 }, then: source, limit: Self.copyLimit, what: "a PDF")
            pdf = copy.withUnsafeBytes { phidex_pdf_open_memory($0.baseAddress, $0.count, &encrypted, &message) }
            bytes = copy
        }
        guard let pdf else {
            let reason = message.map { String(cString: $0) } ?? "poppler could not open it"
            phidex_pdf_free_text(message)
            if encrypted != 0 {
                throw ReadFailure(reason: "a password-protected PDF; its text is not readable without it", encrypted: true)
            }
            // A broken PDF (cut short, a damaged cross-reference, an object stream that refers to
            // itself) often still holds its text in clear: its raw bytes are carved, as any binary's.
            try carve(bytes, because: ReadFailure(reason: "not a readable PDF (\(reason)); its raw bytes were carved"))
            return
        }
        raw = bytes
        pages = Int(phidex_pdf_pages(pdf))
    }

    /// The raw bytes carved instead of rendered text, and why (thrown once they are read).
    private var carving: CarvingSource?
    private var carvingFailure: ReadFailure?
    /// The PDF's bytes when they were copied into memory (a PDF inside another container).
    private var raw: [UInt8]?

    private func carve(_ bytes: [UInt8]?, because failure: ReadFailure?) throws(ReadFailure) {
        if let bytes {
            carving = CarvingSource(MemorySource(bytes), prefix: UnsafeRawBufferPointer(start: nil, count: 0))
        } else if let file, file.seek(to: 0, whence: SEEK_SET) == 0 {
            carving = CarvingSource(file, prefix: UnsafeRawBufferPointer(start: nil, count: 0))
        } else if let failure {
            throw failure
        }
        carvingFailure = failure
    }

    /// The rendered text, and the tables declared in it: a line whose cells stand apart (poppler's
    /// layout says where; the C side marks the gaps with tabs) is a table row, and a run of them a
    /// table whose first row may name its columns, as an HTML or a spreadsheet table does.
    let output = TextOutput()
    private var inTable = false

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if !opened { try open() }
        if let carving {
            let count = try carving.read(into: buffer)
            if count == 0, let failure = carvingFailure {
                carvingFailure = nil
                throw failure
            }
            return count
        }
        while output.available < buffer.count {
            guard let pdf, nextPage < pages else { break }
            if nextPage > 0 { output.append("\u{0C}\n") }
            if let page = phidex_pdf_page_text(pdf, Int32(nextPage)) {
                render(UnsafeRawBufferPointer(start: page, count: strlen(page)))
                phidex_pdf_free_text(page)
            }
            if inTable { output.endTable(); inTable = false }
            output.lineBreak()
            nextPage += 1
        }
        let count = output.drain(into: buffer)
        // Pages without any text at all (cut-off content streams, or a scan): the raw bytes are
        // carved as well, since what poppler could not place may still be there in clear.
        if count == 0 && !textSeen && pages > 0 && carving == nil && !carvedEmpty {
            carvedEmpty = true
            try carve(raw, because: nil)
            return try carving?.read(into: buffer) ?? 0
        }
        return count
    }

    private var textSeen = false
    private var carvedEmpty = false

    /// One page's text: lines with tab-separated cells as table rows, other lines as they are.
    private func render(_ text: UnsafeRawBufferPointer) {
        if !textSeen && text.contains(where: { $0 > 0x20 }) { textSeen = true }
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if line.contains(0x09) {
                if !inTable { output.beginTable(); inTable = true }
                output.beginRow()
                for cell in line.split(separator: 0x09, omittingEmptySubsequences: false) {
                    output.beginCell()
                    output.append(UnsafeRawBufferPointer(rebasing: cell))
                    output.endCell()
                }
                output.endRow()
            } else {
                if inTable { output.endTable(); inTable = false }
                output.append(UnsafeRawBufferPointer(rebasing: line))
                output.lineBreak()
            }
        }
    }
}
