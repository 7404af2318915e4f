// `phidex serve` over HTTP, as a browser and as an attacker would use it: every route
// answers on the bundled corpus's index (SQLite, and a PostgreSQL copy) with the security
// headers; posts need the session's CSRF token and the same origin; lookups never echo a
// value, are audited without it, and are rate-limited; a bind beyond loopback needs a login
// and TLS; logins, tokens and sessions behave. The values looked up are the corpus's
// synthetic plants (Corpus/truth.jsonl).

import Foundation
import Testing

@Suite struct ConsoleTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The bundled corpus scanned into an index once for the suite (two runs: the second sees one more file).
    static let corpus: (tree: TestTree, index: String) = {
        let tree = try! TestTree("console")
        let share = tree.path("share")
        try! FileManager.default.copyItem(atPath: repository.appendingPathComponent("Corpus/share").path, toPath: share)
        let index = tree.root + ".db"
        let first = try! PhidexBinary.run(["scan", share, "--index", index, "-q"])
        precondition(first.status == 0, first.stderr)
        _ = try! tree.file("share/exports/late-addition.csv", "mrn,ssn,dob\n00442817,219-09-9999,1961-02-03\n")
        let second = try! PhidexBinary.run(["scan", share, "--index", index, "-q"])
        precondition(second.status == 0, second.stderr)
        return (tree, index)
    }()

    /// Synthetic SSNs planted in the corpus, as the truth manifest spells them.
    static let plantedSSNs: [String] = {
        let text = try! String(contentsOf: repository.appendingPathComponent("Corpus/truth.jsonl"), encoding: .utf8)
        var values: [String] = []
        for line in text.split(separator: "\n") where line.contains("\"kind\":\"plant\"") && line.contains("\"type\":\"ssn\"") && line.contains("\"container\":\"loose\"") {
            if let range = line.range(of: #""value":"[0-9-]+""#, options: .regularExpression) {
                values.append(String(line[range].dropFirst(9).dropLast()))
            }
        }
        return Array(Set(values)).sorted()
    }()

    static let csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// A console on the corpus index, with a fresh audit log.
    static func console(_ extra: [String] = [], index: String? = nil, keyFile: String? = nil) throws -> (ConsoleProcess, String) {
        let audit = corpus.tree.root + "-audit-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        var arguments = ["--index", index ?? corpus.index, "--audit-log", audit]
        if let keyFile { arguments += ["--key-file", keyFile] }
        return (try ConsoleProcess(arguments + extra), audit)
    }

    enum Engine: String, CaseIterable { case sqlite, postgres }

    @Test(arguments: Engine.allCases)
    func everyRouteAnswersWithTheSecurityHeaders(_ engine: Engine) throws {
        var index: String?
        var key: String?
        if engine == .postgres {
            guard TestPostgres.server != nil else { return }
            let target = try TestPostgres.database("console")
            let copy = try PhidexBinary.run(["index", "copy", "--index", Self.corpus.index, target])
            #expect(copy.status == 0, "\(copy.stderr)")
            index = target
            key = Self.corpus.index + ".key"
        }
        let (console, _) = try Self.console(index: index, keyFile: key)
        defer { console.stop() }
        let share = Self.corpus.tree.path("share")
        let home = try console.request("GET", "/")
        #expect(home.status == 200)
        #expect(home.body.contains("Run 2") && home.body.contains("people exposed") && home.body.contains("Findings by type"))
        #expect(home.body.contains("Trend across runs") && home.body.contains("<svg"), "two runs: a trend")
        let fileID = try #require(home.body.range(of: #"/file\?run=2&amp;id=\d+"#, options: .regularExpression).map { String(home.body[$0]).split(separator: "=").last.map(String.init) } ?? nil)
        let archive = try #require(try? console.request("GET", "/folders?run=2&path=" + share + "/backups/set-0001"))
        #expect(archive.status == 200)
        let archiveID = try #require(archive.body.range(of: #"id=(\d+)">[^<]*nightly\.tar<"#, options: .regularExpression).map { String(archive.body[$0]).dropFirst(3).prefix { $0.isNumber } })
        let routes: [(String, String)] = [
            ("/", "Riskiest folders"),
            ("/?run=1", "Run 1"),
            ("/folders", "The run&#39;s roots"),
            ("/folders?path=" + share, "Subfolders"),
            ("/folders?path=" + share + "/exports&sort=people", "Files in this folder"),
            ("/file?id=" + fileID, "Why it is risky"),
            ("/file?id=" + archiveID, "Archive members"),
            ("/runs", "Compare two runs"),
            ("/diff?from=1&to=2", "late-addition.csv"),
            ("/diff?from=1&to=2&kind=lost", "0 lost"),
            ("/unknown", "Encrypted or over a limit"),
            ("/lookup", "Identifier type"),
            ("/export/csv", "path,type,rule"),
            ("/export/jsonl", "\"record\":\"run\""),
            ("/export/sarif", "\"version\":\"2.1.0\""),
            ("/export/html", "Phidex report"),
            ("/export/csv?under=" + share + "/exports", "late-addition.csv"),
            ("/assets/console.css", "--critical"),
            ("/assets/console.js", "data-enhanced"),
        ]
        for (route, expected) in routes {
            let reply = try console.request("GET", route)
            #expect(reply.status == 200, "\(route): \(reply.status)")
            #expect(reply.body.contains(expected), "\(route) shows \(expected)")
            #expect(reply.header("content-security-policy") == Self.csp, "\(route)")
            #expect(reply.header("x-content-type-options") == "nosniff" && reply.header("x-frame-options") == "DENY", "\(route)")
            #expect(reply.header("referrer-policy") == "no-referrer", "\(route)")
            if !route.hasPrefix("/assets/") { #expect(reply.header("cache-control") == "no-store", "\(route)") }
            if reply.header("content-type")?.hasPrefix("text/html") == true {
                // No inline script (the one script is a file), nothing from elsewhere.
                #expect(!reply.body.contains("<script>"), "\(route)")
                #expect(reply.body.components(separatedBy: "<script").count <= 2, "\(route)")
                #expect(!reply.body.contains("src=\"http") && !reply.body.contains("href=\"http"), "\(route)")
                for value in Self.plantedSSNs.prefix(50) { #expect(!reply.body.contains(value), "\(route) shows a value") }
            }
        }
        #expect(try console.request("GET", "/file?id=999999999").status == 404)
        #expect(try console.request("GET", "/folders?path=/nowhere").status == 404)
        #expect(try console.request("GET", "/?run=77").status == 404)
        #expect(try console.request("GET", "/no-such-page").status == 404)
        #expect(try console.request("GET", "/export/xls").status == 404)
        let paged = try console.request("GET", "/file?id=" + fileID + "&page=1")
        #expect(paged.status == 200 && paged.body.contains("Previous page"), "findings are paginated")
        // The server's log names routes and statuses, never a query string or a path of the share.
        #expect(console.log.contains("GET /file 200"))
        #expect(!console.log.contains(share), "no share paths in the server log")
    }

    @Test func lookupsFindValuesWithoutEchoingThemAndAreAudited() throws {
        let (console, audit) = try Self.console()
        defer { console.stop() }
        let ssn = try #require(Self.plantedSSNs.first)
        let (session, csrf) = try console.lookupSession()
        let found = try console.postMultipart("/lookup", fields: [("csrf", csrf), ("type", "ssn"), ("value", ssn)], headers: session)
        #expect(found.status == 200)
        #expect(found.body.contains("<strong>Found</strong>"), "\(found.body.suffix(800))")
        let digits = ssn.filter(\.isNumber)
        for spelling in [ssn, digits, String(digits.suffix(4)) + "\"", digits.prefix(3) + "-" + digits.dropFirst(3).prefix(2)] {
            #expect(!found.body.contains(spelling), "the page shows \(spelling.count) characters of the value")
        }
        // A list: a CSV whose SSN column holds two planted values, a made-up one and a line that is no SSN.
        let csv = "name,ssn\n\"Doe, Jane\",\(Self.plantedSSNs[1])\nx,\(Self.plantedSSNs[2])\ny,219-09-9998\nz,not-a-number\n"
        let listed = try console.postMultipart(
            "/lookup", fields: [("csrf", csrf), ("type", "ssn"), ("column", "ssn")], files: [("file", "roster.csv", csv)], headers: session)
        #expect(listed.status == 200)
        #expect(listed.body.contains("2 of 3 listed values found"), "\(listed.body.suffix(1200))")
        #expect(listed.body.contains("Lines 5 are not a valid ssn"))
        #expect(listed.body.contains("#2") && listed.body.contains("#3"), "hits are labelled by line")
        for value in Self.plantedSSNs.prefix(3) { #expect(!listed.body.contains(value)) }
        let invalid = try console.post("/lookup", form: [("csrf", csrf), ("type", "ssn"), ("value", "12")], headers: session)
        #expect(invalid.status == 400 && invalid.body.contains("not a valid ssn"))
        // The audit log: who, type, counts, outcome; never a value. Mode 0600.
        let log = try String(contentsOfFile: audit, encoding: .utf8)
        let lines = log.split(separator: "\n")
        #expect(lines.count == 3, "\(log)")
        #expect(lines[0].contains("\"user\":\"local\"") && lines[0].contains("\"kind\":\"value\"") && lines[0].contains("\"type\":\"ssn\"") && lines[0].contains("\"values\":1"))
        #expect(lines[1].contains("\"kind\":\"list\"") && lines[1].contains("\"values\":4"))
        #expect(lines[2].contains("\"outcome\":\"refused:invalid\""))
        for value in Self.plantedSSNs.prefix(3) { #expect(!log.contains(value) && !log.contains(value.filter(\.isNumber))) }
        var info = stat()
        #expect(stat(audit, &info) == 0 && info.st_mode & 0o777 == 0o600)
        for value in Self.plantedSSNs.prefix(3) { #expect(!console.log.contains(value), "no value in the server log") }
    }

    @Test func postsNeedTheSessionsTokenAndTheSameOrigin() throws {
        let (console, _) = try Self.console()
        defer { console.stop() }
        let ssn = try #require(Self.plantedSSNs.first)
        let form = try console.request("GET", "/lookup")
        let (session, csrf) = try console.lookupSession()
        #expect(form.header("set-cookie")?.contains("HttpOnly") == true && form.header("set-cookie")?.contains("SameSite=Strict") == true)
        let fields = [("type", "ssn"), ("value", ssn)]
        #expect(try console.post("/lookup", form: fields, headers: session).status == 403, "no token")
        #expect(try console.post("/lookup", form: fields + [("csrf", String(repeating: "0", count: 64))], headers: session).status == 403, "a wrong token")
        #expect(try console.post("/lookup", form: fields + [("csrf", csrf)]).status == 403, "the token without its session")
        let other = try #require(try console.request("GET", "/lookup").sessionCookie)
        #expect(try console.post("/lookup", form: fields + [("csrf", csrf)], headers: [("Cookie", "phidex_session=\(other)")]).status == 403, "another session's token")
        #expect(try console.post("/lookup", form: fields + [("csrf", csrf)], headers: session + [("Origin", "http://attacker.example")]).status == 403)
        #expect(try console.post("/lookup", form: fields + [("csrf", csrf)], headers: session + [("Sec-Fetch-Site", "cross-site")]).status == 403)
        #expect(try console.post("/logout", form: [], headers: session).status == 403, "sign-out needs the token too")
        let fine = try console.post("/lookup", form: fields + [("csrf", csrf)], headers: session + [("Origin", console.base), ("Sec-Fetch-Site", "same-origin")])
        #expect(fine.status == 200 && fine.body.contains("<strong>Found</strong>"))
        #expect(try console.request("GET", "/lookup?type=ssn&value=" + ssn).body.contains("Result") == false, "a lookup never runs from a URL")
    }

    @Test func lookupsAreRateLimitedPerUser() throws {
        let (console, audit) = try Self.console(["--lookups-per-minute", "2", "--lookup-values-per-hour", "3"])
        defer { console.stop() }
        let ssn = try #require(Self.plantedSSNs.first)
        let (session, csrf) = try console.lookupSession()
        let list = Self.plantedSSNs.prefix(5).joined(separator: "\n")
        let tooMany = try console.post("/lookup", form: [("csrf", csrf), ("type", "ssn"), ("list", list)], headers: session)
        #expect(tooMany.status == 429 && tooMany.body.contains("more than the 3 an hour"), "a list over the hourly budget")
        #expect(try console.post("/lookup", form: [("csrf", csrf), ("type", "ssn"), ("value", ssn)], headers: session).status == 200)
        #expect(try console.post("/lookup", form: [("csrf", csrf), ("type", "ssn"), ("value", ssn)], headers: session).status == 200)
        let third = try console.post("/lookup", form: [("csrf", csrf), ("type", "ssn"), ("value", ssn)], headers: session)
        #expect(third.status == 429)
        #expect(Int(third.header("retry-after") ?? "") ?? 0 > 0)
        // The budget is the user's, not the session's: a new session does not reset it.
        let (fresh, freshToken) = try console.lookupSession()
        #expect(try console.post("/lookup", form: [("csrf", freshToken), ("type", "ssn"), ("value", ssn)], headers: fresh).status == 429)
        let log = try String(contentsOfFile: audit, encoding: .utf8)
        #expect(log.components(separatedBy: "refused:rate").count - 1 == 3, "\(log)")
    }

    @Test func aBindBeyondLoopbackNeedsALoginAndTLS() throws {
        let tree = try TestTree("console-bind")
        let token = try tree.file("token", String(repeating: "a1b2", count: 10) + "\n", mode: 0o600)
        let open = try tree.file("open-token", String(repeating: "a1b2", count: 10) + "\n", mode: 0o644)
        let short = try tree.file("short-token", "abc\n", mode: 0o600)
        let base = ["serve", "--index", Self.corpus.index, "--audit-log", tree.path("audit.jsonl"), "--port", "0", "--host", "0.0.0.0"]
        let bare = try PhidexBinary.run(base)
        #expect(bare.status == 2 && bare.stderr.contains("--token-file or --users-file"), "\(bare.stderr)")
        let clear = try PhidexBinary.run(base + ["--token-file", token])
        #expect(clear.status == 2 && clear.stderr.contains("--behind-tls-proxy"), "\(clear.stderr)")
        let readable = try PhidexBinary.run(base + ["--token-file", open, "--behind-tls-proxy"])
        #expect(readable.status == 2 && readable.stderr.contains("chmod 600"), "\(readable.stderr)")
        let weak = try PhidexBinary.run(base + ["--token-file", short, "--behind-tls-proxy"])
        #expect(weak.status == 2 && weak.stderr.contains("at least 32 characters"), "\(weak.stderr)")
        #expect(!weak.stderr.contains("abc"), "a secret is never quoted")
        let half = try PhidexBinary.run(base + ["--token-file", token, "--tls-certificate", tree.path("cert.pem")])
        #expect(half.status == 2 && half.stderr.contains("both --tls-certificate and --tls-key"))
        // With a token and a proxy's TLS, it starts on every address, and sends Secure cookies and HSTS.
        let console = try ConsoleProcess(["--index", Self.corpus.index, "--audit-log", tree.path("audit.jsonl"), "--host", "0.0.0.0", "--token-file", token, "--behind-tls-proxy"])
        defer { console.stop() }
        let login = try console.request("GET", "/login")
        #expect(login.status == 200 && login.header("set-cookie")?.contains("; Secure") == true)
        #expect(login.header("strict-transport-security") != nil)
        #expect(try console.request("GET", "/").status == 303, "no way in without the token")
    }

    @Test func signingInWithUsersOrATokenAndOut() throws {
        let tree = try TestTree("console-login")
        let hashed = try PhidexBinary.run(["serve", "--hash-password"], stdin: "correct horse battery staple\n")
        #expect(hashed.status == 0 && hashed.stdout.hasPrefix("$argon2id$"), "\(hashed.stderr)")
        #expect(!hashed.stdout.contains("horse"))
        let users = try tree.file("users", "# auditors\nauditor1:\(hashed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\n", mode: 0o600)
        let tokenValue = String(repeating: "9f8e", count: 12)
        let token = try tree.file("token", tokenValue + "\n", mode: 0o600)
        let console = try ConsoleProcess(["--index", Self.corpus.index, "--audit-log", tree.path("audit.jsonl"), "--users-file", users, "--token-file", token])
        defer { console.stop() }
        let home = try console.request("GET", "/")
        #expect(home.status == 303 && home.header("location") == "/login")
        #expect(try console.request("GET", "/export/csv").status == 303, "exports need a login too")
        #expect(try console.request("GET", "/assets/console.css").status == 200, "assets do not")
        let page = try console.request("GET", "/login")
        let pending = try #require(page.sessionCookie)
        let csrf = try #require(page.csrf)
        #expect(page.body.contains("autocomplete=\"current-password\""))
        let cookie = [("Cookie", "phidex_session=\(pending)")]
        #expect(try console.request("GET", "/", headers: cookie).status == 303, "a login page's session is not signed in")
        let wrong = try console.post("/login", form: [("csrf", csrf), ("user", "auditor1"), ("password", "wrong")], headers: cookie)
        #expect(wrong.status == 401 && !wrong.body.contains("wrong\""))
        let unknown = try console.post("/login", form: [("csrf", csrf), ("user", "nobody"), ("password", "x")], headers: cookie)
        #expect(unknown.status == 401)
        let right = try console.post("/login", form: [("csrf", csrf), ("user", "auditor1"), ("password", "correct horse battery staple")], headers: cookie)
        #expect(right.status == 303 && right.header("location") == "/")
        let signedIn = try #require(right.sessionCookie)
        #expect(signedIn != pending, "a new session id at sign-in")
        let session = [("Cookie", "phidex_session=\(signedIn)")]
        let dashboard = try console.request("GET", "/", headers: session)
        #expect(dashboard.status == 200 && dashboard.body.contains("signed in as auditor1") && dashboard.body.contains("Sign out"))
        #expect(try console.request("GET", "/", headers: cookie).status == 303, "the pre-login session is gone")
        // A bearer client: no cookie, no CSRF token, the same pages.
        #expect(try console.request("GET", "/runs", headers: [("Authorization", "Bearer \(tokenValue)")]).status == 200)
        #expect(try console.request("GET", "/runs", headers: [("Authorization", "Bearer nottherighttoken")]).status == 401)
        let csrfNow = try #require(dashboard.csrf)
        let out = try console.post("/logout", form: [("csrf", csrfNow)], headers: session)
        #expect(out.status == 303 && out.header("set-cookie")?.contains("Max-Age=0") == true)
        #expect(try console.request("GET", "/", headers: session).status == 303, "signed out")
        #expect(!console.log.contains("correct horse") && !console.log.contains(tokenValue))
        #expect(console.log.contains("auditor1 signed in"))
    }

    @Test func tlsWithTheGivenCertificate() throws {
        let openssl = "/usr/bin/openssl", curl = "/usr/bin/curl"
        try #require(FileManager.default.isExecutableFile(atPath: openssl) && FileManager.default.isExecutableFile(atPath: curl), "openssl and curl (scripts/bootstrap installs them)")
        let tree = try TestTree("console-tls")
        let key = tree.path("key.pem"), cert = tree.path("cert.pem")
        let made = try PhidexBinary.runTool(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1"])
        #expect(made.status == 0, "\(made.stderr)")
        let token = try tree.file("token", String(repeating: "5c4d", count: 10) + "\n", mode: 0o600)
        let console = try ConsoleProcess([
            "--index", Self.corpus.index, "--audit-log", tree.path("audit.jsonl"), "--host", "0.0.0.0", "--token-file", token,
            "--tls-certificate", cert, "--tls-key", key,
        ])
        defer { console.stop() }
        #expect(console.log.contains("https://0.0.0.0:"))
        let reply = try PhidexBinary.runTool(curl, ["-s", "-i", "--cacert", cert, "-H", "Authorization: Bearer \(String(repeating: "5c4d", count: 10))", "https://127.0.0.1:\(console.port)/runs"])
        #expect(reply.status == 0 && reply.stdout.contains("HTTP/1.1 200") && reply.stdout.contains("Strict-Transport-Security"), "\(reply.stderr)")
        let plain = try PhidexBinary.runTool(curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(console.port)/runs"])
        #expect(plain.stdout != "200", "no plain HTTP on a TLS console")
    }
}
