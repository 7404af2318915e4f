// Reading one regular file as a stream of bytes.
//
// The file is opened without following a symlink (unless the crawl follows
// them), without becoming a controlling terminal, and without blocking on a
// FIFO that replaced a file after the crawl saw it; it must still be a regular
// file once open. O_NOATIME is tried first, so a scan does not disturb the
// access times an investigator may rely on; the kernel allows it only to the
// file's owner (or root), and the open is retried without it otherwise.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import PhidexCore

/// Why a file could not be read, in words for reports. Never contains file content.
public struct ReadFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var errno: Int32?
    /// The content needs a password (a protected PDF): recorded as `encrypted`, not as an error.
    public var encrypted: Bool
    public init(reason: String, errno: Int32? = nil, encrypted: Bool = false) {
        self.reason = reason
        self.errno = errno
        self.encrypted = encrypted
    }
    public var description: String { reason }
}

/// An open regular file, read front to back into caller-owned buffers; closed when released.
/// Owned by one task; not shared.
public final class FileSource: SeekableByteSource {
    private let descriptor: Int32
    /// The file's metadata as of opening (it may differ from what the crawl saw).
    public let entry: FileEntry

    /// Opens `entry` for reading. `followSymlinks` allows the final component to be a link.
    public init(opening entry: FileEntry, followSymlinks: Bool = false) throws(ReadFailure) {
        var flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK
        if !followSymlinks { flags |= O_NOFOLLOW }
        #if canImport(Glibc)
        var fd = entry.withCString { open($0, flags | Self.noAccessTime) }
        if fd < 0 && errno == EPERM { fd = entry.withCString { open($0, flags) } }
        #else
        let fd = entry.withCString { open($0, flags) }
        #endif
        guard fd >= 0 else {
            let code = errno
            throw ReadFailure(reason: code == ELOOP ? "is a symbolic link (not followed)" : describeErrno(code), errno: code)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw ReadFailure(reason: describeErrno(code), errno: code)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ReadFailure(reason: "no longer a regular file")
        }
        #if canImport(Glibc)
        // A larger read-ahead pays off for large files only; a small file is one read either way.
        if st.st_size >= Self.sequentialHint { _ = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL) }
        #endif
        var current = FileEntry(osPath: entry.osPath, stat: st)
        current.path = entry.path
        self.descriptor = fd
        self.entry = current
    }

    /// Fills as much of `buffer` as the file has left; returns the byte count (0 at the end).
    /// Short reads are retried so that a full buffer means "not at the end yet".
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if let pending = pendingFailure {
            pendingFailure = nil
            throw pending
        }
        // The end, once seen, is not asked for again: every reader above this one reads until it
        // gets 0, several of them in turn (format sniffing, the content stream, the scanner).
        if atEnd { return 0 }
        var filled = 0
        while filled < buffer.count {
            let n = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n > 0 {
                filled += n
            } else if n == 0 {
                atEnd = true
                break
            } else if errno == EINTR || errno == EAGAIN {
                continue
            } else {
                let code = errno
                let failure = ReadFailure(reason: "read failed at byte \(offset + Int64(filled)): \(describeErrno(code))", errno: code)
                // What was read before the failure is handed on; the failure comes with the next read.
                guard filled > 0 else { throw failure }
                pendingFailure = failure
                offset += Int64(filled)
                return filled
            }
        }
        offset += Int64(filled)
        return filled
    }

    /// Bytes read so far (for a failure's reason), and a failure met after bytes that were handed on.
    private var offset: Int64 = 0
    private var pendingFailure: ReadFailure?
    /// A read returned 0 since the last seek.
    private var atEnd = false

    /// Files from this size on are read with POSIX_FADV_SEQUENTIAL (twice the read-ahead).
    static let sequentialHint: off_t = 1 << 20

    /// Moves the read position (`lseek`); returns the new offset, or -1 on failure.
    public func seek(to offset: Int64, whence: Int32) -> Int64 {
        let position = Int64(lseek(descriptor, off_t(offset), whence))
        if position >= 0 {
            self.offset = position
            atEnd = false
        }
        return position
    }

    /// A second descriptor for the same open file (for a library that closes what it is given).
    func duplicateDescriptor() -> Int32? {
        let copy = dup(descriptor)
        return copy >= 0 ? copy : nil
    }

    deinit { close(descriptor) }

    /// Linux's O_NOATIME (Glibc exports it only under _GNU_SOURCE); the same value on x86-64 and arm64.
    private static let noAccessTime: Int32 = 0o1_000_000
}
