// Bytes held in memory as a seekable source: a document nested in an archive or
// a mail, copied out so that it can be read twice (an xlsx's sheets need its
// shared strings, which Excel writes after them).

#if canImport(Glibc)
import Glibc
#endif

/// A byte array read like a file.
final class MemorySource: SeekableByteSource {
    let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: count) }
        position += count
        return count
    }

    func seek(to offset: Int64, whence: Int32) -> Int64 {
        let base = whence == SEEK_CUR ? position : whence == SEEK_END ? bytes.count : 0
        let target = base + Int(offset)
        guard target >= 0 && target <= bytes.count else { return -1 }
        position = target
        return Int64(target)
    }
}
