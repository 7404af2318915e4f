// The console's pages, each a route: read the request's parameters, ask the index (on the
// query threads), render. Values posted for a lookup live only inside its handler.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexReport

struct ConsoleRoutes: Sendable {
    let settings: ConsoleSettings
    let index: IndexService
    let credentials: Credentials
    let sessions: SessionStore
    let lookups: LookupLimiter
    let logins: LookupLimiter
    let audit: AuditLog
    let gate: ConsoleGate

    /// Exports larger than this many findings are refused with advice to use `phidex report`.
    static let exportLimit = 1_000_000

    /// The identifier types a lookup may name.
    static let lookupTypes: [IdentifierType] = {
        let preferred: [IdentifierType] = [.ssn, .mrn, .mbi, .hicn, .memberID, .dob, .name, .npi, .dea]
        let all = Set(RuleCatalogue.builtIn.rules.map(\.type))
        return preferred.filter(all.contains) + all.subtracting(preferred).sorted()
    }()

    func register(on router: Router<ConsoleContext>) {
        router.get("/assets/console.css") { _, _ in Self.asset(PackageResources.console_css, type: "text/css; charset=utf-8") }
        router.get("/assets/console.js") { _, _ in Self.asset(PackageResources.console_js, type: "text/javascript; charset=utf-8") }
        router.get("/") { request, context in try await dashboard(request, context) }
        router.get("/folders") { request, context in try await folders(request, context) }
        router.get("/file") { request, context in try await file(request, context) }
        router.get("/runs") { request, context in try await runs(request, context) }
        router.get("/diff") { request, context in try await diff(request, context) }
        router.get("/unknown") { request, context in try await unknown(request, context) }
        router.get("/lookup") { request, context in try await lookupForm(request, context) }
        router.post("/lookup") { request, context in try await lookup(request, context) }
        router.get("/export/:format") { request, context in try await export(request, context) }
        router.get("/login") { request, context in try await loginForm(request, context) }
        router.post("/login") { request, context in try await login(request, context) }
        router.post("/logout") { request, context in try await logout(request, context) }
    }

    // MARK: Pages

    private func dashboard(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        let overview = try await index.overview(of: run)
        let riskiest = try await index.read { reader in
            var files: [FileRecord] = []
            try reader.files(run: run.id, order: .risk, limit: 10) { if $0.riskScore > 0 { files.append($0) } }
            return files
        }
        let all = try await index.read { try $0.runs() }
        var trend: [RunOverview] = []
        for item in all.filter({ $0.status == RunStatus.completed.rawValue && $0.id <= run.id }).suffix(12) {
            trend.append(item.id == run.id ? overview : try await index.overview(of: item))
        }
        return page("Run \(run.id)", .dashboard, context, run: run.id, DashboardPage.body(overview, riskiest: riskiest, trend: trend))
    }

    private func folders(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        let overview = try await index.overview(of: run)
        let folder = request.uri.queryParameters.get("path")
        if let folder, overview.tree.node(folder) == nil { throw HTTPError(.notFound, message: "The run has no such folder.") }
        let order = request.uri.queryParameters.get("sort").flatMap { FolderTree.Order(rawValue: String($0)) } ?? .risk
        var listing: FoldersPage.Listing?
        if let folder {
            let size = settings.pageSize
            let offset = pageNumber(request) * size
            listing = try await index.read { reader in
                let query = FileQuery(scope: .folder(folder), order: .risk, limit: size, offset: offset)
                return FoldersPage.Listing(
                    files: try reader.files(run: run.id, query: query), total: try reader.fileCount(run: run.id, query: query), offset: offset,
                    pageSize: size)
            }
        }
        return page(folder ?? "Folders", .folders, context, run: run.id, FoldersPage.body(overview, folder: folder, order: order, listing: listing))
    }

    private func file(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        let id = request.uri.queryParameters.get("id").flatMap { Int64(String($0)) }
        let path = request.uri.queryParameters.get("path")
        let size = settings.pageSize
        let offset = pageNumber(request) * size
        let peopleTypes = index.peopleTypes
        let content: FilePage.Content? = try await index.read { reader in
            let found = try id.map { try reader.file(run: run.id, id: $0) } ?? path.map { try reader.file(run: run.id, path: $0) } ?? nil
            guard let file = found else { return nil }
            var filter = FindingFilter()
            filter.fileID = file.id
            filter.limit = size
            filter.offset = offset
            var findings: [FindingRecord] = []
            try reader.findings(run: run.id, filter: filter) { findings.append($0) }
            let members = FileQuery(scope: .members(of: file.path), order: .risk, limit: size)
            return FilePage.Content(
                file: file, tallies: try reader.findingTypes(fileID: file.id), findings: findings, findingsOffset: offset,
                members: try reader.files(run: run.id, query: members), memberTotal: try reader.fileCount(run: run.id, query: members),
                linked: file.findingCount > 0 ? try reader.linkedFiles(run: run.id, path: file.path, types: peopleTypes, limit: size) : [],
                pageSize: size)
        }
        guard let content else { throw HTTPError(.notFound, message: "The run has no such file.") }
        return page(content.file.path, .folders, context, run: run.id, FilePage.body(content, run: run.id))
    }

