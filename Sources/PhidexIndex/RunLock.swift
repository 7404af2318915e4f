// How a writer tells a live run from a dead one. Each scan holds a lock on one
// byte of the index file for as long as its run is `running`: an open file
// description lock (F_OFD_SETLK), which the kernel drops when the process dies
// however it dies, and which closing SQLite's own descriptors of the file does not
// drop (POSIX record locks would be). The bytes are far past SQLite's lock bytes
// (at 1 GiB) and past any index's end: locks beyond a file's end are allowed and
// nothing is written there.

#if canImport(Glibc)
import Glibc
#endif

/// The lock a live writer holds on its run.
final class RunLock {
    /// Where run n's byte is: base + n.
    static let base: Int64 = 1 << 44
    private static let getLock: Int32 = 36  // F_OFD_GETLK (Linux 3.15)
    private static let setLock: Int32 = 37  // F_OFD_SETLK

    private let descriptor: Int32

    /// Takes run `run`'s lock on the index at `path`; nil when the file system keeps no such locks.
    init?(index path: String, run: Int64) {
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var lock = Self.region(run, type: F_WRLCK)
        guard fcntl(fd, Self.setLock, &lock) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Whether a live process holds run `run`'s lock; nil when it cannot be told (no such locks here).
    static func isHeld(index path: String, run: Int64) -> Bool? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = region(run, type: F_RDLCK)
        guard fcntl(fd, getLock, &lock) == 0 else { return nil }
        return lock.l_type != Int16(F_UNLCK)
    }

    private static func region(_ run: Int64, type: Int32) -> flock {
        var lock = flock()
        lock.l_type = Int16(type)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = off_t(base + run)
        lock.l_len = 1
        lock.l_pid = 0  // required by OFD locks
        return lock
    }
}
