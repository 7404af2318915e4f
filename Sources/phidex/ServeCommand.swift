// `phidex serve`: the auditor's console in a browser, over an index.

import ArgumentParser
import Foundation
import Logging
import PhidexCore
import PhidexWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the auditor's console: dashboard, folders, files, runs, lookups.",
        discussion: """
            Listens on 127.0.0.1 unless told otherwise. Any other address needs a login \
            (--token-file or --users-file, files of mode 0600) and TLS: --tls-certificate with \
            --tls-key, or --behind-tls-proxy when a reverse proxy terminates TLS.

            Lookups are rate-limited per user and written to the audit log (who, when, the type \
            and how many values; never the values). The index is opened read-only.

            Users files hold name:hash lines; make a hash with `phidex serve --hash-password` \
            (reads the password from standard input).
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("The port (0: any free one, printed at start).", valueName: "port"))
    var port = 8080

    @Option(name: .customLong("token-file"), help: ArgumentHelp("A file (mode 0600) holding the access token, one line of 32 or more characters.", valueName: "path"))
    var tokenFile: String?

    @Option(name: .customLong("users-file"), help: ArgumentHelp("A file (mode 0600) of name:$argon2id$… lines.", valueName: "path"))
    var usersFile: String?

    @Option(name: .customLong("tls-certificate"), help: ArgumentHelp("The TLS certificate chain, PEM.", valueName: "path"))
    var certificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The TLS private key, PEM.", valueName: "path"))
    var privateKey: String?

    @Flag(name: .customLong("behind-tls-proxy"), help: "A reverse proxy in front terminates TLS (cookies are marked Secure).")
    var behindTLSProxy = false

    @Option(name: .customLong("audit-log"), help: ArgumentHelp("The lookup audit log, JSON Lines (default: the index path + .audit.jsonl; required for a PostgreSQL index).", valueName: "path"))
    var auditLog: String?

    @Option(name: .customLong("lookup-values-per-hour"), help: ArgumentHelp("Values one user may look up per hour.", valueName: "n"))
    var lookupValuesPerHour = 2000

    @Option(name: .customLong("lookups-per-minute"), help: ArgumentHelp("Lookups one user may make per minute.", valueName: "n"))
    var lookupsPerMinute = 30

    @Option(name: .customLong("page-size"), help: ArgumentHelp("Rows per page.", valueName: "n"))
    var pageSize = 50

    @Flag(name: .customLong("hash-password"), help: "Read a password from standard input, print its hash for a users file, and exit.")
    var hashPassword = false

    func run() async throws {
        if hashPassword {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw Failure("give the password on standard input") }
            do { print(try ConsoleServer.hashPassword(line)) } catch { throw Failure(error.message) }
            return
        }
        let location = indexOptions.location
        guard let audit = auditLog ?? (indexOptions.isPostgres ? nil : location.path + ".audit.jsonl") else {
            throw Failure("give --audit-log: a PostgreSQL index has no folder to keep it beside")
        }
        var settings = ConsoleSettings(auditLog: LogicalPath.absolute(audit, currentDirectory: FileManager.default.currentDirectoryPath))
        settings.host = host
        settings.port = port
        settings.tokenFile = tokenFile
        settings.usersFile = usersFile
        settings.certificate = certificate
        settings.privateKey = privateKey
        settings.behindTLSProxy = behindTLSProxy
        settings.lookupValuesPerHour = lookupValuesPerHour
        settings.lookupsPerMinute = lookupsPerMinute
        settings.pageSize = pageSize
        var logger = Logger(label: "phidex.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        let server: ConsoleServer
        do { server = try ConsoleServer(settings: settings, location: location, logger: logger) } catch { throw Failure(error.message) }
        let scheme = settings.servesTLS ? "https" : "http"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            Terminal.note("phidex serve: \(scheme)://\(shownHost):\(port)/ (index \(indexOptions.index)); Ctrl-C stops")
        }
    }
}
