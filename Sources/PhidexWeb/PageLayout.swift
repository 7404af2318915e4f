// The frame around every page: a skip link, the navigation (current page marked for
// screen readers), who is signed in with a sign-out form, and the main landmark.

/// The sections of the console, in navigation order.
enum Section: String, CaseIterable, Sendable {
    case dashboard, folders, runs, unknown, lookup

    var title: String {
        switch self {
        case .dashboard: "Dashboard"
        case .folders: "Folders"
        case .runs: "Runs"
        case .unknown: "Unknown risk"
        case .lookup: "Lookup"
        }
    }

    var path: String { self == .dashboard ? "/" : "/" + rawValue }
}

/// Who is looking, for the frame: the signed-in name and the session's CSRF token.
struct Viewer: Sendable {
    var user: String?
    var csrf: String
    /// Whether a sign-out form makes sense (there is a login to leave).
    var canSignOut: Bool
}

enum PageLayout {
    static func render(title: String, section: Section?, viewer: Viewer?, run: Int64? = nil, body: String) -> String {
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Phidex</title>
            <link rel="stylesheet" href="/assets/console.css">
            <script src="/assets/console.js" defer></script>
            </head><body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="top"><span class="brand">Phidex</span>
            """
        if viewer != nil {
            page += "<nav aria-label=\"Sections\">"
            for item in Section.allCases {
                let current = item == section ? " aria-current=\"page\"" : ""
                let items: [(String, String?)] = item == .lookup || item == .runs ? [] : [("run", run.map(String.init))]
                page += "<a href=\"\(HTML.href(item.path, items))\"\(current)>\(item.title)</a>"
            }
            page += "</nav>"
        }
        if let viewer, let user = viewer.user {
            page += "<span class=\"who\">signed in as \(HTML.escape(user))"
            if viewer.canSignOut {
                page += " <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"\(viewer.csrf)\">"
                    + "<button type=\"submit\">Sign out</button></form>"
            }
            page += "</span>"
        }
        page += "</header>\n<main id=\"main\" tabindex=\"-1\">\n" + body + "\n</main>\n"
        page += "<footer class=\"muted page-foot\">Values are masked; the index holds keyed hashes, never identifier values.</footer>\n</body></html>\n"
        return page
    }
}
