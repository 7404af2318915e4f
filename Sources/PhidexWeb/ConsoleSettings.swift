// How `phidex serve` listens and whom it lets in, and the rules that make it safe by
// default: loopback unless told, and any other address only with authentication and TLS
// (its own, or a reverse proxy's the administrator vouches for).

import Foundation

/// A console that cannot start, and why (never quoting a secret).
public struct ConsoleError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What the console listens on and how it guards itself.
public struct ConsoleSettings: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (the server says which).
    public var port = 8080
    /// A file holding one bearer token (at least 32 characters), mode 0600.
    public var tokenFile: String?
    /// A file of `name:$argon2id$…` lines (`phidex serve --hash-password`), mode 0600.
    public var usersFile: String?
    public var certificate: String?
    public var privateKey: String?
    /// The administrator's word that a reverse proxy in front terminates TLS.
    public var behindTLSProxy = false
    /// Where every lookup is recorded (JSON Lines, mode 0600): who, when, type, counts, never values.
    public var auditLog: String
    /// Values a user may look up per hour (a list of 500 counts 500), and lookups per minute.
    public var lookupValuesPerHour = 2000
    public var lookupsPerMinute = 30
    /// Rows per page.
    public var pageSize = 50
    /// A session's life after its last request, and at most, in seconds.
    public var sessionIdle: Double = 30 * 60
    public var sessionLifetime: Double = 12 * 3600

    public init(auditLog: String) { self.auditLog = auditLog }

    /// Whether `host` is a loopback address (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if name == "localhost" || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// Whether the console speaks TLS itself.
    public var servesTLS: Bool { certificate != nil }

    /// Whether browsers reach it over TLS (its own or the proxy's): cookies are then `Secure`.
    public var reachedOverTLS: Bool { servesTLS || behindTLSProxy }

    public var requiresLogin: Bool { tokenFile != nil || usersFile != nil }

    /// The safety rules, checked before anything listens.
    public func validate() throws(ConsoleError) {
        guard (0...65535).contains(port) else { throw ConsoleError("--port must be between 0 and 65535") }
        if (certificate == nil) != (privateKey == nil) {
            throw ConsoleError("give both --tls-certificate and --tls-key, or neither")
        }
        if servesTLS && behindTLSProxy {
            throw ConsoleError("--behind-tls-proxy and --tls-certificate exclude each other: say who terminates TLS")
        }
        if !isLoopback {
            guard requiresLogin else {
                throw ConsoleError(
                    "binding \(host) exposes the index beyond this machine: give --token-file or --users-file so only auditors get in")
            }
            guard reachedOverTLS else {
                throw ConsoleError(
                    "binding \(host) would send sessions in clear: give --tls-certificate and --tls-key, or --behind-tls-proxy when a reverse proxy terminates TLS")
            }
        }
        guard lookupValuesPerHour > 0, lookupsPerMinute > 0 else { throw ConsoleError("lookup limits must be positive") }
        guard (1...1000).contains(pageSize) else { throw ConsoleError("--page-size must be between 1 and 1000") }
    }
}
