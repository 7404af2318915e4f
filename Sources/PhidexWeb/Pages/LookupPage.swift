// "Where does this value appear?" and "which of this list appear?": a form that posts the
// value or the list (pasted, or a CSV with the column named), and the hits, masked. The
// page never shows what was posted: a list's hits are labelled by line number.

import PhidexCore
import PhidexIndex
import PhidexReport

enum LookupPage {
    struct Result: Sendable {
        var kind: String
        var type: IdentifierType
        var listed: Int
        var matchedValues: Int
        var unreadableLines: [Int]
        var hits: [FindingRecord]
        var totalHits: Int
        var files: Int
        var labels: [Int64: String]
        var fileIDs: [String: Int64]
    }

    static let shownHits = 500

    static func body(types: [IdentifierType], csrf: String, run: Int64, result: Result?, message: String?) -> String {
        var out = "<h1>Lookup</h1>"
        out += "<p>The value is hashed with the index's key in memory and compared with the index's hashes; it is not stored, "
            + "logged or shown. Every lookup is written to the audit log (who, when, the type and how many values, never the values).</p>"
        if let message { out += "<p class=\"error\" role=\"alert\">\(HTML.escape(message))</p>" }
        out += "<form method=\"post\" action=\"/lookup\" enctype=\"multipart/form-data\" class=\"panel\" autocomplete=\"off\">"
        out += "<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\"><input type=\"hidden\" name=\"run\" value=\"\(run)\">"
        out += "<div class=\"row\"><div><label for=\"type\">Identifier type</label><select id=\"type\" name=\"type\">"
        for type in types { out += "<option value=\"\(type.rawValue)\">\(type.rawValue)</option>" }
        out += "</select></div>"
        out += "<div><label for=\"value\">One value</label><input id=\"value\" name=\"value\" type=\"password\" autocomplete=\"off\" "
            + "spellcheck=\"false\" size=\"28\" aria-describedby=\"value-help\"><div id=\"value-help\" class=\"muted\">hidden as you type; any usual spelling (078-05-1120, 078051120)</div></div></div>"
        out += "<div class=\"row\"><div><label for=\"list\">Or a list, one value per line</label>"
            + "<textarea id=\"list\" name=\"list\" rows=\"4\" cols=\"40\" spellcheck=\"false\" autocomplete=\"off\"></textarea></div></div>"
        out += "<div class=\"row\"><div><label for=\"file\">Or a CSV file</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.txt,text/csv,text/plain\"></div>"
            + "<div><label for=\"column\">Its column (header name)</label><input id=\"column\" name=\"column\" type=\"text\" size=\"16\" autocomplete=\"off\"></div></div>"
        out += "<button type=\"submit\">Look up</button></form>"
        guard let result else { return out }
        out += "<section aria-labelledby=\"result\" role=\"status\"><h2 id=\"result\">Result</h2>"
        if result.kind == "list" {
            out += "<p><strong>\(HTML.number(result.matchedValues)) of \(HTML.number(result.listed)) listed values found</strong> "
                + "(type \(HTML.escape(result.type.rawValue))): \(HTML.number(result.totalHits)) findings in \(HTML.number(result.files)) files.</p>"
            if !result.unreadableLines.isEmpty {
                out += "<p class=\"notice\">Lines \(ValueList.lineList(result.unreadableLines)) are not a valid \(HTML.escape(result.type.rawValue)); skipped.</p>"
            }
        } else {
            out += "<p><strong>\(result.totalHits == 0 ? "Not found" : "Found")</strong>: \(HTML.number(result.totalHits)) findings in \(HTML.number(result.files)) files "
                + "(\(HTML.escape(result.type.rawValue)) and types sharing its numbers).</p>"
        }
        if !result.hits.isEmpty {
            let labelled = result.kind == "list"
            out += HTML.table(
                id: "lookup-hits", caption: result.totalHits > result.hits.count ? "The first \(result.hits.count) findings" : "Every finding",
                head: (labelled ? ["list lines"] : []) + ["type", "masked", "#line", "#confidence", "path"],
                rows: result.hits.map { record in
                    let f = record.finding
                    let link = result.fileIDs[record.path].map { "<a href=\"\(HTML.href("/file", [("run", String(run)), ("id", String($0))]))\">\(HTML.escape(record.path))</a>" }
                        ?? HTML.escape(record.path)
                    return (labelled ? [HTML.escape(result.labels[f.valueKey] ?? "")] : [])
                        + [HTML.escape(f.type.rawValue), "<code>\(HTML.escape(f.masked))</code>", f.inName ? "name" : String(f.line), Formatting.confidence(f.confidence), link]
                }, filter: true)
        }
        return out + "</section>"
    }
}
