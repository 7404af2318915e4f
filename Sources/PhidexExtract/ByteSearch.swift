// Searching the first bytes of every file: the sniffers run once per file, so
// a byte search there is memchr's vector loop, not a Swift loop over a slice.

#if canImport(Glibc)
import Glibc
#endif

extension UnsafeRawBufferPointer {
    /// Whether `byte` occurs in the first `limit` bytes.
    func holds(_ byte: UInt8, within limit: Int) -> Bool {
        guard let base = baseAddress, count > 0 else { return false }
        return memchr(base, Int32(byte), Swift.min(count, limit)) != nil
    }
}
