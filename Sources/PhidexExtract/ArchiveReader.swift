// One level of an archive, read forward member by member through libarchive,
// pulling its compressed bytes from whatever holds it: a file (seekable, so zip
// is read from its central directory) or the member of an outer archive
// (streaming). libarchive never sees a path and never writes anything.

import CArchive
#if canImport(Glibc)
import Glibc
#endif

/// Reads the members of one archive (or the one stream of a compressor). Owned by one task.
final class ArchiveReader {
    /// A member header: what the archive declares about it.
    struct Member {
        var name: String?
        var mtimeNanoseconds: Int64?
        var isRegularFile: Bool
        var isEncrypted: Bool
        /// The container lists this member but cannot hand out its bytes (a damaged directory of a
        /// disk image, a PST item that does not open): recorded `error` with this reason, and the
        /// walk goes on to the next member.
        var unreadable: String? = nil
        /// The member is raw bytes the container could not interpret (a volume without a file system
        /// Phidex reads): carved like any binary, and recorded `error` with this reason.
        var carved: String? = nil
        /// A deleted file of a disk image (read only with `--deleted`).
        var deleted = false
    }

    enum Next {
        case member(Member)
        case end
        /// The archive cannot be read further (corrupt, truncated, encrypted headers).
        case failure(String, encrypted: Bool)
    }

    private let handle: OpaquePointer
    private let upstream: Upstream
    /// What the content was recognized as.
    let format: ContainerFormat

    /// Member headers handed out so far, of any type.
    private(set) var headersRead = 0

    /// Bytes taken from the source so far (compressed input).
    var bytesConsumed: Int64 { upstream.consumed }
    /// Whether the content is a single compressed stream rather than a list of members.
    var isSingleStream: Bool { archive_format(handle) == ARCHIVE_FORMAT_RAW }

    /// Opens the archive whose bytes are `prefix` followed by the rest of `source`.
    /// - Parameters:
    ///   - seekable: the file `source` is, when it is one and `prefix` is empty: random access
    ///     lets libarchive read a zip's central directory and skip members without decoding them.
    ///   - format: what the content was recognized as; a compressor's stream may hold a tar or
    ///     cpio archive, or be one member itself (`notes.txt.gz`).
    init(
        format: ContainerFormat, source: any ByteSource, prefix: UnsafeRawBufferPointer, seekable: (any SeekableByteSource)?
    ) throws(ReadFailure) {
        guard let handle = archive_read_new() else { throw ReadFailure(reason: "libarchive: out of memory") }
        self.handle = handle
        self.format = format
        upstream = Upstream(source: source, prefix: prefix, file: prefix.isEmpty ? seekable : nil)
        archive_read_support_filter_all(handle)
        // Only the format the content was recognized as: other bidders read ahead (ISO 9660
        // wants 32 KiB), which turns a short truncated stream into a failure to open at all.
        switch format {
        case .zip: archive_read_support_format_zip(handle)
        case .tar:
            archive_read_support_format_tar(handle)
            archive_read_support_format_gnutar(handle)
        case .cpio: archive_read_support_format_cpio(handle)
        case .iso9660: archive_read_support_format_iso9660(handle)
        case .sevenZip: archive_read_support_format_7zip(handle)
        case .rar:
            archive_read_support_format_rar(handle)
            archive_read_support_format_rar5(handle)
        case .cab: archive_read_support_format_cab(handle)
        case .gzip, .bzip2, .xz, .zstd, .lz4, .lzip, .compress:
            // What a compressor usually wraps, else the stream itself as one member.
            archive_read_support_format_tar(handle)
            archive_read_support_format_gnutar(handle)
            archive_read_support_format_cpio(handle)
            archive_read_support_format_raw(handle)
        case .mail, .mbox, .sqlite, .disk, .pst, .access, .dbf:
            throw ReadFailure(reason: "not an archive: read by its own reader (ContainerOpener)")
        }
        let client = Unmanaged.passUnretained(upstream).toOpaque()
        archive_read_set_callback_data(handle, client)
        archive_read_set_read_callback(handle) { _, client, buffer in
            Unmanaged<Upstream>.fromOpaque(client!).takeUnretainedValue().next(buffer)
        }
        if upstream.file != nil {
            archive_read_set_seek_callback(handle) { _, client, offset, whence in
                Unmanaged<Upstream>.fromOpaque(client!).takeUnretainedValue().seek(offset, whence)
            }
            archive_read_set_skip_callback(handle) { _, client, request in
                Unmanaged<Upstream>.fromOpaque(client!).takeUnretainedValue().skip(request)
            }
        }
        // On failure `deinit` frees the handle: every stored property is set by now.
        guard archive_read_open1(handle) >= ARCHIVE_WARN else { throw ReadFailure(reason: errorMessage()) }
    }

