// XML and HTML read as the text they hold, streaming: libxml2's push parser
// takes the markup in 64 KiB pieces and calls back per element and text run; a
// `MarkupRendering` turns those events into lines and table rows. Memory stays
// bounded by the piece size plus what one event produces, so a 2 GB XML export
// streams like a text file. Entities and character references come out decoded
// (`&#52;01-23-7788` is an SSN), and the document's declared encoding (UTF-16,
// Latin-1) is converted to UTF-8. External entities and DTDs are never loaded
// and nothing is fetched from the network.

import CXML2

/// The name of an element as the parser reports it (the local name, without a namespace prefix).
struct MarkupName {
    let pointer: UnsafePointer<UInt8>

    static func == (name: MarkupName, text: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(name.pointer).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    var string: String { String(cString: pointer) }
}

/// An element's attributes: SAX2's (XML) or SAX1's (HTML) layout.
struct MarkupAttributes {
    fileprivate enum Layout {
        /// localname, prefix, URI, value start, value end — five pointers per attribute.
        case sax2(UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, Int)
        /// name, value pairs, NULL-terminated.
        case sax1(UnsafeMutablePointer<UnsafePointer<xmlChar>?>?)
        case none
    }
    fileprivate let layout: Layout

    /// The value of attribute `name` (local name), decoded.
    func value(_ name: StaticString) -> String? {
        switch layout {
        case .sax2(let attributes?, let count):
            for index in 0..<count {
                guard let local = attributes[index * 5], MarkupName(pointer: local) == name,
                    let start = attributes[index * 5 + 3], let end = attributes[index * 5 + 4]
                else { continue }
                return String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            }
            return nil
        case .sax1(let attributes?):
            var index = 0
            while let key = attributes[index] {
                if MarkupName(pointer: key) == name { return attributes[index + 1].map { String(cString: $0) } ?? "" }
                index += 2
            }
            return nil
        default:
            return nil
        }
    }
}

/// Turns parse events into text. One per document part; not shared.
protocol MarkupRendering: AnyObject {
    func start(_ element: MarkupName, _ attributes: MarkupAttributes, _ text: TextOutput)
    func end(_ element: MarkupName, _ text: TextOutput)
    func characters(_ bytes: UnsafeRawBufferPointer, _ text: TextOutput)
}

/// The text of an XML or HTML stream, rendered while it is parsed.
final class MarkupTextSource: ByteSource {
    enum Dialect { case xml, html }

    private let source: any ByteSource
    private var prefix: [UInt8]
    private let dialect: Dialect
    fileprivate let rendering: any MarkupRendering
    let output = TextOutput()
    private var context: xmlParserCtxtPtr?
    private let input: UnsafeMutableRawBufferPointer
    private var ended = false
    private var failure: ReadFailure?

    static let pieceSize = 64 << 10
    /// libxml2's global state, set up once before any parser (concurrent first parses would race).
    private static let parserReady: Void = { xmlInitParser() }()

    /// The stream is `prefix` (already read to recognize it), then the rest of `source`.
    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer, dialect: Dialect, rendering: any MarkupRendering) {
        self.source = source
        self.prefix = Array(prefix)
        self.dialect = dialect
        self.rendering = rendering
        input = .allocate(byteCount: Self.pieceSize, alignment: 16)
        _ = Self.parserReady
    }

    deinit {
        if let context {
            if dialect == .html { htmlFreeParserCtxt(context) } else { xmlFreeParserCtxt(context) }
        }
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        while output.available < buffer.count && !ended {
            try parseMore()
        }
        let count = output.drain(into: buffer)
        if count == 0, let failure {
            self.failure = nil
            throw failure
        }
        return count
    }

