// What a stream of bytes is, judged by its first bytes rather than its name: a
// backup called `backup.dat` that starts with a gzip header is a gzip stream.
// Only containers — archives, compressors, mail (attachments are members) and
// SQLite databases (tables are members) — are recognized here; everything else is content for the detectors.

/// An archive or compression format recognized by its magic bytes.
public enum ContainerFormat: String, Sendable, CaseIterable {
    case zip, tar, cpio, iso9660 = "iso", sevenZip = "7z", rar, cab
    case gzip = "gz", bzip2 = "bz2", xz, zstd = "zst", lz4, lzip = "lz", compress = "Z"
    /// An email message (RFC 5322, MIME) and a Unix mailbox of them.
    case mail = "eml", mbox
    /// A SQLite 3 database: its tables are members.
    case sqlite

    /// How many leading bytes `sniff` may look at (ISO 9660 keeps its signature at 32 KiB + 1).
    public static let sniffLength = 32_774

    /// The format `prefix` (the first bytes of a stream) starts with, if any.
    public static func sniff(_ prefix: UnsafeRawBufferPointer) -> ContainerFormat? {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            guard prefix.count >= offset + magic.count else { return false }
            for (index, byte) in magic.enumerated() where prefix[offset + index] != byte { return false }
            return true
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if starts([0x1F, 0x8B, 0x08]) { return .gzip }
        if starts([0x42, 0x5A, 0x68]) && prefix.count > 3 && (0x31...0x39).contains(prefix[3]) { return .bzip2 }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if starts([0x04, 0x22, 0x4D, 0x18]) { return .lz4 }
        if starts(Array("LZIP".utf8)) { return .lzip }
        if starts([0x1F, 0x9D]) { return .compress }
        if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
        if starts(Array("Rar!\u{1A}\u{07}".utf8)) { return .rar }
        if starts(Array("MSCF".utf8)) && starts([0, 0, 0, 0], at: 4) { return .cab }
        if starts(Array("ustar".utf8), at: 257) { return .tar }
        // ASCII cpio only: the old binary header's two-byte magic is too weak a signal.
        if starts(Array("070707".utf8)) || starts(Array("070701".utf8)) || starts(Array("070702".utf8)) { return .cpio }
        if starts(Array("CD001".utf8), at: 32_769) { return .iso9660 }
        if SQLiteReader.sniff(prefix) { return .sqlite }
        if let mailbox = MailReader.sniff(prefix) { return mailbox ? .mbox : .mail }
        return nil
    }
}
