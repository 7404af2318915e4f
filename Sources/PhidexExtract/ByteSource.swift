// Anything bytes can be pulled from: a file, an archive member, a member of a
// member. Archives are read by pulling from their parent, so nesting needs no
// temporary files and no member is ever held whole in memory.

/// A forward-only stream of bytes, owned by one task.
public protocol ByteSource: AnyObject {
    /// Fills as much of `buffer` as the stream has left; returns the byte count (0 at the end).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int
}

/// A stream that can be repositioned (`lseek` semantics): a file, or a document held in memory.
/// libarchive reads a zip's central directory through it, and a document may be read twice.
public protocol SeekableByteSource: ByteSource {
    /// Moves the read position; returns the new position, or -1.
    func seek(to offset: Int64, whence: Int32) -> Int64
}
