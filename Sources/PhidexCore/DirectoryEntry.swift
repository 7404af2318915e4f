// The name of an entry `readdir` returned, read where it lies. glibc hands out
// records of d_reclen bytes, often shorter than `struct dirent` (whose d_name is
// 256 bytes), so copying the struct — `record.pointee.d_name` — reads past the
// record's end (AddressSanitizer: heap-buffer-overflow).

#if canImport(Glibc)
public import Glibc
#endif

/// The bytes of a directory entry's name, without its terminating NUL.
public func directoryEntryName(_ record: UnsafeMutablePointer<dirent>) -> [UInt8] {
    let start = directoryEntryCName(record)
    return Array(UnsafeRawBufferPointer(start: start, count: strlen(start)))
}

/// The NUL-terminated name of a directory entry where it lies, valid until the next `readdir`
/// of its stream (for `fstatat`, without copying it).
public func directoryEntryCName(_ record: UnsafeMutablePointer<dirent>) -> UnsafePointer<CChar> {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    return UnsafeRawPointer(record).advanced(by: offset).assumingMemoryBound(to: CChar.self)
}
