// What the console knows about one request beyond the request itself: the peer's address,
// the session it came with (or was given), and whether it authenticated by bearer token.

import Hummingbird
import NIOCore

struct ConsoleContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// The browser's session, when it has a live one (or was just given one).
    var session: Session?
    /// Authenticated with `Authorization: Bearer`: no cookie, so no CSRF to check.
    var bearer = false
    /// A session cookie to set on the response (a new session, or a cleared one).
    var setCookie: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// A CSV of a few thousand values fits; nothing the console accepts is larger.
    var maxUploadSize: Int { 8 * 1024 * 1024 }

    /// Who is asking: the signed-in user, "token" for a bearer client, "local" on loopback without login.
    var user: String { bearer ? "token" : session?.user ?? "anonymous" }

    var peer: String { remoteAddress?.ipAddress ?? "unknown" }
}
