// A container member copied out to a private temporary file, for the formats
// whose libraries read files by path (disk images through The Sleuth Kit,
// Outlook stores through libpff): a VHD inside a backup zip, a PST attached to a
// mail. The copy sits in a folder of its own (mode 0700) under $TMPDIR, named
// after the member (a VMDK's embedded descriptor names its extent by that name),
// mode 0600, and is removed as soon as the member has been walked. A scan killed
// meanwhile leaves it behind: the next spool removes folders whose process is gone.
// The copy holds what the member holds, PHI included: `--max-spool-size` bounds it.

import PhidexCore
#if canImport(Glibc)
import Glibc
#endif

/// A member's bytes in a temporary file, removed when released. Owned by one task.
final class SpooledFile {
    /// The copy's path, for a library that opens it.
    let path: [UInt8]
    let size: Int64
    private let folder: [UInt8]

    /// Copies `prefix`, then the rest of `source`, into a new temporary file named `name`; fails past `limit` bytes.
    init(copying prefix: UnsafeRawBufferPointer, then source: any ByteSource, name: String, limit: Int64, in base: String? = nil) throws(ReadFailure) {
        Self.sweepOnce
        var template = Array("\(base ?? Self.temporaryFolder)/phidex-spool-\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw ReadFailure(reason: "no temporary folder for a copy: \(describeErrno(errno))", errno: errno) }
        folder = Array(String(cString: made).utf8)
        let safe = name.split(separator: "/").last.map { String($0) }.flatMap { $0.isEmpty || $0 == "." || $0 == ".." ? nil : $0 } ?? "member"
        path = folder + Array("/\(safe)".utf8)
        let descriptor = (path + [0]).withUnsafeBufferPointer {
            $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600) }
        }
        guard descriptor >= 0 else {
            let code = errno
            _ = (folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rmdir($0.baseAddress!) } }
            throw ReadFailure(reason: "no temporary file for a copy: \(describeErrno(code))", errno: code)
        }
        var written: Int64 = 0
        var failure: ReadFailure?
        func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = ReadFailure(reason: "copying it to a temporary file: \(describeErrno(errno))", errno: errno)
                    return false
                }
                offset += n
            }
            written += Int64(bytes.count)
            return true
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        if write(prefix) {
            while failure == nil {
                let count: Int
                do { count = try source.read(into: chunk) } catch { failure = error; break }
                if count == 0 { break }
                if written + Int64(count) > limit {
                    failure = ReadFailure(reason: "over \(limit >> 20) MiB inside another container: not copied out to be read (--max-spool-size)")
                    break
                }
                if !write(UnsafeRawBufferPointer(rebasing: chunk[..<count])) { break }
            }
        }
        close(descriptor)
        size = written
        if let failure {
            Self.remove(path, folder)
            throw failure
        }
    }

    deinit { Self.remove(path, folder) }

    /// The copy read front to back (to carve it when its format's library cannot read it).
    func reader() throws(ReadFailure) -> any ByteSource {
        let descriptor = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC) } }
        guard descriptor >= 0 else { throw ReadFailure(reason: "reading its temporary copy: \(describeErrno(errno))", errno: errno) }
        return DescriptorSource(descriptor)
    }

    private static func remove(_ path: [UInt8], _ folder: [UInt8]) {
        _ = (path + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { unlink($0.baseAddress!) } }
        _ = (folder + [0]).withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { rmdir($0.baseAddress!) } }
    }

    /// Where temporary files go: `$TMPDIR`, else /tmp.
    static var temporaryFolder: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Removes, once per process, spool folders left by processes that are gone (a killed scan):
    /// only real folders (never a link), owned by this user, mode 0700, and only the files in them,
    /// through descriptors (another user cannot redirect the removal with a link).
    private static let sweepOnce: Void = {
        let base = temporaryFolder
        guard let directory = opendir(base) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = String(decoding: directoryEntryName(entry), as: UTF8.self)
            let parts = name.split(separator: "-")
            guard name.hasPrefix("phidex-spool-"), parts.count == 4, let pid = Int32(parts[2]), pid != getpid(),
                kill(pid, 0) != 0 && errno == ESRCH
            else { continue }
            let folder = base + "/" + name
            let fd = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid(), info.st_mode & 0o777 == 0o700,
                let inner = fdopendir(fd)
            else {
                close(fd)
                continue
            }
            while let file = readdir(inner) {
                let child = String(decoding: directoryEntryName(file), as: UTF8.self)
                if child != "." && child != ".." { unlinkat(dirfd(inner), child, 0) }
            }
            closedir(inner)
            rmdir(folder)
        }
    }()
}

/// An open descriptor read front to back; closed when released.
private final class DescriptorSource: ByteSource {
    private let descriptor: Int32
    init(_ descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno != EINTR { throw ReadFailure(reason: "reading its temporary copy: \(describeErrno(errno))", errno: errno) }
        }
    }
}
