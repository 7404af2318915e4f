// A small disk image as a staff workstation's backup leaves one: an MBR with
// one FAT16 partition holding folders and files (long file names as Windows
// writes them), wrapped as a fixed VHD (the raw disk plus a 512-byte footer,
// Microsoft's Virtual Hard Disk Image Format Specification 1.0). Written from
// the specifications (Microsoft's FAT32 File System Specification 1.03 for
// FAT16, the VHD specification for the footer), byte for byte reproducible.

/// Builds disk images of files for the corpus.
public enum DiskImageBuilder {
    static let sector = 512
    /// Where the partition starts (sector 63: the old DOS alignment keeps the image small).
    static let partitionStart = 63

    /// A fixed VHD whose one FAT16 partition holds `files` (path → bytes; `/` separates folders).
    public static func fixedVHD(files: [(path: String, bytes: [UInt8])], uniqueID: [UInt8]) -> [UInt8] {
        let volume = fat16(files: files)
        var disk = [UInt8](repeating: 0, count: partitionStart * sector)
        // MBR: one partition entry, type 0x04 (FAT16 under 32 MiB), LBA start and length.
        let entry = 446
        disk[entry] = 0x00
        disk[entry + 4] = 0x04
        put32(&disk, entry + 8, UInt32(partitionStart))
        put32(&disk, entry + 12, UInt32(volume.count / sector))
        disk[510] = 0x55
        disk[511] = 0xAA
        disk += volume
        return disk + vhdFooter(size: UInt64(disk.count), uniqueID: uniqueID)
    }

    // MARK: FAT16

    private final class Node {
        var name: String
        var bytes: [UInt8]?
        var children: [Node] = []
        var cluster = 0
        var clusters = 0
        init(name: String, bytes: [UInt8]?) { self.name = name; self.bytes = bytes }
        var isDirectory: Bool { bytes == nil }
    }

