// The name of an entry `readdir` returned, read where it lies. glibc hands out
// records of d_reclen bytes, often shorter than `struct dirent` (whose d_name is
// 256 bytes), so copying the struct — `record.pointee.d_name` — reads past the
// record's end (AddressSanitizer: heap-buffer-overflow).

#if canImport(Glibc)
public import Glibc
#endif

/// The bytes of a directory entry's name, without its terminating NUL.
public func directoryEntryName(_ record: UnsafeMutablePointer<dirent>) -> [UInt8] {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    let start = UnsafeRawPointer(record).advanced(by: offset).assumingMemoryBound(to: CChar.self)
    return Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
}
