// Where an index and its key live, and how the key file is created and read.

import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why an index could not be opened or written; messages are for people and never hold values.
public struct IndexError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The index file and its key file (`INDEX.key` unless given).
public struct IndexLocation: Sendable {
    public var path: String
    public var keyPath: String

    /// `path` is a SQLite file, or a PostgreSQL connection string (`PostgresIndex.names`), whose
    /// key is never beside it: without `keyPath`, such an index has none (reports work, lookups do not).
    public init(path: String, keyPath: String? = nil) {
        self.path = path
        self.keyPath = keyPath ?? (PostgresIndex.names(path) ? "" : path + ".key")
    }

    public var exists: Bool { access(path, F_OK) == 0 }

    /// Reads the 32-byte key.
    func loadKey() throws(IndexError) -> SymmetricKey {
        guard !keyPath.isEmpty else {
            throw IndexError("the index \(path) keeps no key beside it: name its key file with --key-file (the file every scanner host uses)")
        }
        let fd = open(keyPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw IndexError("cannot read the index key \(keyPath): \(String(cString: strerror(errno))). "
                + "Without the key the index can still be reported, but values cannot be looked up.")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 33)
        let count = read(fd, &bytes, 33)
        guard count == 32 else { throw IndexError("the index key \(keyPath) is not a 32-byte key") }
        return SymmetricKey(data: bytes.prefix(32))
    }

    /// Creates a new random key file with mode 0600; fails if one exists (never overwrites a key).
    func createKey() throws(IndexError) -> SymmetricKey {
        let key = ValueKeyer.generateKey()
        let fd = open(keyPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw IndexError("cannot create the index key \(keyPath): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == 32, fsync(fd) == 0 else {
            throw IndexError("cannot write the index key \(keyPath): \(String(cString: strerror(errno)))")
        }
        return key
    }

    /// Creates the (empty) index file with mode 0600 so SQLite, its WAL and shared-memory
    /// files are never readable by others, whatever the umask.
    func createPrivateFile() throws(IndexError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw IndexError("cannot create the index \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
    }
}