    deinit { archive_read_free(handle) }

    /// The next member's header.
    func next() -> Next {
        var entry: OpaquePointer?
        var status = archive_read_next_header(handle, &entry)
        for _ in 0..<3 where status == ARCHIVE_RETRY { status = archive_read_next_header(handle, &entry) }
        if status == ARCHIVE_EOF { return .end }
        guard status >= ARCHIVE_WARN, let entry else {
            return .failure(errorMessage(), encrypted: archive_read_has_encrypted_entries(handle) > 0)
        }
        let name = archive_entry_pathname_utf8(entry).map { String(cString: $0) }
            ?? archive_entry_pathname(entry).map { String(cString: $0) }
        let mtime = archive_entry_mtime_is_set(entry) != 0
            ? Int64(archive_entry_mtime(entry)) * 1_000_000_000 + Int64(archive_entry_mtime_nsec(entry)) : nil
        let type = archive_entry_filetype(entry) & phidex_ae_ifmt()
        headersRead += 1
        return .member(Member(
            name: name, mtimeNanoseconds: mtime, isRegularFile: type == phidex_ae_ifreg() || type == 0,
            isEncrypted: archive_entry_is_encrypted(entry) != 0))
    }

    /// Decoded bytes of the current member into `buffer`; 0 at the member's end.
    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        guard buffer.count > 0 else { return 0 }
        if let pending = pendingFailure {
            pendingFailure = nil
            throw pending
        }
        // In pieces: when decoding fails (a member cut short), libarchive returns nothing of the call
        // that failed, so a piece is all that can be lost; the pieces before it are handed on and the
        // failure comes with the next read.
        var filled = 0
        while filled < buffer.count {
            let piece = min(buffer.count - filled, Self.piece)
            let count = archive_read_data(handle, buffer.baseAddress! + filled, piece)
            guard count >= 0 else {
                let failure = upstream.failure ?? ReadFailure(reason: errorMessage())
                guard filled > 0 else { throw failure }
                pendingFailure = failure
                return filled
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// The most decoded bytes asked of libarchive at once (see `readData`).
    static let piece = 64 << 10
    /// A decoding failure met after bytes that were handed on: thrown by the next read.
    private var pendingFailure: ReadFailure?

    private func errorMessage() -> String {
        if let failure = upstream.failure { return failure.reason }
        return archive_error_string(handle).map { String(cString: $0) } ?? "unreadable archive"
    }
}

/// Feeds libarchive: first the bytes already read to recognize the format, then the source.
private final class Upstream {
    let source: any ByteSource
    let file: (any SeekableByteSource)?
    private var pending: [UInt8]
    private var pendingOffset = 0
    private let buffer: UnsafeMutableRawBufferPointer
    var consumed: Int64 = 0
    var failure: ReadFailure?

    init(source: any ByteSource, prefix: UnsafeRawBufferPointer, file: (any SeekableByteSource)?) {
        self.source = source
        self.file = file
        pending = Array(prefix)
        buffer = .allocate(byteCount: 256 << 10, alignment: 64)
    }

    deinit { buffer.deallocate() }

    func next(_ out: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
        if pendingOffset < pending.count {
            let count = min(buffer.count, pending.count - pendingOffset)
            pending.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[pendingOffset..<pendingOffset + count])) }
            pendingOffset += count
            out?.pointee = UnsafeRawPointer(buffer.baseAddress)
            return la_ssize_t(count)
        }
        do {
            let count = try source.read(into: buffer)
            consumed += Int64(count)
            out?.pointee = UnsafeRawPointer(buffer.baseAddress)
            return la_ssize_t(count)
        } catch {
            failure = error
            return -1
        }
    }

    func seek(_ offset: la_int64_t, _ whence: Int32) -> la_int64_t {
        guard let file else { return la_int64_t(ARCHIVE_FATAL) }
        let position = file.seek(to: Int64(offset), whence: whence)
        return position < 0 ? la_int64_t(ARCHIVE_FATAL) : la_int64_t(position)
    }

    func skip(_ request: la_int64_t) -> la_int64_t {
        guard let file, request > 0 else { return 0 }
        let before = file.seek(to: 0, whence: SEEK_CUR)
        let after = file.seek(to: Int64(request), whence: SEEK_CUR)
        guard before >= 0, after >= 0 else { return 0 }
        return la_int64_t(after - before)
    }
}
