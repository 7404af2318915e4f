// Who may use the console: one bearer token, or users with Argon2id password hashes
// (libsodium's crypto_pwhash_str), each kept in a file only its owner may read. Secrets are
// compared in constant time and never logged, echoed or written anywhere else.

import CSodium
import Crypto
import Foundation

/// The console's credentials, loaded once at start.
struct Credentials: Sendable {
    /// SHA-256 of the token: compared, never kept in clear.
    private let tokenDigest: [UInt8]?
    /// User name to its password hash string.
    private let users: [String: String]

    var isEmpty: Bool { tokenDigest == nil && users.isEmpty }
    var hasUsers: Bool { !users.isEmpty }
    var hasToken: Bool { tokenDigest != nil }

    init(tokenFile: String?, usersFile: String?) throws(ConsoleError) {
        guard sodium_init() >= 0 else { throw ConsoleError("libsodium could not start") }
        if let tokenFile {
            let token = try Self.secretFile(tokenFile, what: "token file").trimmingCharacters(in: .whitespacesAndNewlines)
            guard token.count >= 32, !token.contains(where: \.isWhitespace) else {
                throw ConsoleError("the token in \(tokenFile) must be one line of at least 32 characters (openssl rand -hex 32)")
            }
            tokenDigest = Array(SHA256.hash(data: Data(token.utf8)))
        } else {
            tokenDigest = nil
        }
        var users: [String: String] = [:]
        if let usersFile {
            let text = try Self.secretFile(usersFile, what: "users file")
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let entry = line.trimmingCharacters(in: .whitespaces)
                if entry.isEmpty || entry.hasPrefix("#") { continue }
                guard let colon = entry.firstIndex(of: ":"), entry[entry.index(after: colon)...].hasPrefix("$argon2") else {
                    throw ConsoleError("\(usersFile) line \(number + 1) is not name:$argon2id$… (make one with phidex serve --hash-password)")
                }
                let name = String(entry[..<colon])
                guard Self.isValidName(name) else { throw ConsoleError("\(usersFile) line \(number + 1): a user name is letters, digits, . _ - only") }
                users[name] = String(entry[entry.index(after: colon)...])
            }
            guard !users.isEmpty else { throw ConsoleError("\(usersFile) names no user") }
        }
        self.users = users
    }

    /// Whether `given` is the token.
    func checkToken(_ given: String) -> Bool {
        guard let tokenDigest else { return false }
        let digest = Array(SHA256.hash(data: Data(given.utf8)))
        return digest.withUnsafeBytes { a in
            tokenDigest.withUnsafeBytes { b in sodium_memcmp(a.baseAddress, b.baseAddress, 32) == 0 }
        }
    }

    /// Whether `password` is `name`'s. Deliberately slow (Argon2id): call off the event loop.
    func checkUser(_ name: String, password: String) -> Bool {
        guard let hash = users[name] else {
            // The same work for an unknown name, so timing does not tell which names exist.
            _ = Self.dummyHash.withCString { crypto_pwhash_str_verify($0, password, UInt64(password.utf8.count)) }
            return false
        }
        return hash.withCString { crypto_pwhash_str_verify($0, password, UInt64(password.utf8.count)) } == 0
    }

    /// A password hash string for a users file (Argon2id, libsodium's interactive limits).
    static func hash(password: String) throws(ConsoleError) -> String {
        guard sodium_init() >= 0 else { throw ConsoleError("libsodium could not start") }
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let status = crypto_pwhash_str(
            &out, password, UInt64(password.utf8.count), UInt64(crypto_pwhash_opslimit_interactive()),
            crypto_pwhash_memlimit_interactive())
        guard status == 0 else { throw ConsoleError("cannot hash the password (out of memory?)") }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) }
    }

    /// A hash no password matches, verified for unknown names (an empty one if hashing failed,
    /// which only costs the timing equality).
    private static let dummyHash: String = {
        do { return try hash(password: "phidex-timing-equaliser") } catch { return "" }
    }()

    /// A secret file's text: it must exist and be readable by its owner only.
    private static func secretFile(_ path: String, what: String) throws(ConsoleError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw ConsoleError("cannot read the \(what) \(path): \(String(cString: strerror(errno)))") }
        guard info.st_mode & 0o077 == 0 else {
            throw ConsoleError("the \(what) \(path) may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 it")
        }
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConsoleError("cannot read the \(what) \(path) as text")
        }
    }
}