    /// A FAT16 volume of `files`, one sector per cluster, sized to hold them (at least 4,085
    /// clusters: fewer would make it FAT12 by the specification's rule).
    static func fat16(files: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        let root = Node(name: "", bytes: nil)
        for file in files {
            var node = root
            let parts = file.path.split(separator: "/").map(String.init)
            for (index, part) in parts.enumerated() {
                if index == parts.count - 1 {
                    node.children.append(Node(name: part, bytes: file.bytes))
                } else if let existing = node.children.first(where: { $0.name == part && $0.isDirectory }) {
                    node = existing
                } else {
                    let folder = Node(name: part, bytes: nil)
                    node.children.append(folder)
                    node = folder
                }
            }
        }
        // Clusters: directories (their entries: dot entries, long names, short entries), then files.
        var next = 2
        func allocate(_ node: Node, isRoot: Bool) {
            if !isRoot {
                let entries = 2 + node.children.reduce(0) { $0 + 1 + longNameEntries($1.name) }
                node.clusters = (entries * 32 + sector - 1) / sector
                node.cluster = next
                next += node.clusters
            }
            for child in node.children where !child.isDirectory {
                child.clusters = (child.bytes!.count + sector - 1) / sector
                child.cluster = child.clusters > 0 ? next : 0
                next += child.clusters
            }
            for child in node.children where child.isDirectory { allocate(child, isRoot: false) }
        }
        allocate(root, isRoot: true)
        let clusterCount = max(4_200, next)
        let rootEntries = 512
        let rootSectors = rootEntries * 32 / sector
        let fatSectors = ((clusterCount + 2) * 2 + sector - 1) / sector
        let reserved = 1
        let totalSectors = reserved + 2 * fatSectors + rootSectors + clusterCount
        var volume = [UInt8](repeating: 0, count: totalSectors * sector)

        // Boot sector and BIOS parameter block.
        volume.replaceSubrange(0..<3, with: [0xEB, 0x3C, 0x90])
        volume.replaceSubrange(3..<11, with: Array("PHIDEX  ".utf8))
        put16(&volume, 11, UInt16(sector))
        volume[13] = 1
        put16(&volume, 14, UInt16(reserved))
        volume[16] = 2
        put16(&volume, 17, UInt16(rootEntries))
        put16(&volume, 19, UInt16(totalSectors))
        volume[21] = 0xF8
        put16(&volume, 22, UInt16(fatSectors))
        put16(&volume, 24, 63)
        put16(&volume, 26, 255)
        put32(&volume, 28, UInt32(partitionStart))
        volume[36] = 0x80
        volume[38] = 0x29
        put32(&volume, 39, 0x5048_4458)
        volume.replaceSubrange(43..<54, with: Array("STAFF      ".utf8))
        volume.replaceSubrange(54..<62, with: Array("FAT16   ".utf8))
        volume[510] = 0x55
        volume[511] = 0xAA

        // Both FATs: the media entries, then each chain.
        var fat = [UInt16](repeating: 0, count: clusterCount + 2)
        fat[0] = 0xFFF8
        fat[1] = 0xFFFF
        func chain(_ node: Node) {
            guard node.clusters > 0 else { return }
            for c in node.cluster..<(node.cluster + node.clusters) { fat[c] = c == node.cluster + node.clusters - 1 ? 0xFFFF : UInt16(c + 1) }
        }
        func chains(_ node: Node) {
            for child in node.children {
                chain(child)
                if child.isDirectory { chains(child) }
            }
        }
        chains(root)
        for copy in 0..<2 {
            let base = (reserved + copy * fatSectors) * sector
            for (index, value) in fat.enumerated() { put16(&volume, base + index * 2, value) }
        }

        // Directories and file data.
        let rootBase = (reserved + 2 * fatSectors) * sector
        let dataBase = rootBase + rootSectors * sector
        func offset(ofCluster cluster: Int) -> Int { dataBase + (cluster - 2) * sector }
        func writeDirectory(_ node: Node, at base: Int, parent: Int, isRoot: Bool) {
            var at = base
            if !isRoot {
                volume.replaceSubrange(at..<(at + 32), with: shortEntry(Array(".          ".utf8), directory: true, cluster: node.cluster, size: 0))
                volume.replaceSubrange((at + 32)..<(at + 64), with: shortEntry(Array("..         ".utf8), directory: true, cluster: parent, size: 0))
                at += 64
            }
            var used: Set<[UInt8]> = []
            for child in node.children {
                let short = shortName(child.name, taken: &used)
                for entry in longNameEntries(child.name, short: short) {
                    volume.replaceSubrange(at..<(at + 32), with: entry)
                    at += 32
                }
                volume.replaceSubrange(at..<(at + 32), with: shortEntry(short, directory: child.isDirectory, cluster: child.cluster, size: child.bytes?.count ?? 0))
                at += 32
                if let bytes = child.bytes, !bytes.isEmpty {
                    let start = offset(ofCluster: child.cluster)
                    volume.replaceSubrange(start..<(start + bytes.count), with: bytes)
                }
            }
            for child in node.children where child.isDirectory {
                writeDirectory(child, at: offset(ofCluster: child.cluster), parent: isRoot ? 0 : node.cluster, isRoot: false)
            }
        }
        writeDirectory(root, at: rootBase, parent: 0, isRoot: true)
        return volume
    }

    /// An 8.3 entry: `name` is the 11-byte short name.
    private static func shortEntry(_ name: [UInt8], directory: Bool, cluster: Int, size: Int) -> [UInt8] {
        var entry = [UInt8](repeating: 0, count: 32)
        entry.replaceSubrange(0..<11, with: name)
        entry[11] = directory ? 0x10 : 0x20
        // 2020-01-02 12:00:00, written and created.
        let date: UInt16 = (40 << 9) | (1 << 5) | 2
        let time: UInt16 = 12 << 11
        put16(&entry, 14, time)
        put16(&entry, 16, date)
        put16(&entry, 18, date)
        put16(&entry, 22, time)
        put16(&entry, 24, date)
        put16(&entry, 26, UInt16(cluster))
        put32(&entry, 28, UInt32(size))
        return entry
    }

    /// The 8.3 name Windows would give `name` (`ROSTER~1XLS`), unique among `taken`.
    private static func shortName(_ name: String, taken: inout Set<[UInt8]>) -> [UInt8] {
        let upper = name.uppercased()
        let dot = upper.lastIndex(of: ".")
        let stem = (dot.map { String(upper[..<$0]) } ?? upper).filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let ext = (dot.map { String(upper[upper.index(after: $0)...]) } ?? "").filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        func padded(_ text: String, _ width: Int) -> [UInt8] { Array(Array(text.utf8).prefix(width)) + Array(repeating: 0x20, count: max(0, width - text.utf8.count)) }
        var serial = 1
        while true {
            let tail = "~\(serial)"
            let candidate = padded(String(stem.prefix(8 - tail.count)) + tail, 8) + padded(String(ext.prefix(3)), 3)
            if taken.insert(candidate).inserted { return candidate }
            serial += 1
        }
    }

