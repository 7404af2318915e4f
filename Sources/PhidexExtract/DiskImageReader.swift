// A disk image as a container of the files on its volumes, through The Sleuth
// Kit (the C side is Sources/CDisk): raw and split raw images, VHD (fixed and
// dynamic), VHDX, VMDK and EWF (E01) are opened by TSK's image layer, qcow2 by
// libqcow under it, MBR and
// GPT partition tables by its volume layer, and NTFS, FAT12/16/32, exFAT and
// ext2/3/4 by its file-system layer. Every allocated regular file is a member
// under its volume (`staff.vhd!p2/Users/hr/roster.xlsx`; no `pN/` when the image
// holds one file system without a partition table), NTFS alternate data streams
// as `file:stream`; NTFS metadata files and TSK's virtual files are not members.
// Deleted files whose directory entry survives are members only when asked
// (`--deleted`), marked in their reason.
//
// A volume without a file system Phidex reads (BitLocker, an unknown or damaged
// file system) is a member `pN` whose bytes are carved, recorded `error` (or
// `encrypted`, for BitLocker) so that an auditor sees it was not read as files.
// The image is opened by path: one inside an archive or a mail is first copied
// to a private temporary file (SpooledFile), up to `--max-spool-size`.

import CDisk
#if canImport(Glibc)
import Glibc
#endif

/// Reads the files of a disk image, one at a time. Owned by one task.
final class DiskImageReader: ContainerReader {
    private let disk: OpaquePointer
    private let readDeleted: Bool
    /// `image format, partition table` (for the container's description).
    let description: String
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = false

    /// The copy the image is read from when it was a member of another container.
    private let spool: SpooledFile?

    /// A link named as a sparse VMDK's embedded descriptor names its extent, when the file was renamed.
    private let alias: ExtentAlias?

