// Compiled pattern databases kept between runs. Compiling the catalogue's
// patterns costs about 0.15 s of CPU on every start, which a nightly re-scan of
// an unchanged share (a walk and a lookup) or a scan of a few files pays in full;
// Vectorscan can serialize a compiled database and load it back in about a
// millisecond. A database is stored under the SHA-256 of everything that shaped
// it (Vectorscan's version, each expression and its flags, the mode), and the
// file starts with that digest, so a stale, foreign or damaged file is never
// used: it is compiled again and replaced. Vectorscan itself refuses a database
// built for another platform or version.
//
// The cache is an optimisation only: when its folder cannot be created or
// written (a read-only home, a locked-down service account) the patterns are
// compiled as before and nothing else changes.

import CVectorscan
import Crypto
import Foundation

/// Where compiled pattern databases are kept: `$XDG_CACHE_HOME/phidex` or `~/.cache/phidex`.
struct PatternCache: Sendable {
    let folder: String?

    /// The user's cache folder, or none when neither `XDG_CACHE_HOME` nor `HOME` is set.
    static let user: PatternCache = {
        let environment = ProcessInfo.processInfo.environment
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") { return PatternCache(folder: base + "/phidex") }
        if let home = environment["HOME"], home.hasPrefix("/") { return PatternCache(folder: home + "/.cache/phidex") }
        return PatternCache(folder: nil)
    }()

    /// The digest naming a database compiled from these inputs.
    static func digest(expressions: [String], flags: [UInt32], mode: UInt32) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: Array(String(cString: hs_version()).utf8) + [0])
        hasher.update(data: Array("mode \(mode)".utf8) + [0])
        for (expression, flag) in zip(expressions, flags) {
            hasher.update(data: Array("\(flag) \(expression.utf8.count) ".utf8))
            hasher.update(data: Array(expression.utf8))
        }
        return Array(hasher.finalize())
    }

    private func path(for digest: [UInt8]) -> String? {
        folder.map { $0 + "/patterns-" + digest.prefix(12).map { String($0, radix: 16).leftPadded }.joined() + ".hsdb" }
    }

    /// The database stored for `digest`, when there is one that Vectorscan accepts.
    func load(_ digest: [UInt8]) -> OpaquePointer? {
        guard let path = path(for: digest), let data = FileManager.default.contents(atPath: path),
            data.count > digest.count, Array(data.prefix(digest.count)) == digest
        else { return nil }
        var database: OpaquePointer?
        let status = data.withUnsafeBytes { bytes in
            let body = UnsafeRawBufferPointer(rebasing: bytes[digest.count...])
            return hs_deserialize_database(body.baseAddress!.assumingMemoryBound(to: CChar.self), body.count, &database)
        }
        return status == HS_SUCCESS ? database : nil
    }

    /// Stores `database` for `digest` (written to a temporary name, then renamed into place, so
    /// two scans starting at once never read half a file). Returns whether it was stored.
    @discardableResult
    func store(_ database: OpaquePointer, for digest: [UInt8]) -> Bool {
        guard let folder, let path = path(for: digest) else { return false }
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        guard hs_serialize_database(database, &bytes, &length) == HS_SUCCESS, let bytes else { return false }
        defer { free(bytes) }
        var data = Data(digest)
        data.append(UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self), count: length)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = path + ".\(getpid()).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return false }
            guard rename(temporary, path) == 0 else {
                unlink(temporary)
                return false
            }
            return true
        } catch {
            return false
        }
    }
}

extension String {
    fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
