// Signing in: a user name and password (a users file), or the token.

enum LoginPage {
    static func body(csrf: String, users: Bool, token: Bool, message: String?) -> String {
        var out = "<h1>Sign in</h1>"
        if let message { out += "<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>" }
        out += "<form method=\"post\" action=\"/login\" class=\"panel\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">"
        if users {
            out += "<div class=\"row\"><div><label for=\"user\">User</label><input id=\"user\" name=\"user\" type=\"text\" autocomplete=\"username\" required></div>"
                + "<div><label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></div></div>"
        } else if token {
            out += "<div class=\"row\"><div><label for=\"token\">Access token</label><input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" size=\"48\" required></div></div>"
        }
        return out + "<button type=\"submit\">Sign in</button></form>"
    }
}
