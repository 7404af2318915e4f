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
        if format.needsFile && file == nil {
            throw ReadFailure(reason: "a \(format.rawValue) file is read only where it is itself a file on the share")
        }
        switch format {
        case .mail, .mbox: return try MailReader(mailbox: format == .mbox, source: source, prefix: prefix, file: file)
        case .sqlite: return try SQLiteReader(source: source, prefix: prefix, file: file)
        case .disk: return try DiskImageReader(file: file!, readDeleted: limits.readsDeletedFiles)
        case .pst: return try PSTReader(file: file!)
        case .access: return try AccessReader(source: source, prefix: prefix, file: file)
        case .dbf: return try DBFReader(source: source, prefix: prefix, file: file)
        default: return try ArchiveReader(format: format, source: source, prefix: prefix, seekable: file)
        }
    }
}
