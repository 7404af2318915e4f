// What a zip's end-of-central-directory record says about its entries, for one
// check libarchive does not make: reading a zip from its central directory, it
// keeps one member per local header, so a directory whose entries point twice at
// one header (by damage, or to hide a member) silently loses the member whose
// header nothing points to. When fewer members come out than the directory lists,
// the walk reads the zip again from its local headers for the members it missed.
// The count also tells a scan whether a large zip holds few large members (worth
// decompressing on a helper thread) or many small ones (worth detecting on two).

#if canImport(Glibc)
import Glibc
#endif

public enum ZipDirectory {
    /// How many entries the end-of-central-directory record of `file` lists; nil when it has none
    /// the last 64 KiB hold, or uses zip64's (its count is then in another record).
    public static func entryCount(_ file: FileSource) -> Int? {
        let size = file.entry.size
        let tail = Int(min(size, 65_557))  // the record (22 bytes) and the longest comment
        guard tail >= 22, file.seek(to: size - Int64(tail), whence: SEEK_SET) >= 0 else { return nil }
        defer { _ = file.seek(to: 0, whence: SEEK_SET) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: tail, alignment: 8)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < tail {
            guard let count = try? file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])), count > 0 else { break }
            filled += count
        }
        guard filled >= 22 else { return nil }
        var at = filled - 22
        while at >= 0 {
            if buffer[at] == 0x50 && buffer[at + 1] == 0x4B && buffer[at + 2] == 0x05 && buffer[at + 3] == 0x06 {
                let total = Int(buffer[at + 10]) | Int(buffer[at + 11]) << 8
                return total == 0xFFFF ? nil : total
            }
            at -= 1
        }
        return nil
    }
}
