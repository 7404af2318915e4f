// What the scan could not judge: content encrypted or stopped at a limit (its risk is
// unknown), and files that could not be read at all, each with its reason.

import PhidexCore
import PhidexIndex

enum UnknownPage {
    struct Part: Sendable {
        var files: [FileRecord]
        var total: Int
        var offset: Int
    }

    static func body(run: Int64, unknown: Part, unreadable: Part, pageSize: Int) -> String {
        var out = "<h1>Unknown risk in run \(run)</h1>"
        out += "<p>Files whose content could not all be read: their risk may be higher than the index shows. Open them, "
            + "raise the limits (docs/archives.md), or get the password.</p>"
        out += "<h2 id=\"partial\">Encrypted or over a limit (\(HTML.number(unknown.total)))</h2>"
        out += table(unknown.files, run: run, id: "unknown-table", caption: "Encrypted files and content stopped at a limit")
        out += HTML.pager(
            path: "/unknown", items: [("run", String(run))], offset: unknown.offset, pageSize: pageSize, total: unknown.total,
            parameter: "partial")
        out += "<h2 id=\"unreadable\">Not readable (\(HTML.number(unreadable.total)))</h2>"
        out += table(unreadable.files, run: run, id: "unreadable-table", caption: "Files that could not be read, with the reason")
        out += HTML.pager(path: "/unknown", items: [("run", String(run))], offset: unreadable.offset, pageSize: pageSize, total: unreadable.total)
        return out
    }

    private static func table(_ files: [FileRecord], run: Int64, id: String, caption: String) -> String {
        guard !files.isEmpty else { return "<p class=\"muted\">None.</p>" }
        return HTML.table(
            id: id, caption: caption, head: ["status", "reason", "#findings so far", "path"],
            rows: files.map { file in
                [
                    HTML.escape(file.status.rawValue), HTML.escape(file.reason ?? ""), HTML.number(file.findingCount),
                    "<a href=\"\(HTML.href("/file", [("run", String(run)), ("id", String(file.id))]))\">\(HTML.escape(file.path))</a>",
                ]
            }, filter: true)
    }
}
