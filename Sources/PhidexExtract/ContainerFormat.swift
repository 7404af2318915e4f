// What a stream of bytes is, judged by its first bytes rather than its name: a
// backup called `backup.dat` that starts with a gzip header is a gzip stream.
// Only containers are recognized here — archives, compressors, mail
// (attachments are members), databases (tables are members), disk images
// (files are members) and Outlook stores (messages are members); everything
// else is content for the detectors. Each format is one entry of `recognizers`
// (how it is recognized; mail, read once for its two forms, after them) and one
// case of `ContainerOpener` (how it is opened).

/// A container format recognized by its magic bytes.
public enum ContainerFormat: String, Sendable, CaseIterable {
    case zip, tar, cpio, iso9660 = "iso", sevenZip = "7z", rar, cab
    case gzip = "gz", bzip2 = "bz2", xz, zstd = "zst", lz4, lzip = "lz", compress = "Z"
    /// An email message (RFC 5322, MIME) and a Unix mailbox of them.
    case mail = "eml", mbox
    /// A SQLite 3 database: its tables are members.
    case sqlite
    /// A disk image or a bare file system (raw, VHD, VHDX, VMDK, E01): the files on its volumes are members.
    case disk
    /// An Outlook personal folders file (PST) or offline store (OST): its messages are members.
    case pst
    /// A Microsoft Access database (.mdb, Jet 3/4; .accdb, ACE): its tables are members.
    case access = "mdb"
    /// A dBase or FoxPro table (.dbf): one member, its rows, with a memo file beside it joined in.
    case dbf

    /// How many leading bytes `sniff` may look at (ISO 9660 keeps its signature at 32 KiB + 1).
    public static let sniffLength = 32_774

    /// Whether the format is read from a file by its path (the library opens it itself): a member of
    /// another container in such a format is first copied to a temporary file (`SpooledFile`).
    public var needsFile: Bool {
        switch self {
        case .disk, .pst: true
        default: false
        }
    }

    /// The format `prefix` (the first bytes of a stream) starts with, if any.
    public static func sniff(_ prefix: UnsafeRawBufferPointer) -> ContainerFormat? {
        if let format = recognizers.first(where: { $0.recognizes(prefix) })?.format { return format }
        // Mail last, read once for both of its forms.
        return MailReader.sniff(prefix).map { $0 ? .mbox : .mail }
    }

    /// One entry per format, tried in order: stronger and longer signatures first.
    static let recognizers: [(format: ContainerFormat, recognizes: @Sendable (UnsafeRawBufferPointer) -> Bool)] = [
        (.zip, { starts($0, [0x50, 0x4B, 0x03, 0x04]) || starts($0, [0x50, 0x4B, 0x05, 0x06]) || starts($0, [0x50, 0x4B, 0x07, 0x08]) }),
        (.gzip, { starts($0, [0x1F, 0x8B, 0x08]) }),
        (.bzip2, { starts($0, [0x42, 0x5A, 0x68]) && $0.count > 3 && (0x31...0x39).contains($0[3]) }),
        (.xz, { starts($0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) }),
        (.zstd, { starts($0, [0x28, 0xB5, 0x2F, 0xFD]) }),
        (.lz4, { starts($0, [0x04, 0x22, 0x4D, 0x18]) }),
        (.lzip, { starts($0, "LZIP".utf8) }),
        (.compress, { starts($0, [0x1F, 0x9D]) }),
        (.sevenZip, { starts($0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) }),
        (.rar, { starts($0, "Rar!\u{1A}\u{07}".utf8) }),
        (.cab, { starts($0, "MSCF".utf8) && starts($0, [0, 0, 0, 0], at: 4) }),
        (.pst, { PSTReader.sniff($0) }),
        (.access, { AccessReader.sniff($0) }),
        (.tar, { starts($0, "ustar".utf8, at: 257) }),
        // ASCII cpio only: the old binary header's two-byte magic is too weak a signal.
        (.cpio, { starts($0, "070707".utf8) || starts($0, "070701".utf8) || starts($0, "070702".utf8) }),
        (.iso9660, { starts($0, "CD001".utf8, at: 32_769) }),
        (.sqlite, { SQLiteReader.sniff($0) }),
        (.disk, { DiskImageReader.sniff($0) }),
        (.dbf, { DBFReader.sniff($0) }),
    ]

    /// Whether `prefix` holds `magic` at `offset` (a literal's `.utf8` or an array literal: no
    /// allocation, since every file's first bytes come through here).
    static func starts(_ prefix: UnsafeRawBufferPointer, _ magic: some Collection<UInt8>, at offset: Int = 0) -> Bool {
        guard prefix.count >= offset + magic.count else { return false }
        for (index, byte) in magic.enumerated() where prefix[offset + index] != byte { return false }
        return true
    }
}