    private static func longNameEntries(_ name: String) -> Int { (name.utf16.count + 12) / 13 }

    /// The long-name entries for `name`, last piece first, as they precede the short entry.
    private static func longNameEntries(_ name: String, short: [UInt8]) -> [[UInt8]] {
        var checksum: UInt8 = 0
        for byte in short { checksum = ((checksum & 1) << 7) &+ (checksum >> 1) &+ byte }
        let units = Array(name.utf16)
        let count = longNameEntries(name)
        var padded = units
        if padded.count < count * 13 { padded.append(0) }
        while padded.count < count * 13 { padded.append(0xFFFF) }
        var entries: [[UInt8]] = []
        for piece in (0..<count).reversed() {
            var entry = [UInt8](repeating: 0, count: 32)
            entry[0] = UInt8(piece + 1) | (piece == count - 1 ? 0x40 : 0)
            entry[11] = 0x0F
            entry[13] = checksum
            let chars = padded[(piece * 13)..<(piece * 13 + 13)]
            let offsets = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30]
            for (slot, unit) in zip(offsets, chars) { put16(&entry, slot, unit) }
            entries.append(entry)
        }
        return entries
    }

    // MARK: VHD

    /// The footer of a fixed VHD of `size` bytes (big-endian fields; checksum: the ones'
    /// complement of the sum of the footer's bytes).
    static func vhdFooter(size: UInt64, uniqueID: [UInt8]) -> [UInt8] {
        var footer = [UInt8](repeating: 0, count: 512)
        footer.replaceSubrange(0..<8, with: Array("conectix".utf8))
        putBig(&footer, 8, 0x0000_0002, 4)  // features: reserved bit set
        putBig(&footer, 12, 0x0001_0000, 4)  // format version 1.0
        putBig(&footer, 16, 0xFFFF_FFFF_FFFF_FFFF, 8)  // data offset: none (fixed disk)
        putBig(&footer, 24, 0x2000_0000, 4)  // time stamp (seconds since 2000-01-01): fixed
        footer.replaceSubrange(28..<32, with: Array("phdx".utf8))
        putBig(&footer, 32, 0x0001_0000, 4)
        footer.replaceSubrange(36..<40, with: Array("Wi2k".utf8))
        putBig(&footer, 40, size, 8)
        putBig(&footer, 48, size, 8)
        // CHS geometry by the specification's algorithm.
        let sectors = min(size / 512, 65_535 * 16 * 255)
        var perTrack: UInt64 = 17, heads: UInt64 = 4
        var cylinderTimesHeads = sectors / perTrack
        heads = max(4, (cylinderTimesHeads + 1023) / 1024)
        if cylinderTimesHeads >= heads * 1024 || heads > 16 {
            perTrack = 31; heads = 16; cylinderTimesHeads = sectors / perTrack
        }
        if cylinderTimesHeads >= heads * 1024 {
            perTrack = 63; heads = 16; cylinderTimesHeads = sectors / perTrack
        }
        putBig(&footer, 56, cylinderTimesHeads / heads, 2)
        footer[58] = UInt8(heads)
        footer[59] = UInt8(perTrack)
        putBig(&footer, 60, 2, 4)  // disk type: fixed
        footer.replaceSubrange(68..<84, with: uniqueID.prefix(16) + Array(repeating: 0, count: max(0, 16 - uniqueID.count)))
        let sum = footer.reduce(UInt32(0)) { $0 &+ UInt32($1) }
        putBig(&footer, 64, UInt64(~sum), 4)
        return footer
    }

    private static func put16(_ bytes: inout [UInt8], _ at: Int, _ value: UInt16) {
        bytes[at] = UInt8(value & 0xFF)
        bytes[at + 1] = UInt8(value >> 8)
    }

    private static func put32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[at + i] = UInt8((value >> (8 * UInt32(i))) & 0xFF) }
    }

    private static func putBig(_ bytes: inout [UInt8], _ at: Int, _ value: UInt64, _ width: Int) {
        for i in 0..<width { bytes[at + i] = UInt8((value >> (8 * UInt64(width - 1 - i))) & 0xFF) }
    }
}
