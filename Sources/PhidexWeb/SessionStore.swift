// Console sessions: a random id in an HttpOnly, SameSite=Strict cookie, the user it belongs
// to, and the CSRF token every form of the session carries. Kept in memory: a restart signs
// everyone out, which is what an auditor's console should do.

import CSodium
import Foundation
import PhidexCore

/// One signed-in browser (or, on loopback without login, any local browser).
struct Session: Sendable, Equatable {
    var id: String
    /// Nil until the browser signs in (a login form's session).
    var user: String?
    var csrf: String
    var created: Double
    var lastSeen: Double
}

/// The live sessions.
final class SessionStore: Sendable {
    private let sessions = Locked<[String: Session]>([:])
    let idle: Double
    let lifetime: Double
    /// Live sessions kept at most.
    static let capacity = 10_000

    init(idle: Double, lifetime: Double) {
        self.idle = idle
        self.lifetime = lifetime
    }

    /// A new session, for `user` (nil: not signed in yet).
    func create(user: String?) -> Session {
        let now = Date().timeIntervalSince1970
        let session = Session(id: Self.randomToken(), user: user, csrf: Self.randomToken(), created: now, lastSeen: now)
        sessions.withLock { all in
            all = all.filter { now - $0.value.lastSeen < idle && now - $0.value.created < lifetime }
            // A flood of cookieless requests must not grow the table without end: the least
            // recently seen sessions go first.
            if all.count >= Self.capacity {
                for stale in all.values.sorted(by: { $0.lastSeen < $1.lastSeen }).prefix(all.count - Self.capacity + 1) { all[stale.id] = nil }
            }
            all[session.id] = session
        }
        return session
    }

    /// The live session `id`, touched; nil when unknown or expired.
    func session(_ id: String) -> Session? {
        let now = Date().timeIntervalSince1970
        return sessions.withLock { all in
            guard var session = all[id] else { return nil }
            guard now - session.lastSeen < idle, now - session.created < lifetime else {
                all[id] = nil
                return nil
            }
            session.lastSeen = now
            all[id] = session
            return session
        }
    }

    /// Ends `id`.
    func remove(_ id: String) { sessions.withLock { $0[id] = nil } }

    /// Whether `given` is the session's CSRF token (constant time).
    static func csrfMatches(_ session: Session, _ given: String) -> Bool {
        let a = Array(session.csrf.utf8), b = Array(given.utf8)
        guard a.count == b.count else { return false }
        return sodium_memcmp(a, b, a.count) == 0
    }

    /// 32 random bytes from libsodium, as hex.
    static func randomToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        randombytes_buf(&bytes, bytes.count)
        return bytes.map { String(format: "%02x", $0) }.joined()
    }
}
