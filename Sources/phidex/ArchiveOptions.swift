// The archive limits every command that scans shares (scan, eval).

import ArgumentParser
import PhidexExtract

struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Archive levels opened, the file itself being level 1 (default: 12).", valueName: "n"))
    var maxDepth: Int?

    @Option(name: .long, help: ArgumentHelp("Decoded bytes read from one archive member (default: 64G).", valueName: "size"))
    var maxMemberSize: ByteCount?

    @Option(name: .long, help: ArgumentHelp("Decoded bytes read under one file, all levels (default: 1T).", valueName: "size"))
    var maxArchiveSize: ByteCount?

    @Option(
        name: .long,
        help: ArgumentHelp("Decoded bytes per compressed byte, of a member or of the file, before it counts as a compression bomb (default: 1000).", valueName: "n"))
    var maxRatio: Int?

    @Option(name: .long, help: ArgumentHelp("Members read under one file, all levels (default: 1000000).", valueName: "n"))
    var maxMembers: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds spent on one file and its members (default: 1800).", valueName: "s"))
    var maxArchiveSeconds: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Bytes of a disk image or an Outlook store inside an archive or a mail copied to a private temporary file to be read (default: 8G).",
            valueName: "size"))
    var maxSpoolSize: ByteCount?

    @Option(name: .long, help: ArgumentHelp("Folder for those temporary copies (default: $TMPDIR, else /tmp).", valueName: "dir"))
    var spoolDir: String?

    func validate() throws {
        if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must be at least 0") }
        if let maxRatio, maxRatio < 1 { throw ValidationError("--max-ratio must be at least 1") }
        if let maxMembers, maxMembers < 0 { throw ValidationError("--max-members must be at least 0") }
        if let maxArchiveSeconds, maxArchiveSeconds <= 0 { throw ValidationError("--max-archive-seconds must be positive") }
    }

    @Flag(name: .long, help: "Read images, audio and video whole (default: their first 1 MiB, where metadata lives).")
    var readMedia = false

    @Flag(name: .long, help: "Also read a disk image's deleted files whose directory entries survive (default: allocated files only).")
    var deleted = false

    var limits: ArchiveLimits {
        var limits = ArchiveLimits()
        if let maxDepth { limits.depth = maxDepth }
        if let maxMemberSize { limits.memberBytes = maxMemberSize.bytes }
        if let maxArchiveSize { limits.archiveBytes = maxArchiveSize.bytes }
        if let maxRatio { limits.ratio = Int64(maxRatio) }
        if let maxMembers { limits.members = maxMembers }
        if let maxArchiveSeconds { limits.seconds = maxArchiveSeconds }
        if let maxSpoolSize { limits.spoolBytes = maxSpoolSize.bytes }
        if let spoolDir { limits.spoolFolder = spoolDir }
        if readMedia { limits.mediaBytes = nil }
        limits.readsDeletedFiles = deleted
        return limits
    }
}

/// A size on the command line: bytes, or a number with K, M, G or T (powers of 1024).
struct ByteCount: ExpressibleByArgument {
    var bytes: Int64

    init?(argument: String) {
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var text = Substring(argument.uppercased())
        if text.hasSuffix("B") { text = text.dropLast() }
        var scale: Int64 = 1
        if let last = text.last, let unit = units[last] {
            scale = unit
            text = text.dropLast()
        }
        guard let value = Int64(text), value >= 0, value <= Int64.max / scale else { return nil }
        bytes = value * scale
    }
}
