// Links to the reports of what a page shows: the run, or one folder's or file's part of it.

enum Exports {
    static let formats: [(format: String, label: String)] = [
        ("csv", "CSV"), ("sarif", "SARIF"), ("jsonl", "JSON Lines"), ("html", "HTML report"),
    ]

    static func links(run: Int64, under: String?) -> String {
        var out = "<p class=\"exports\"><strong>Export \(under == nil ? "this run" : "this view"):</strong> "
        for (format, label) in formats where under == nil || format != "html" {
            out += "<a href=\"\(HTML.href("/export/" + format, [("run", String(run)), ("under", under)]))\" download>\(label)</a>"
        }
        return out + "</p>"
    }
}