    /// Opens the image at `path` (a file on the share, or `spool`'s copy of a member).
    init(path osPath: [UInt8], readDeleted: Bool, spool: SpooledFile? = nil) throws(ReadFailure) {
        self.spool = spool
        // A monolithic sparse or streamOptimized VMDK names its own extent file in its embedded
        // descriptor, and libvmdk opens the extent by that name beside it: renamed (or copied out
        // under another name), it would silently open as raw bytes. A link by that name avoids it.
        alias = ExtentAlias(for: osPath)
        var error = [CChar](repeating: 0, count: 512)
        var path = alias?.path ?? osPath
        path.append(0)
        let opened = path.withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { phidex_disk_open($0.baseAddress, readDeleted ? 1 : 0, &error, error.count) }
        }
        guard let opened else { throw ReadFailure(reason: "not readable as a disk image: " + Self.string(error)) }
        disk = opened
        self.readDeleted = readDeleted
        description = String(cString: phidex_disk_description(opened))
    }

    deinit { phidex_disk_close(disk) }

    func next() -> ArchiveReader.Next {
        var entry = phidex_disk_entry()
        let kind = phidex_disk_next(disk, &entry)
        let name = entry.path.map { String(cString: $0) }
        let reason = entry.reason.map { String(cString: $0) }
        switch kind {
        case PHIDEX_DISK_FILE:
            // An EFS-encrypted NTFS file: recorded `encrypted`, its ciphertext not read.
            return .member(ArchiveReader.Member(
                name: name, mtimeNanoseconds: entry.has_mtime != 0 ? entry.mtime_ns : nil, isRegularFile: true,
                isEncrypted: entry.encrypted != 0, deleted: entry.deleted != 0))
        case PHIDEX_DISK_VOLUME:
            return .member(ArchiveReader.Member(name: name, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false, carved: reason))
        case PHIDEX_DISK_DAMAGED:
            return .member(ArchiveReader.Member(
                name: name, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false, unreadable: reason ?? "not readable"))
        default:
            return .end
        }
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        guard buffer.count > 0 else { return 0 }
        var error = [CChar](repeating: 0, count: 512)
        let count = phidex_disk_read(disk, buffer.baseAddress, buffer.count, &error, error.count)
        guard count >= 0 else { throw ReadFailure(reason: "reading it from the disk image: " + Self.string(error)) }
        bytesConsumed += Int64(count)
        return count
    }

    private static func string(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Whether `prefix` (a file's first bytes) starts a disk image or a bare file system TSK reads:
    /// a VHD/VHDX/VMDK/EWF header, a partition table (MBR with sane entries, GPT), or a FAT,
    /// exFAT, NTFS or ext2/3/4 superblock. A fixed VHD is a raw disk with a footer, found as such.
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        func starts(_ magic: some Collection<UInt8>, at offset: Int = 0) -> Bool {
            ContainerFormat.starts(prefix, magic, at: offset)
        }
        if starts("conectix".utf8) || starts("vhdxfile".utf8) || starts("KDMV".utf8) { return true }
        if starts("# Disk DescriptorFile".utf8) || starts([0x51, 0x46, 0x49, 0xFB]) { return true }  // VMDK descriptor, qcow
        if starts([0x45, 0x56, 0x46, 0x09, 0x0D, 0x0A, 0xFF, 0x00]) { return true }  // EWF (E01)
        if starts("EFI PART".utf8, at: 512) { return true }  // GPT header in LBA 1
        if starts("NTFS    ".utf8, at: 3) || starts("EXFAT   ".utf8, at: 3) { return true }
        if starts([0x53, 0xEF], at: 1080) && prefix.count > 1084 && prefix[1082] <= 4 { return true }  // ext2/3/4 superblock
        guard starts([0x55, 0xAA], at: 510) else { return false }
        if starts("FAT".utf8, at: 54) || starts("FAT32".utf8, at: 82) { return true }
        // An MBR: four entries, each empty or with a boot flag of 0x00/0x80, a type and a length.
        var used = 0
        for entry in 0..<4 {
            let base = 446 + entry * 16
            let flag = prefix[base], type = prefix[base + 4]
            let sectors = UInt32(prefix[base + 12]) | UInt32(prefix[base + 13]) << 8 | UInt32(prefix[base + 14]) << 16 | UInt32(prefix[base + 15]) << 24
            if type == 0 { continue }
            guard flag == 0 || flag == 0x80, sectors > 0 else { return false }
            used += 1
        }
        return used > 0
    }

    /// Why `file` (its first bytes `prefix`) is not read on its own: a later segment of an image that
    /// is read whole from its first segment (EWF `.E02`…, split raw `.002`…, a VMDK's extent files).
    static func laterSegment(_ file: FileSource, prefix: UnsafeRawBufferPointer) -> String? {
        // EWF: the segment number follows the signature (bytes 9–10, little-endian).
        if prefix.count >= 13, ContainerFormat.starts(prefix, [0x45, 0x56, 0x46, 0x09, 0x0D, 0x0A, 0xFF, 0x00]) {
            let segment = Int(prefix[9]) | Int(prefix[10]) << 8
            return segment > 1 ? "segment \(segment) of an EWF image; read with its first segment" : nil
        }
        let path = file.entry.osPath
        guard let slash = path.lastIndex(of: 0x2F), let dot = path.lastIndex(of: 0x2E), dot > slash else { return nil }
        let suffix = path[(dot + 1)...]
        // Split raw: `disk.002` when `disk.001` is beside it and starts a disk image.
        if suffix.count == 3, suffix.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), suffix.elementsEqual(Array("001".utf8)) == false,
            Self.startsDiskImage(Array(path[...dot]) + Array("001".utf8))
        {
            return "a later piece of the split image \(String(decoding: path[(slash + 1)...dot], as: UTF8.self))001; read with it"
        }
        // VMDK extents (`disk-flat.vmdk`, `disk-s001.vmdk`, `disk-f001.vmdk`) beside their descriptor `disk.vmdk`.
        let name = Array(path[(slash + 1)..<dot])
        if String(decoding: suffix, as: UTF8.self).lowercased() == "vmdk", let dash = name.lastIndex(of: 0x2D) {
            let tail = String(decoding: name[(dash + 1)...], as: UTF8.self)
            let isExtent = tail == "flat" || (tail.count == 4 && (tail.first == "s" || tail.first == "f") && tail.dropFirst().allSatisfy(\.isNumber))
            let descriptor = Array(path[...slash]) + Array(name[..<dash]) + Array(".vmdk".utf8)
            if isExtent, Self.startsDiskImage(descriptor) {
                return "an extent of \(String(decoding: name[..<dash], as: UTF8.self)).vmdk; read with its descriptor"
            }
        }
        return nil
    }

    /// Whether the file at `path` exists and its first bytes start a disk image.
    private static func startsDiskImage(_ path: [UInt8]) -> Bool {
        let fd = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC | O_NONBLOCK) } }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
        defer { head.deallocate() }
        let count = pread(fd, head.baseAddress, head.count, 0)
        return count > 0 && sniff(UnsafeRawBufferPointer(rebasing: head[..<count]))
    }

    /// The extent file name a sparse VMDK's embedded descriptor gives (`RW 4192256 SPARSE "disk.vmdk"`).
    static func embeddedExtentName(_ head: UnsafeRawBufferPointer) -> String? {
        guard head.count >= 64, ContainerFormat.starts(head, Array("KDMV".utf8)) else { return nil }
        func le64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(head[at + $1]) << (8 * UInt64($1)) } }
        // Sector counts from the file: checked against what was read before any arithmetic.
        let offsetSectors = le64(28), sizeSectors = le64(36)
        guard offsetSectors > 0, sizeSectors > 0, offsetSectors < UInt64(head.count / 512) else { return nil }
        let offset = Int(offsetSectors) * 512, size = Int(min(sizeSectors, UInt64(head.count / 512))) * 512
        let text = String(decoding: head[offset..<min(head.count, offset + size)].prefix { $0 != 0 }, as: UTF8.self)
        for line in text.split(whereSeparator: \.isNewline) where line.hasPrefix("RW ") || line.hasPrefix("RDONLY ") {
            let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
            if quoted.count >= 2, !quoted[1].isEmpty, !quoted[1].contains("/") { return String(quoted[1]) }
        }
        return nil
    }

    /// Whether `prefix` (a volume's first bytes) is a BitLocker volume.
    static func isBitLocker(_ prefix: UnsafeRawBufferPointer) -> Bool {
        let magic = Array("-FVE-FS-".utf8)
        return prefix.count >= 11 && prefix[3..<11].elementsEqual(magic)
    }
}