    private func runs(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let all = try await index.read { try $0.runs() }
        return page("Runs", .runs, context, run: nil, RunsPage.body(all))
    }

    private func diff(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard let from = request.uri.queryParameters.get("from").flatMap({ Int64(String($0)) }),
            let to = request.uri.queryParameters.get("to").flatMap({ Int64(String($0)) })
        else { throw HTTPError(.badRequest, message: "Choose two runs to compare.") }
        let kind = request.uri.queryParameters.get("kind").flatMap { RunDiff.Kind(rawValue: String($0)) }
        let diff = try await index.diff(from: from, to: to)
        let size = settings.pageSize
        return page(
            "Run \(from) → \(to)", .runs, context, run: nil, RunsPage.diff(diff, kind: kind, offset: pageNumber(request) * size, pageSize: size))
    }

    private func unknown(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let run = try await selectedRun(request)
        let size = settings.pageSize
        let partialOffset = pageNumber(request, "partial") * size, unreadableOffset = pageNumber(request) * size
        let parts = try await index.read { reader in
            var partial = FileQuery(order: .risk, limit: size, offset: partialOffset)
            partial.unknownRisk = true
            var unreadable = FileQuery(order: .path, limit: size, offset: unreadableOffset)
            unreadable.statuses = [.error]
            return (
                UnknownPage.Part(files: try reader.files(run: run.id, query: partial), total: try reader.fileCount(run: run.id, query: partial), offset: partialOffset),
                UnknownPage.Part(
                    files: try reader.files(run: run.id, query: unreadable), total: try reader.fileCount(run: run.id, query: unreadable),
                    offset: unreadableOffset)
            )
        }
        return page("Unknown risk", .unknown, context, run: run.id, UnknownPage.body(run: run.id, unknown: parts.0, unreadable: parts.1, pageSize: size))
    }

    // MARK: Plumbing

    /// The form of a POST, after its CSRF token is checked against the session's (a bearer client has none to check).
    func postedForm(_ request: Request, _ context: ConsoleContext) async throws -> FormData {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        guard let form = FormData(contentType: request.headers[.contentType], body: Array(buffer: body)) else {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        if context.bearer { return form }
        guard let session = context.session, let token = form["csrf"], SessionStore.csrfMatches(session, token) else {
            throw HTTPError(.forbidden, message: "The form is stale or was not sent by this console: reload the page and try again.")
        }
        return form
    }

    func selectedRun(_ request: Request) async throws -> RunRecord {
        let id = request.uri.queryParameters.get("run").flatMap { Int64(String($0)) }
        if request.uri.queryParameters.get("run") != nil && id == nil { throw HTTPError(.badRequest, message: "A run is a number.") }
        return try await selectedRun(id)
    }

    func selectedRun(_ id: Int64?) async throws -> RunRecord {
        do {
            return try await index.read { reader in try id.map { try reader.run(id: $0) } ?? reader.defaultRun() }
        } catch let error as IndexError {
            throw HTTPError(.notFound, message: error.message.hasPrefix("the index has no run") ? "The index has no such run." : "The index holds no completed run yet.")
        }
    }

    func pageNumber(_ request: Request, _ name: String = "page") -> Int {
        min(1_000_000, max(0, request.uri.queryParameters.get(name).flatMap { Int(String($0)) } ?? 0))
    }

    func csrf(_ context: ConsoleContext) -> String { context.session?.csrf ?? "" }

    func logger(_ context: ConsoleContext) -> Logger { context.logger }

    func page(_ title: String, _ section: Section?, _ context: ConsoleContext, run: Int64?, _ body: String) -> Response {
        let viewer = context.session?.user != nil || context.bearer
            ? Viewer(user: context.bearer ? "token" : context.session?.user, csrf: csrf(context), canSignOut: settings.requiresLogin && !context.bearer)
            : nil
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        let html = PageLayout.render(title: title, section: section, viewer: viewer, run: run, body: body)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func asset(_ bytes: [UInt8], type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
