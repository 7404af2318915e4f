// What the walker reads members from: an archive through libarchive, or a mail
// message or mailbox through GMime. Both hand out members one at a time, each
// with its decoded bytes, so nesting (a zip in a mail in a tar.gz) is the same
// walk whatever the levels are.

/// A container's members, read forward. Owned by one task.
protocol ContainerReader: AnyObject {
    /// The next member's header.
    func next() -> ArchiveReader.Next
    /// Decoded bytes of the current member into `buffer`; 0 at the member's end.
    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int
    /// Whether the content is a single compressed stream rather than a list of members.
    var isSingleStream: Bool { get }
    /// Bytes taken from the source so far.
    var bytesConsumed: Int64 { get }
    /// Whether members are decompressed from what the reader takes (`bytesConsumed` then measures
    /// a member's compressed size, and a member's own ratio limit applies).
    var decompresses: Bool { get }
    /// Whether moving past the rest of a member costs no decoding (a zip's entries carry their
    /// compressed sizes; a tar.gz's next member lies behind the rest of this one's stream).
    var skipsMembersCheaply: Bool { get }
}

extension ContainerReader {
    var decompresses: Bool { false }
    var skipsMembersCheaply: Bool { true }
}

extension ArchiveReader: ContainerReader {
    var decompresses: Bool { true }
    var skipsMembersCheaply: Bool { format == .zip }
}
