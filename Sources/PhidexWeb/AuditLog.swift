// The lookup audit trail: one JSON line per lookup (who, from where, when, which type, how
// many values, how many hits and files, and the outcome), appended to a file only its owner
// may read. Never the values, never their keys.

import Foundation
import PhidexCore

/// An append-only JSON Lines file of lookups.
final class AuditLog: Sendable {
    struct Entry: Sendable {
        var user: String
        var remote: String
        var kind: String
        var type: String
        var values: Int
        var hits: Int
        var files: Int
        var outcome: String
    }

    let path: String
    private let descriptor: Int32
    private let lock = Locked(())

    init(path: String) throws(ConsoleError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw ConsoleError("cannot open the audit log \(path): \(String(cString: strerror(errno)))") }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & 0o077 != 0 {
            close(fd)
            throw ConsoleError("the audit log \(path) may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 it")
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Appends `entry`; a log that cannot be written is an error the lookup must not outlive.
    func record(_ entry: Entry) throws(ConsoleError) {
        var object = JSONObject()
        object.add("time", ISO8601DateFormatter().string(from: Date()))
        object.add("user", entry.user)
        object.add("remote", entry.remote)
        object.add("kind", entry.kind)
        object.add("type", entry.type)
        object.add("values", entry.values)
        object.add("hits", entry.hits)
        object.add("files", entry.files)
        object.add("outcome", entry.outcome)
        let bytes = Array((object.rendered + "\n").utf8)
        let written = lock.withLock { _ in bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } }
        guard written == bytes.count else { throw ConsoleError("cannot write the audit log \(path)") }
    }
}
