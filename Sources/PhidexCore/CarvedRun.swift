// Text carved out of binary content: a run of UTF-16LE characters (Windows
// strings in a disk image, a legacy .doc, a database page) rewritten in place
// as its ASCII characters followed by NUL padding, so the stream keeps its
// length and every other byte its offset. A finding inside the run is mapped
// back to the bytes it came from: character i sits at `start + 2 i`.

/// One UTF-16LE run rewritten as ASCII at the same offset.
public struct CarvedRun: Sendable, Equatable {
    /// Stream offset of the run (and of its first character, in both forms).
    public let start: Int64
    /// Characters in the run: the ASCII form is `characters` bytes long, the original twice that.
    public let characters: Int

    public init(start: Int64, characters: Int) {
        self.start = start
        self.characters = characters
    }

    /// Whether the ASCII form holds stream offset `offset`.
    public func holds(_ offset: Int64) -> Bool { offset >= start && offset < start + Int64(characters) }

    /// A span of the ASCII form as the span of the original bytes.
    public func original(offset: Int64, length: Int) -> (offset: Int64, length: Int) {
        (start + 2 * (offset - start), 2 * length - 1)
    }
}