/// A private folder holding a link to a sparse VMDK under the extent name its descriptor gives;
/// removed when released. Nil when the file already has that name, or is not a sparse VMDK.
private final class ExtentAlias {
    let path: [UInt8]
    private let folder: [UInt8]

    init?(for file: [UInt8]) {
        let fd = (file + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) } }
        guard fd >= 0 else { return nil }
        let head = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { head.deallocate() }
        let count = pread(fd, head.baseAddress, head.count, 0)
        close(fd)
        guard count > 0, let extent = DiskImageReader.embeddedExtentName(UnsafeRawBufferPointer(rebasing: head[..<count])) else { return nil }
        let slash = file.lastIndex(of: 0x2F).map { $0 + 1 } ?? 0
        guard Array(file[slash...]) != Array(extent.utf8) else { return nil }
        var template = Array("\(SpooledFile.temporaryFolder)/phidex-vmdk-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return nil }
        folder = Array(String(cString: made).utf8)
        path = folder + Array("/\(extent)".utf8)
        let target = file.first == 0x2F ? file : Array((WorkingDirectory.path + "/").utf8) + file
        let linked = (target + [0]).withUnsafeBufferPointer { t in
            (path + [0]).withUnsafeBufferPointer { p in
                t.withMemoryRebound(to: CChar.self) { t in p.withMemoryRebound(to: CChar.self) { p in symlink(t.baseAddress!, p.baseAddress!) } }
            }
        }
        guard linked == 0 else {
            _ = (folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rmdir($0.baseAddress!) } }
            return nil
        }
    }

    deinit {
        _ = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
        _ = (folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rmdir($0.baseAddress!) } }
    }
}

private enum WorkingDirectory {
    /// The working directory (a relative path on the command line is relative to it).
    static var path: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        return getcwd(&buffer, buffer.count) != nil ? buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : "."
    }
}
