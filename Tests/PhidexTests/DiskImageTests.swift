// Disk images as containers of their files, end to end through the library:
// every image format (raw, split raw, VHD fixed and dynamic, VHDX, VMDK sparse
// and streamOptimized, E01 split in segments, qcow2 plain and compressed), partition table (MBR, GPT, none)
// and file system (FAT16, FAT32, ext4, NTFS with an alternate data stream)
// gives, for each file on it, exactly the findings of the same file scanned
// loose, under `image!pN/path`. Damaged images end with recorded statuses.
// The files are the bundled synthetic corpus.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexExtract
import PhidexIndex
import Testing

@Suite(.serialized) struct DiskImageTests {
    /// A tree with the files loose (`loose/…`) and the staging folder the images are built from.
    func stage(_ tree: TestTree) throws {
        for (relative, source) in diskImageFiles {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: corpusShare + "/" + source)))
            try tree.bytes("loose/" + relative, bytes)
            try tree.bytes("staging/" + relative, bytes)
        }
        try shell("""
            mkdir -p work images
            # FAT16 and FAT32 with folders (mcopy -s), ext4 from the folder, NTFS in its root (ntfscp makes no folders)
            truncate -s 16M work/fat16.img && mkfs.vfat -F 16 work/fat16.img >/dev/null && mcopy -s -i work/fat16.img staging/* ::/
            truncate -s 40M work/fat32.img && mkfs.vfat -F 32 work/fat32.img >/dev/null && mcopy -s -i work/fat32.img staging/* ::/
            mkfs.ext4 -q -F -d staging work/ext4.img 16M
            truncate -s 16M work/ntfs.img && mkntfs -q -F -f work/ntfs.img >/dev/null 2>&1
            for f in $(cd staging && find . -type f | sed 's|^\\./||'); do ntfscp -f work/ntfs.img "staging/$f" "$(basename "$f")" >/dev/null; done
            ntfscp -f -N hidden work/ntfs.img staging/patients.csv patients.csv >/dev/null
            # MBR: FAT16 then NTFS; GPT: ext4
            truncate -s 40M images/mbr.img
            printf 'label: dos\\nstart=2048, size=32768, type=6\\nstart=36864, size=32768, type=7\\n' | sfdisk -q images/mbr.img
            dd if=work/fat16.img of=images/mbr.img bs=512 seek=2048 conv=notrunc status=none
            dd if=work/ntfs.img of=images/mbr.img bs=512 seek=36864 conv=notrunc status=none
            truncate -s 20M images/gpt.img
            printf 'label: gpt\\nstart=2048, size=32768\\n' | sfdisk -q images/gpt.img
            dd if=work/ext4.img of=images/gpt.img bs=512 seek=2048 conv=notrunc status=none
            cp work/fat32.img images/fat32-bare.img
            qemu-img convert -f raw -O vpc -o subformat=dynamic images/mbr.img images/dynamic.vhd
            qemu-img convert -f raw -O vpc -o subformat=fixed,force_size=on images/mbr.img images/fixed.vhd
            qemu-img convert -f raw -O vhdx images/mbr.img images/disk.vhdx
            qemu-img convert -f raw -O vmdk images/gpt.img images/sparse.vmdk
            qemu-img convert -f raw -O vmdk -o subformat=streamOptimized images/mbr.img images/stream.vmdk
            # A renamed sparse VMDK in another folder: its embedded descriptor still names the old file
            # as its extent (libvmdk would open that name beside it, and find nothing, or another file).
            mkdir -p images/moved && cp images/stream.vmdk images/moved/renamed-copy.vmdk
            qemu-img convert -f raw -O qcow2 images/gpt.img images/disk.qcow2
            qemu-img convert -f raw -O qcow2 -c images/mbr.img images/compressed.qcow2
            mkdir -p images/e01 images/split
            ewfacquire -u -q -t images/e01/disk -c none -S 16MiB images/mbr.img >/dev/null
            split -b 16M -d -a 3 --numeric-suffixes=1 images/mbr.img images/split/disk.
            rm -rf staging work
            """, in: tree.root)
    }

    /// What a scan found at each path, as sorted "type masked line offset" lines.
    func found(_ tree: TestTree, limits: ArchiveLimits = ArchiveLimits()) async throws -> (found: [String: [String]], files: [String: FileRecord]) {
        let (found, files) = try await scanTree(tree, limits: limits)
        return (found.mapValues { $0.sorted() }, files)
    }

    @Test func everyFileOnEveryImageIsFoundAsWhenLoose() async throws {
        let tree = try TestTree("disk-images")
        try stage(tree)
        let (found, files) = try await found(tree)
        /// Where each image keeps the files: its volume prefix, and whether its folders are kept.
        let images: [(path: String, prefix: String, folders: Bool)] = [
            ("images/mbr.img", "p1/", true), ("images/mbr.img", "p2/", false),
            ("images/gpt.img", "p1/", true), ("images/fat32-bare.img", "", true),
            ("images/dynamic.vhd", "p1/", true), ("images/dynamic.vhd", "p2/", false),
            ("images/fixed.vhd", "p1/", true), ("images/disk.vhdx", "p2/", false),
            ("images/sparse.vmdk", "p1/", true), ("images/stream.vmdk", "p1/", true), ("images/moved/renamed-copy.vmdk", "p1/", true),
            ("images/e01/disk.E01", "p2/", false), ("images/split/disk.001", "p1/", true),
            ("images/disk.qcow2", "p1/", true), ("images/compressed.qcow2", "p2/", false),
        ]
        var compared = 0
        for image in images {
            #expect(files[tree.path(image.path)]?.status == .ok, "\(image.path): \(files[tree.path(image.path)]?.reason ?? "not scanned")")
            for (relative, _) in diskImageFiles {
                let inside = image.folders ? relative : String(relative.split(separator: "/").last!)
                let loose = found[tree.path("loose/" + relative)] ?? []
                // A document's findings are at its parts (xlsx!xl/worksheets/sheet1.xml): compare every path below it.
                let memberPrefix = tree.path(image.path) + "!" + image.prefix + inside
                let inImage = found.filter { $0.key == memberPrefix || $0.key.hasPrefix(memberPrefix + "!") }
                let looseParts = found.filter { $0.key == tree.path("loose/" + relative) || $0.key.hasPrefix(tree.path("loose/" + relative) + "!") }
                #expect(
                    Dictionary(uniqueKeysWithValues: inImage.map { (String($0.key.dropFirst(memberPrefix.count)), $0.value) })
                        == Dictionary(uniqueKeysWithValues: looseParts.map { (String($0.key.dropFirst(tree.path("loose/" + relative).count)), $0.value) }),
                    "\(memberPrefix)")
                #expect(files[memberPrefix] != nil, "\(memberPrefix) is a member")
                if !loose.isEmpty || !looseParts.isEmpty { compared += 1 }
            }
        }
        #expect(compared >= images.count * 5, "files with findings compared: \(compared)")
        // The NTFS named stream is a member of its own; NTFS metadata and FAT's virtual files are not members.
        let stream = tree.path("images/mbr.img") + "!p2/patients.csv:hidden"
        #expect(found[stream] == found[tree.path("loose/patients.csv")])
        #expect(files.keys.filter { $0.contains("!p2/$") || $0.contains("!p1/$") || $0.contains("$FAT") || $0.contains("$MBR") }.isEmpty)
        // Later pieces of a split image and EWF segments after the first are skipped, not read twice.
        #expect(files[tree.path("images/split/disk.002")]?.status == .skipped)
        #expect(files[tree.path("images/e01/disk.E02")]?.status == .skipped)
        #expect(found.keys.filter { $0.hasPrefix(tree.path("images/split/disk.002")) || $0.hasPrefix(tree.path("images/e01/disk.E02")) }.isEmpty)
    }

    @Test func damagedImagesEndWithRecordedStatuses() async throws {
        let tree = try TestTree("disk-damaged")
        try stage(tree)
        try shell("""
            mkdir -p damaged
            # Cut short: the second partition (NTFS) lies beyond the end.
            head -c 20M images/mbr.img > damaged/truncated.img
            # A partition table whose second entry points at garbage: no file system there.
            cp images/mbr.img damaged/garbage-volume.img
            dd if=/dev/urandom of=damaged/garbage-volume.img bs=512 seek=36864 count=64 conv=notrunc status=none
            # A BitLocker volume's signature on the second partition.
            cp images/mbr.img damaged/bitlocker.img
            printf '\\xeb\\x58\\x90-FVE-FS-' | dd of=damaged/bitlocker.img bs=1 seek=$((36864 * 512)) conv=notrunc status=none
            # A dynamic VHD cut in half, and a partition table with a nonsense start.
            head -c 7M images/dynamic.vhd > damaged/half.vhd
            cp images/mbr.img damaged/bad-table.img
            printf '\\xff\\xff\\xff\\x7f' | dd of=damaged/bad-table.img bs=1 seek=$((446 + 8)) conv=notrunc status=none
            rm -rf images
            """, in: tree.root)
        let (found, files) = try await found(tree)
        for name in ["truncated.img", "garbage-volume.img", "bitlocker.img", "half.vhd", "bad-table.img"] {
            let record = try #require(files[tree.path("damaged/" + name)], "\(name) is recorded")
            #expect(record.status != .ok || name == "truncated.img" || name == "half.vhd", "\(name): \(record.status)")
        }
        // What is readable is read: the first partition's files survive every kind of damage after it.
        for name in ["truncated.img", "garbage-volume.img", "bitlocker.img"] {
            let csv = tree.path("damaged/" + name) + "!p1/patients.csv"
            #expect(found[csv] == found[tree.path("loose/patients.csv")], "\(csv)")
        }
        let garbage = try #require(files[tree.path("damaged/garbage-volume.img") + "!p2"])
        #expect(garbage.status == .error)
        #expect(garbage.reason?.contains("carved as raw bytes") == true, "\(garbage.reason ?? "")")
        #expect(files[tree.path("damaged/bitlocker.img") + "!p2"]?.status == .encrypted)
        #expect(files[tree.path("damaged/bitlocker.img")]?.status == .encrypted, "the image reports its worst member")
    }

    @Test func deletedFilesAreReadOnlyWhenAsked() async throws {
        let tree = try TestTree("disk-deleted")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: corpusShare + "/exports/patients-0001.csv")))
        try tree.bytes("loose/patients.csv", bytes)
        try shell("""
            truncate -s 16M fat.img && mkfs.vfat -F 16 fat.img >/dev/null
            mcopy -i fat.img loose/patients.csv ::/patients.csv && mcopy -i fat.img loose/patients.csv ::/kept.csv
            mdel -i fat.img ::/patients.csv
            """, in: tree.root)
        let plain = try await found(tree)
        #expect(plain.files[tree.path("fat.img") + "!kept.csv"]?.status == .ok)
        #expect(plain.files.keys.filter { $0.hasPrefix(tree.path("fat.img") + "!") && $0.lowercased().contains("atients") }.isEmpty)
        var limits = ArchiveLimits()
        limits.readsDeletedFiles = true
        let deleted = try await found(tree, limits: limits)
        let recovered = deleted.files.filter { $0.key.hasPrefix(tree.path("fat.img") + "!") && $0.key.hasSuffix("ATIENTS.CSV") || $0.key.hasSuffix("atients.csv") && $0.key.contains("fat.img!") }
        let member = try #require(recovered.first, "the deleted file is a member: \(deleted.files.keys.sorted())")
        #expect(member.value.reason?.contains("deleted") == true)
        #expect(deleted.found[member.key] == deleted.found[tree.path("loose/patients.csv")], "its content is still there")
    }

    @Test func imagesInsideArchivesAreCopiedOutReadAndRemoved() async throws {
        let tree = try TestTree("disk-nested")
        try stage(tree)
        let vhd = [UInt8](try Data(contentsOf: URL(fileURLWithPath: tree.path("images/dynamic.vhd"))))
        let vmdk = [UInt8](try Data(contentsOf: URL(fileURLWithPath: tree.path("images/stream.vmdk"))))
        try tree.bytes("nested/backup.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "2021/staff.vhd", content: .bytes(vhd))]))
        // An appliance export (.ova) is a tar holding a streamOptimized VMDK.
        try tree.bytes("nested/appliance.ova", try ArchiveBuilder.build(.tar, members: [ArchiveMember(name: "appliance-disk1.vmdk", content: .bytes(vmdk))]))
        try shell("rm -rf images", in: tree.root)
        let spoolTree = try TestTree("disk-spool")  // outside the scanned tree
        let spools = spoolTree.root
        var limits = ArchiveLimits()
        limits.spoolFolder = spools  // a folder of this test's own: other tests run beside it
        let (found, files) = try await found(tree, limits: limits)
        for (container, prefix, folders) in [("nested/backup.zip!2021/staff.vhd", "p1/", true), ("nested/appliance.ova!appliance-disk1.vmdk", "p1/", true)] {
            let base = tree.path(container)
            #expect(files[base]?.status == .ok, "\(container): \(files[base]?.reason ?? "not scanned")")
            for (relative, _) in diskImageFiles where relative.hasSuffix(".csv") || relative.hasSuffix(".txt") {
                let inside = base + "!" + prefix + (folders ? relative : String(relative.split(separator: "/").last!))
                #expect(found[inside] == found[tree.path("loose/" + relative)], "\(inside)")
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: spools).isEmpty, "the temporary copies are removed")
    }
}
