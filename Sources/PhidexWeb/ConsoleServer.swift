// `phidex serve`: the auditor's console over an index, SQLite or PostgreSQL. Checks the
// safety rules, opens the index read-only, starts Hummingbird on the address given (TLS
// through swift-nio-ssl when a certificate is given) and runs until SIGINT or SIGTERM.

import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
public import Logging
import NIOCore
import NIOSSL
public import PhidexIndex

/// The web console for one index.
public struct ConsoleServer: Sendable {
    let settings: ConsoleSettings
    let routes: ConsoleRoutes
    let logger: Logger

    /// Checks `settings`, loads the credentials, opens the index and the audit log: every
    /// reason the console cannot start is an error here, before it listens.
    public init(settings: ConsoleSettings, location: IndexLocation, logger: Logger) throws(ConsoleError) {
        try settings.validate()
        let credentials = try Credentials(tokenFile: settings.tokenFile, usersFile: settings.usersFile)
        let index: IndexService
        do { index = try IndexService(location: location) } catch { throw ConsoleError(error.message) }
        let sessions = SessionStore(idle: settings.sessionIdle, lifetime: settings.sessionLifetime)
        let gate = ConsoleGate(settings: settings, credentials: credentials, sessions: sessions, logger: logger)
        routes = ConsoleRoutes(
            settings: settings, index: index, credentials: credentials, sessions: sessions,
            lookups: LookupLimiter(valuesPerHour: settings.lookupValuesPerHour, requestsPerMinute: settings.lookupsPerMinute),
            logins: LookupLimiter(valuesPerHour: 600, requestsPerMinute: 10), audit: try AuditLog(path: settings.auditLog), gate: gate)
        self.settings = settings
        self.logger = logger
    }

    /// A password hash line for a users file.
    public static func hashPassword(_ password: String) throws(ConsoleError) -> String { try Credentials.hash(password: password) }

    /// Serves until SIGINT or SIGTERM; `listening` is told the port once the socket is bound.
    public func run(listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let router = Router(context: ConsoleContext.self)
        router.add(middleware: routes.gate)
        routes.register(on: router)
        let server: HTTPServerBuilder
        if let certificate = settings.certificate, let key = settings.privateKey {
            let chain: [NIOSSLCertificate]
            let privateKey: NIOSSLPrivateKey
            do {
                chain = try NIOSSLCertificate.fromPEMFile(certificate)
                privateKey = try NIOSSLPrivateKey(file: key, format: .pem)
            } catch {
                throw ConsoleError("cannot load the TLS certificate or key: \(error)")
            }
            var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
            tls.minimumTLSVersion = .tlsv12
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        routes.index.warm(runs: 12, logger: logger)
        let app = Application(
            router: router, server: server,
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port), serverName: "phidex"),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? 0) }, logger: logger)
        defer { routes.index.shutdown() }
        try await app.runService()
    }
}
