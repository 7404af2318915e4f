// Email as a container, through GMime (the C side is Sources/CMail): a message
// (.eml) is read as its members — `(text)`: the headers (encoded words decoded)
// and every inline text/plain body, base64 or quoted-printable undone and
// converted to UTF-8 from its charset; `(html)`: an inline HTML body, rendered
// like any web page; then each attachment under its file name (`letter.docx`,
// walked in turn like any other member) and each attached message
// (`attached-2.eml`). A mailbox (.mbox) is read as its messages, `(message 1)`,
// `(message 2)`, … each one such a message. Encrypted parts (PGP/MIME, S/MIME)
// are members with status `encrypted`.
//
// A message is parsed whole, so its size bounds memory; a mailbox on disk is
// parsed from the file one message at a time, and one inside an archive is
// copied into memory first, up to `copyLimit`.

import CMail
#if canImport(Glibc)
import Glibc
#endif

/// Reads the members of an email message or mailbox. Owned by one task.
final class MailReader: ContainerReader {
    /// The largest message or mailbox read from inside another container.
    static let copyLimit = 256 << 20

    private let mail: OpaquePointer
    /// Members of the current message not handed out yet.
    private var queue: [(member: ArchiveReader.Member, bytes: [UInt8])] = []
    private var queued = 0
    private var current = MemorySource([])
    private var messages = 0
    private let mailbox: Bool
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = false

    /// Opens the message or mailbox whose bytes are `prefix` followed by the rest of `source`;
    /// `file` is the file itself when it is one (then read in place, not copied).
    init(mailbox: Bool, source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) throws(ReadFailure) {
        self.mailbox = mailbox
        var opened: OpaquePointer?
        if let file, prefix.isEmpty, file.seek(to: 0, whence: SEEK_SET) == 0, let descriptor = file.duplicateDescriptor() {
            opened = phidex_mail_open_fd(descriptor, mailbox ? 1 : 0)
            bytesConsumed = file.entry.size
        } else {
            let bytes = try MemorySource.copy(prefix, then: source, limit: Self.copyLimit, what: mailbox ? "a mailbox" : "a message")
            bytesConsumed = Int64(bytes.count)
            opened = bytes.withUnsafeBytes { phidex_mail_open_memory($0.baseAddress, $0.count, mailbox ? 1 : 0) }
        }
        guard let opened else { throw ReadFailure(reason: "GMime could not open the \(mailbox ? "mailbox" : "message")") }
        mail = opened
    }

    deinit { phidex_mail_close(mail) }

    func next() -> ArchiveReader.Next {
        current = MemorySource([])
        if queued < queue.count {
            let (member, bytes) = queue[queued]
            queue[queued].bytes = []
            queued += 1
            current = MemorySource(bytes)
            return .member(member)
        }
        queue = []
        queued = 0
        var emitted: [(member: ArchiveReader.Member, bytes: [UInt8])] = []
        let read = withUnsafeMutablePointer(to: &emitted) { list in
            phidex_mail_next(mail, { context, name, bytes, length, encrypted in
                let list = context!.assumingMemoryBound(to: [(member: ArchiveReader.Member, bytes: [UInt8])].self)
                let member = ArchiveReader.Member(
                    name: name.map { String(cString: $0) }, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: encrypted != 0)
                list.pointee.append((member, bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []))
            }, list)
        }
        guard read == 1 else {
            return messages == 0 ? .failure(mailbox ? "no message found in the mailbox" : "not a readable message", encrypted: false) : .end
        }
        messages += 1
        // The text member first, then bodies and attachments in the message's order.
        if let text = emitted.firstIndex(where: { $0.member.name == "(text)" }) { emitted.insert(emitted.remove(at: text), at: 0) }
        queue = emitted
        return next()
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        try current.read(into: buffer)
    }

    /// Whether `prefix` starts an email message (header fields, two or more of them well known) or
    /// an mbox file (`From ` and then such headers): nil when neither, true for a mailbox.
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool? {
        // Most content fails on its first bytes: a header name's letter, then a colon or `From `.
        guard let first = prefix.first, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A else { return nil }
        let firstLine = prefix.prefix(200).prefix { $0 != 0x0A }
        guard firstLine.contains(0x3A) || firstLine.starts(with: Array("From ".utf8)) else { return nil }
        let head = Array(prefix.prefix(8192))
        var lines = head.split(separator: 0x0A, maxSplits: 40, omittingEmptySubsequences: false).map { $0.last == 0x0D ? $0.dropLast() : $0 }
        var mailbox = false
        if let first = lines.first, first.starts(with: Array("From ".utf8)) {
            mailbox = true
            lines.removeFirst()
        }
        var known = 0
        for (index, line) in lines.enumerated() {
            if line.isEmpty { break }
            if line.first == 0x20 || line.first == 0x09 { continue }  // a folded header
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex else { return nil }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
            let isKnown = knownHeaders.contains(name) || name.hasPrefix("x-")
            if index == 0 && !isKnown { return nil }
            if isKnown { known += 1 }
        }
        return known >= 2 ? mailbox : nil
    }

    private static let knownHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "mime-version", "received", "return-path",
        "content-type", "reply-to", "delivered-to", "sender", "in-reply-to", "references", "thread-topic",
        "content-transfer-encoding", "dkim-signature", "authentication-results", "arc-seal",
    ]
}
