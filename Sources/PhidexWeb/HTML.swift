// Pages are built on the server as strings, every piece of index text escaped on the way
// in. Nothing here runs script inline: the one script is /assets/console.js, allowed by
// the Content-Security-Policy, and charts are inline SVG.

import Foundation
import PhidexCore
import PhidexReport

/// HTML text escaping and the small pieces every page uses.
enum HTML {
    /// `text` safe between tags and inside quoted attributes (the HTML report's escaping).
    static func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// A link to `path` with query `items` (empty values left out), escaped for an attribute.
    static func href(_ path: String, _ items: [(String, String?)]) -> String {
        let query = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return name + "=" + percent(value)
        }.joined(separator: "&")
        return escape(query.isEmpty ? path : path + "?" + query)
    }

    /// `text` percent-encoded for a query value.
    static func percent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func tier(_ tier: RiskTier) -> String {
        "<span class=\"tier tier-\(tier.rawValue)\">\(tier.rawValue)</span>"
    }

    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// A table: `head` cells (a `#` prefix right-aligns a numeric column), then rows of
    /// already-escaped cells. `filter`: the script adds a row filter box above it.
    static func table(id: String, caption: String, head: [String], rows: [[String]], filter: Bool = false) -> String {
        let numeric = head.map { $0.hasPrefix("#") }
        var out = "<table id=\"\(id)\"\(filter ? " data-filter" : "")><caption class=\"muted\">\(escape(caption))</caption><thead><tr>"
        for (index, cell) in head.enumerated() {
            let name = numeric[index] ? String(cell.dropFirst()) : cell
            out += "<th scope=\"col\"\(numeric[index] ? " class=\"num\"" : "")>\(escape(name))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                let numericCell = index < numeric.count && numeric[index]
                out += "<td\(numericCell ? " class=\"num\"" : "")>\(cell)</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }

    /// Previous and next page links, with the rows shown.
    static func pager(
        path: String, items: [(String, String?)], offset: Int, pageSize: Int, total: Int, parameter: String = "page"
    ) -> String {
        guard total > pageSize else { return "" }
        let page = offset / pageSize
        var out = "<nav class=\"pager\" aria-label=\"Pages\">"
        if page > 0 {
            out += "<a href=\"\(href(path, items + [(parameter, String(page - 1))]))\" rel=\"prev\">Previous page</a>"
        }
        out += "<span>rows \(number(offset + 1))–\(number(min(total, offset + pageSize))) of \(number(total))</span>"
        if offset + pageSize < total {
            out += "<a href=\"\(href(path, items + [(parameter, String(page + 1))]))\" rel=\"next\">Next page</a>"
        }
        return out + "</nav>"
    }
}
