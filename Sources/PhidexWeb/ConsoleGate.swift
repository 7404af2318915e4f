// Every request passes the gate: it is logged (method, route pattern, status, time; never
// the query string, a form or a cookie), it gets the security headers, errors become plain
// pages that say nothing of the index, and, when the console requires a login, only the
// login page and the assets are reached without one. Cross-site posts are refused here;
// each form's CSRF token is checked by its handler, which reads the form.

import Foundation
import HTTPTypes
import Hummingbird
import Logging

struct ConsoleGate: RouterMiddleware {
    typealias Context = ConsoleContext

    let settings: ConsoleSettings
    let credentials: Credentials
    let sessions: SessionStore
    let logger: Logger

    static let sessionCookie = "phidex_session"

    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        var response: Response
        do {
            if let refusal = try await admit(request, &context) {
                response = refusal
            } else {
                response = try await next(request, context)
            }
        } catch let error as HTTPError {
            response = Self.errorPage(error.status, error.body ?? error.status.reasonPhrase)
        } catch let error as ConsoleError {
            logger.error("console: \(error.message)")
            response = Self.errorPage(.internalServerError, "The index could not answer; the server log says why.")
        } catch {
            logger.error("console: request failed: \(String(describing: type(of: error)))")
            response = Self.errorPage(.internalServerError, "The index could not answer; the server log says why.")
        }
        if let cookie = context.setCookie { response.headers.append(HTTPField(name: .setCookie, value: cookie)) }
        Self.secure(&response.headers, assets: request.uri.path.hasPrefix("/assets/"), tls: settings.reachedOverTLS)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        logger.info(
            "\(request.method.rawValue) \(context.endpointPath ?? "(no route)") \(response.status.code) \(String(format: "%.1f", milliseconds)) ms")
        return response
    }

    /// Nil when the request may go on; else the response that stops it. Attaches the session.
    private func admit(_ request: Request, _ context: inout Context) async throws -> Response? {
        let path = request.uri.path
        if path.hasPrefix("/assets/") { return nil }
        if request.method == .post, let refusal = crossSite(request) { return refusal }
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            guard credentials.checkToken(String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)) else {
                return Self.errorPage(.unauthorized, "The token is not this console's.")
            }
            context.bearer = true
            return nil
        }
        if let id = Self.cookie(Self.sessionCookie, in: request), let session = sessions.session(id) {
            context.session = session
        }
        if !settings.requiresLogin {
            if context.session == nil {
                let session = sessions.create(user: "local")
                context.session = session
                context.setCookie = cookie(for: session)
            }
            return nil
        }
        if context.session?.user != nil || path == "/login" { return nil }
        if request.method == .get || request.method == .head {
            var headers = HTTPFields()
            headers[.location] = "/login"
            return Response(status: .seeOther, headers: headers)
        }
        return Self.errorPage(.forbidden, "Sign in first.")
    }

    /// A post from another site (the browser says so): refused whatever it carries.
    private func crossSite(_ request: Request) -> Response? {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site != "same-origin" && site != "none" {
            return Self.errorPage(.forbidden, "Cross-site form posts are refused.")
        }
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            let originHost = origin.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
            if origin == "null" || originHost != host { return Self.errorPage(.forbidden, "Cross-site form posts are refused.") }
        }
        return nil
    }

    func cookie(for session: Session) -> String {
        "\(Self.sessionCookie)=\(session.id); Path=/; HttpOnly; SameSite=Strict" + (settings.reachedOverTLS ? "; Secure" : "")
    }

    func clearedCookie() -> String {
        "\(Self.sessionCookie)=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (settings.reachedOverTLS ? "; Secure" : "")
    }

    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }

    /// The headers every response carries.
    static func secure(_ headers: inout HTTPFields, assets: Bool, tls: Bool) {
        headers[HTTPField.Name("Content-Security-Policy")!] = contentSecurityPolicy
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        headers[.cacheControl] = assets ? "private, max-age=3600" : "no-store"
        if tls { headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000" }
    }

    /// A page for an error: its status and a sentence, nothing from the request or the index.
    static func errorPage(_ status: HTTPResponse.Status, _ message: String) -> Response {
        let html = PageLayout.render(title: "\(status.code)", section: nil, viewer: nil, body: "<h1>\(status.code) \(HTML.escape(status.reasonPhrase))</h1><p>\(HTML.escape(message))</p><p><a href=\"/\">Dashboard</a></p>")
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
