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

    /// `prefix` and then the rest of `source`, in memory; fails past `limit` bytes.
    static func copy(_ prefix: UnsafeRawBufferPointer, then source: any ByteSource, limit: Int, what: String) throws(ReadFailure) -> [UInt8] {
        var bytes = Array(prefix)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try source.read(into: chunk)
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { throw ReadFailure(reason: "\(what) over \(limit >> 20) MiB inside another container is not read") }
        }
        return bytes
    }

    func seek(to offset: Int64, whence: Int32) -> Int64 {
        let base = whence == SEEK_CUR ? position : whence == SEEK_END ? bytes.count : 0
        let target = base + Int(offset)
        guard target >= 0 && target <= bytes.count else { return -1 }
        position = target
        return Int64(target)
    }
}
