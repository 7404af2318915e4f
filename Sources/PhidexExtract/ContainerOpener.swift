// How each recognized container is opened: one case per format, beside the
// recognizers in ContainerFormat. Archives and compressors go through
// libarchive; mail through GMime; SQLite, Access and dBase tables through their
// readers; disk images through The Sleuth Kit; Outlook stores through libpff.

/// Opens the reader of a recognized container.
enum ContainerOpener {
    /// The reader for `format`, whose bytes are `prefix` followed by the rest of `source`; `file`
    /// is the file itself when the container is a file on the share (`prefix` then empty).
    static func open(
        _ format: ContainerFormat, source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?, limits: ArchiveLimits
    ) throws(ReadFailure) -> any ContainerReader {
        if format.needsFile {
            guard let file else { throw ReadFailure(reason: "a \(format.rawValue) member is read from a copy (ContainerOpener.open(_:spooled:))") }
            return try open(format, path: file.entry.osPath, size: file.entry.size, spool: nil, limits: limits)
        }
        switch format {
        case .mail, .mbox: return try MailReader(mailbox: format == .mbox, source: source, prefix: prefix, file: file)
        case .sqlite: return try SQLiteReader(source: source, prefix: prefix, file: file)
        case .access: return try AccessReader(source: source, prefix: prefix, file: file)
        case .dbf: return try DBFReader(source: source, prefix: prefix, file: file)
        default: return try ArchiveReader(format: format, source: source, prefix: prefix, seekable: file)
        }
    }

    /// The reader for a member in a format read by path, from its temporary copy `spool`.
    static func open(_ format: ContainerFormat, spooled spool: SpooledFile, limits: ArchiveLimits) throws(ReadFailure) -> any ContainerReader {
        try open(format, path: spool.path, size: spool.size, spool: spool, limits: limits)
    }

    private static func open(
        _ format: ContainerFormat, path: [UInt8], size: Int64, spool: SpooledFile?, limits: ArchiveLimits
    ) throws(ReadFailure) -> any ContainerReader {
        switch format {
        case .disk: try DiskImageReader(path: path, readDeleted: limits.readsDeletedFiles, spool: spool)
        case .pst: try PSTReader(path: path, size: size, spool: spool)
        default: throw ReadFailure(reason: "\(format.rawValue) is not read by path")
        }
    }
}
