// Builds archives in memory with libarchive, so nested archives (zip in tar.gz in
// zip) are just bytes handed to the next level. Entries get a fixed mtime and the
// gzip header no timestamp, so the same members give the same bytes — except an
// encrypted zip, whose ZipCrypto header bytes are random by design.

import CArchive

/// An error building an archive, with libarchive's message.
public struct CorpusError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The container formats the corpus writes.
public enum ArchiveKind: Sendable {
    case zip
    /// Zip with traditional (ZipCrypto) encryption.
    case encryptedZip(passphrase: String)
    case tar
    case tarGzip
    /// A single gzip stream holding one member.
    case gzip
    /// Zip without compression.
    case zipStored
    case tarBzip2, tarXz, tarZstd, sevenZip, cpio, iso9660
    /// Single compressed streams holding one member, like `gzip`.
    case bzip2, xz, zstd

    /// The format name used in the manifest.
    public var format: String {
        switch self {
        case .zip, .encryptedZip: "zip"
        case .tar: "tar"
        case .tarGzip: "tar.gz"
        case .gzip: "gz"
        case .zipStored: "zip"
        case .tarBzip2: "tar.bz2"
        case .tarXz: "tar.xz"
        case .tarZstd: "tar.zst"
        case .sevenZip: "7z"
        case .cpio: "cpio"
        case .iso9660: "iso"
        case .bzip2: "bz2"
        case .xz: "xz"
        case .zstd: "zst"
        }
    }
}

/// One member of an archive under construction.
public struct ArchiveMember: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        /// `count` zero bytes, streamed: a compression bomb's payload without holding it.
        case zeros(Int)
    }
    public var name: String
    public var content: Content

    public init(name: String, content: Content) { self.name = name; self.content = content }
    public init(_ artifact: Artifact) { self.init(name: artifact.name, content: .bytes(artifact.bytes)) }

    var size: Int {
        switch content {
        case .bytes(let bytes): bytes.count
        case .zeros(let count): count
        }
    }
}

/// Writes archives into memory through libarchive.
public enum ArchiveBuilder {
    /// 2023-06-01T12:00:00Z, every member's mtime.
    static let fixedModificationTime = 1_685_620_800

    public static func build(_ kind: ArchiveKind, members: [ArchiveMember]) throws(CorpusError) -> [UInt8] {
        guard let archive = archive_write_new() else { throw CorpusError("libarchive: out of memory") }
        defer { archive_write_free(archive) }
        func check(_ status: Int32, _ what: String) throws(CorpusError) {
            guard status >= ARCHIVE_WARN else {
                let message = archive_error_string(archive).map { String(cString: $0) } ?? "status \(status)"
                throw CorpusError("libarchive \(what): \(message)")
            }
        }

        switch kind {
        case .zip:
            try check(archive_write_set_format_zip(archive), "zip format")
        case .encryptedZip(let passphrase):
            try check(archive_write_set_format_zip(archive), "zip format")
            try check(archive_write_set_options(archive, "zip:encryption=zipcrypt"), "zip encryption")
            try check(archive_write_set_passphrase(archive, passphrase), "passphrase")
        case .tar:
            try check(archive_write_set_format_pax_restricted(archive), "tar format")
        case .tarGzip:
            try check(archive_write_set_format_pax_restricted(archive), "tar format")
            try check(archive_write_add_filter_gzip(archive), "gzip filter")
            try check(archive_write_set_options(archive, "gzip:!timestamp"), "gzip options")
        case .gzip:
            guard members.count == 1 else { throw CorpusError("a gzip stream holds exactly one member") }
            try check(archive_write_set_format_raw(archive), "raw format")
            try check(archive_write_add_filter_gzip(archive), "gzip filter")
            try check(archive_write_set_options(archive, "gzip:!timestamp"), "gzip options")
        case .zipStored:
            try check(archive_write_set_format_zip(archive), "zip format")
            try check(archive_write_set_options(archive, "zip:compression=store"), "zip store")
        case .tarBzip2, .tarXz, .tarZstd:
            try check(archive_write_set_format_pax_restricted(archive), "tar format")
            try addFilter(kind, archive, check)
        case .sevenZip:
            try check(archive_write_set_format_7zip(archive), "7z format")
        case .cpio:
            try check(archive_write_set_format_cpio_newc(archive), "cpio format")
        case .iso9660:
            try check(archive_write_set_format_iso9660(archive), "iso9660 format")
        case .bzip2, .xz, .zstd:
            guard members.count == 1 else { throw CorpusError("a compressed stream holds exactly one member") }
            try check(archive_write_set_format_raw(archive), "raw format")
            try addFilter(kind, archive, check)
        }
        // No padding to a 10 KiB block after a compressed stream.
        try check(archive_write_set_bytes_in_last_block(archive, 1), "block size")

        let sink = ByteSink()
        let opened = archive_write_open2(
            archive, Unmanaged.passUnretained(sink).toOpaque(), nil,
            { _, client, buffer, length in
                let sink = Unmanaged<ByteSink>.fromOpaque(client!).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length))
                return la_ssize_t(length)
            }, nil, nil)
        try check(opened, "open")

        for member in members {
            guard let entry = archive_entry_new() else { throw CorpusError("libarchive: out of memory") }
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname_utf8(entry, member.name)
            archive_entry_set_size(entry, la_int64_t(member.size))
            archive_entry_set_filetype(entry, phidex_ae_ifreg())
            archive_entry_set_perm(entry, 0o644)
            archive_entry_set_mtime(entry, time_t(fixedModificationTime), 0)
            try check(archive_write_header(archive, entry), "header of \(member.name)")
            switch member.content {
            case .bytes(let bytes):
                let written = bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
                if written < 0 { try check(Int32(written), "data of \(member.name)") }
            case .zeros(var remaining):
                let block = [UInt8](repeating: 0, count: 1 << 20)
                while remaining > 0 {
                    let n = min(remaining, block.count)
                    let written = block.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, n) }
                    if written < 0 { try check(Int32(written), "data of \(member.name)") }
                    remaining -= n
                }
            }
        }
        try check(archive_write_close(archive), "close")
        withExtendedLifetime(sink) {}
        return sink.bytes
    }
}

extension ArchiveBuilder {
    fileprivate static func addFilter(
        _ kind: ArchiveKind, _ archive: OpaquePointer, _ check: (Int32, String) throws(CorpusError) -> Void
    ) throws(CorpusError) {
        switch kind {
        case .tarBzip2, .bzip2: try check(archive_write_add_filter_bzip2(archive), "bzip2 filter")
        case .tarXz, .xz: try check(archive_write_add_filter_xz(archive), "xz filter")
        case .tarZstd, .zstd: try check(archive_write_add_filter_zstd(archive), "zstd filter")
        default: break
        }
    }
}

/// Where libarchive's write callback puts the archive's bytes.
private final class ByteSink {
    var bytes: [UInt8] = []
}
