// An Outlook personal folders file (PST) or offline store (OST) as a container
// of its messages, through libpff (the C side is Sources/CPST). Folders are path
// segments and each message is a member holding its headers (subject, sender,
// recipients) and plain body: `mail.pst!Top of Personal Folders/Inbox/(message 3)`.
// Its HTML body follows as `…/(message 3)/(html)` (rendered as a web page), its
// RTF body as `…/(rtf)` when it has neither (decompressed; uncompressed "MELA"
// RTF read from the raw property), each data attachment under its file name
// (`…/(message 3)/claims.xlsx`, walked in turn like any member: a zip of CSVs,
// a PDF, a workbook) and each attached message as `…/(attached message 1)`,
// recursively. Unicode and ANSI files (Windows-1252) and compressible
// encryption are read; a message or folder that does not open is recorded
// `error` and the walk goes on. Attachments stream in pieces; a message's
// bodies are held while it is read. A store inside an archive or attached to a
// mail is first copied to a private temporary file (SpooledFile).

import CPST

/// Reads the messages of a PST or OST file. Owned by one task.
final class PSTReader: ContainerReader {
    private let pst: OpaquePointer
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = false
    private var reportedProblem = false

    /// The copy the store is read from when it was a member of another container.
    private let spool: SpooledFile?

    /// Opens the store at `path` (a file on the share, or `spool`'s copy of a member) of `size` bytes.
    init(path osPath: [UInt8], size: Int64, spool: SpooledFile? = nil) throws(ReadFailure) {
        self.spool = spool
        var error = [CChar](repeating: 0, count: 512)
        var path = osPath
        path.append(0)
        let opened = path.withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { phidex_pst_open($0.baseAddress, &error, error.count) }
        }
        guard let opened else { throw ReadFailure(reason: "libpff could not open it: " + Self.string(error)) }
        pst = opened
        bytesConsumed = size
    }

    deinit { phidex_pst_close(pst) }

    func next() -> ArchiveReader.Next {
        var entry = phidex_pst_entry()
        let kind = phidex_pst_next(pst, &entry)
        let name = entry.path.map { String(cString: $0) }
        switch kind {
        case PHIDEX_PST_MEMBER:
            return .member(ArchiveReader.Member(
                name: name, mtimeNanoseconds: entry.has_mtime != 0 ? entry.mtime_ns : nil, isRegularFile: true, isEncrypted: false))
        case PHIDEX_PST_DAMAGED:
            let reason = entry.reason.map { String(cString: $0) } ?? "not readable"
            return .member(ArchiveReader.Member(name: name, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false, unreadable: reason))
        default:
            // A file cut short ends with the reason: its container is then `error`, its members kept.
            if let problem = phidex_pst_problem(pst), !reportedProblem {
                reportedProblem = true
                return .failure(String(cString: problem), encrypted: false)
            }
            return .end
        }
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        guard buffer.count > 0 else { return 0 }
        var error = [CChar](repeating: 0, count: 512)
        let count = phidex_pst_read(pst, buffer.baseAddress, buffer.count, &error, error.count)
        guard count >= 0 else { throw ReadFailure(reason: Self.string(error)) }
        return count
    }

    private static func string(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `prefix` starts a PST, OST or PAB file ([MS-PST] 2.2.2.6: `!BDN`, then the client magic).
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count >= 10, prefix[0] == 0x21, prefix[1] == 0x42, prefix[2] == 0x44, prefix[3] == 0x4E else { return false }
        // wMagicClient: "SM" (PST), "SO" (OST), "AB" (PAB).
        let client = (prefix[8], prefix[9])
        return client == (0x53, 0x4D) || client == (0x53, 0x4F) || client == (0x41, 0x42)
    }
}