    /// Feeds the parser its next piece (or the end).
    private func parseMore() throws(ReadFailure) {
        var count: Int
        if !prefix.isEmpty {
            count = min(prefix.count, input.count)
            prefix.withUnsafeBytes { input.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            prefix.removeFirst(count)
        } else {
            do {
                count = try source.read(into: input)
            } catch {
                failure = error
                ended = true
                count = 0
            }
        }
        let bytes = input.baseAddress!.assumingMemoryBound(to: CChar.self)
        let last: Int32 = count == 0 ? 1 : 0
        if context == nil {
            context = makeContext()
            guard context != nil else {
                failure = ReadFailure(reason: "libxml2 could not start a parser")
                ended = true
                return
            }
        }
        let status = dialect == .html
            ? htmlParseChunk(context, bytes, Int32(count), last)
            : xmlParseChunk(context, bytes, Int32(count), last)
        if count == 0 { ended = true }
        if status != 0 && dialect == .xml && context!.pointee.wellFormed == 0 {
            // libxml2 reads on in recovery mode: what follows the fault is still text. The part is
            // recorded `error` all the same, its reason naming the kind of fault and where, never
            // libxml2's message (it quotes the document's own names and text).
            let halted = phidex_xml_halted(context) != 0
            if failure == nil {
                let kind = Self.describe(xmlError: phidex_xml_error_code(context))
                failure = ReadFailure(reason: "not well-formed XML at line \(phidex_xml_line(context)) (\(kind))"
                    + (halted ? "; the rest not read" : "; read on past it"))
            }
            if halted { ended = true }
        }
    }

    private func makeContext() -> xmlParserCtxtPtr? {
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.characters = { user, characters, length in
            guard let user, let characters, length > 0 else { return }
            let this = Unmanaged<MarkupTextSource>.fromOpaque(user).takeUnretainedValue()
            this.rendering.characters(UnsafeRawBufferPointer(start: characters, count: Int(length)), this.output)
        }
        handler.cdataBlock = handler.characters
        handler.serror = { _, _ in }  // failures are read from the context and reported as the stream's
        let user = Unmanaged.passUnretained(self).toOpaque()
        switch dialect {
        case .xml:
            handler.startElementNs = { user, localname, _, _, _, _, count, _, attributes in
                guard let user, let localname else { return }
                let this = Unmanaged<MarkupTextSource>.fromOpaque(user).takeUnretainedValue()
                this.rendering.start(
                    MarkupName(pointer: localname), MarkupAttributes(layout: .sax2(attributes, Int(count))), this.output)
            }
            handler.endElementNs = { user, localname, _, _ in
                guard let user, let localname else { return }
                let this = Unmanaged<MarkupTextSource>.fromOpaque(user).takeUnretainedValue()
                this.rendering.end(MarkupName(pointer: localname), this.output)
            }
            guard let context = xmlCreatePushParserCtxt(&handler, user, nil, 0, nil) else { return nil }
            xmlCtxtUseOptions(
                context, Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
            return context
        case .html:
            handler.startElement = { user, name, attributes in
                guard let user, let name else { return }
                let this = Unmanaged<MarkupTextSource>.fromOpaque(user).takeUnretainedValue()
                this.rendering.start(MarkupName(pointer: name), MarkupAttributes(layout: .sax1(attributes)), this.output)
            }
            handler.endElement = { user, name in
                guard let user, let name else { return }
                let this = Unmanaged<MarkupTextSource>.fromOpaque(user).takeUnretainedValue()
                this.rendering.end(MarkupName(pointer: name), this.output)
            }
            guard let context = htmlCreatePushParserCtxt(&handler, user, nil, 0, nil, XML_CHAR_ENCODING_NONE) else { return nil }
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOBLANKS.rawValue
            htmlCtxtUseOptions(context, Int32(options))
            return context
        }
    }

    /// A libxml2 error code in words (xmlParserErrors): the kind of fault, not the document's text.
    static func describe(xmlError code: Int32) -> String {
        switch code {
        case 4: "document empty"
        case 5: "document ends early"
        case 9: "a character XML does not allow"
        case 23: "an entity reference without its semicolon"
        case 26, 27: "an undefined entity"
        case 68: "a name missing"
        case 73, 74: "an unclosed tag"
        case 76: "mismatched tags"
        case 77: "a tag not closed at the end"
        case 86: "content after the document"
        case 89, 90: "an entity loop or an entity across elements"
        case 0: "a parse error"
        default: "libxml2 error \(code)"
        }
    }

    /// Whether `prefix` starts an HTML document: a doctype or an `<html` tag near the start.
    static func looksLikeHTML(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.holds(0x3C, within: 1024) else { return false }  // no `<`, no markup
        let head = UnsafeRawBufferPointer(rebasing: prefix.prefix(1024))
        if startsCaseless(head, at: 0, "<!doctype html".utf8) { return true }
        let leading = head.prefix { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }
        if startsCaseless(head, at: leading.count, "<!doctype html".utf8) { return true }
        let tag = "<html".utf8
        var start = 0
        while start + tag.count <= head.count {
            if head[start] == 0x3C, startsCaseless(head, at: start, tag) {
                let after = start + tag.count < head.count ? head[start + tag.count] : 0x3E
                if after == 0x3E || after == 0x20 || after == 0x0A { return true }
            }
            start += 1
        }
        return false
    }

    /// Whether `bytes` holds `lower` (lowercase ASCII) at `offset`, ignoring the case of ASCII letters.
    private static func startsCaseless(_ bytes: UnsafeRawBufferPointer, at offset: Int, _ lower: String.UTF8View) -> Bool {
        guard bytes.count >= offset + lower.count else { return false }
        for (index, byte) in lower.enumerated() {
            let found = bytes[offset + index]
            if found | (found >= 0x41 && found <= 0x5A ? 0x20 : 0) != byte { return false }
        }
        return true
    }
}

extension String {
    fileprivate func trimmingCharacters(while predicate: (Character) -> Bool) -> String {
        var slice = Substring(self)
        while let last = slice.last, predicate(last) { slice.removeLast() }
        while let first = slice.first, predicate(first) { slice.removeFirst() }
        return String(slice)
    }
}
