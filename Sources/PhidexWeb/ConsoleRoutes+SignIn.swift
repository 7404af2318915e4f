// Signing in and out: the login form, its check (off the event loop: Argon2id is slow on
// purpose), a new session id on success, and sign-out.

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexReport

extension ConsoleRoutes {
    // MARK: Signing in

    func loginForm(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard settings.requiresLogin else { return Self.redirect("/") }
        var context = context
        let session = context.session ?? sessions.create(user: nil)
        var response = page("Sign in", nil, context, run: nil, LoginPage.body(csrf: session.csrf, users: credentials.hasUsers, token: credentials.hasToken, message: nil))
        if context.session == nil {
            context.session = session
            response.headers.append(HTTPField(name: .setCookie, value: gate.cookie(for: session)))
        }
        return response
    }

    func login(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        guard settings.requiresLogin else { return Self.redirect("/") }
        let form = try await postedForm(request, context)
        guard let pending = context.session else { throw HTTPError(.forbidden, message: "Open the sign-in page first.") }
        if let wait = logins.spend(user: "login " + context.peer, values: 1) {
            var response = Self.redirect("/login")
            response.status = .tooManyRequests
            response.headers[.retryAfter] = String(max(1, wait))
            return response
        }
        var user: String?
        if credentials.hasUsers, let name = form["user"], let password = form["password"] {
            let credentials = credentials
            if try await index.offLoop({ credentials.checkUser(name, password: password) }) { user = name }
        } else if credentials.hasToken, let token = form["token"], credentials.checkToken(token) {
            user = "token"
        }
        guard let user else {
            logger(context).notice("console: a sign-in failed from \(context.peer)")
            var response = page(
                "Sign in", nil, context, run: nil,
                LoginPage.body(csrf: pending.csrf, users: credentials.hasUsers, token: credentials.hasToken, message: "Those credentials are not valid."))
            response.status = .unauthorized
            return response
        }
        // A new session id on sign-in, so an id planted before it is worth nothing after.
        sessions.remove(pending.id)
        let session = sessions.create(user: user)
        logger(context).notice("console: \(user) signed in from \(context.peer)")
        var response = Self.redirect("/")
        response.headers.append(HTTPField(name: .setCookie, value: gate.cookie(for: session)))
        return response
    }

    func logout(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        _ = try await postedForm(request, context)
        if let session = context.session { sessions.remove(session.id) }
        var response = Self.redirect(settings.requiresLogin ? "/login" : "/")
        response.headers.append(HTTPField(name: .setCookie, value: gate.clearedCookie()))
        return response
    }
}
