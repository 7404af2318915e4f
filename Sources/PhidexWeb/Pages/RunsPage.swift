// The runs of the index, newest first, and the comparison of two of them: the files that
// gained PHI, lost it, or changed risk.

import PhidexCore
import PhidexIndex
import PhidexReport

enum RunsPage {
    static func body(_ runs: [RunRecord]) -> String {
        var out = "<h1>Runs</h1>"
        out += HTML.table(
            id: "runs-table", caption: "Every run of this index, newest first",
            head: ["#run", "status", "started", "finished", "#files read", "#not readable", "#findings", "roots"],
            rows: runs.reversed().map { run in
                [
                    "<a href=\"\(HTML.href("/", [("run", String(run.id))]))\">\(run.id)</a>", HTML.escape(run.status), HTML.escape(run.startedAt),
                    HTML.escape(run.finishedAt ?? ""), HTML.number(run.totals.filesOK), HTML.number(run.totals.filesError),
                    HTML.number(run.totals.findings), run.roots.map(HTML.escape).joined(separator: "<br>"),
                ]
            })
        if runs.count > 1 {
            let later = runs[runs.count - 1].id, earlier = runs[runs.count - 2].id
            out += "<h2 id=\"compare\">Compare two runs</h2><form method=\"get\" action=\"/diff\" class=\"panel\"><div class=\"row\">"
            out += select(name: "from", label: "Earlier run", runs: runs, selected: earlier)
            out += select(name: "to", label: "Later run", runs: runs, selected: later)
            out += "</div><button type=\"submit\">Compare</button></form>"
        }
        return out
    }

    static func diff(_ diff: RunDiff, kind: RunDiff.Kind?, offset: Int, pageSize: Int) -> String {
        var out = "<h1>Run \(diff.earlier) → run \(diff.later)</h1>"
        let counts = Dictionary(grouping: diff.changes, by: \.kind).mapValues(\.count)
        out += "<p>\(HTML.number(diff.changes.count)) files changed in PHI: "
            + RunDiff.Kind.allCases.map { "\(HTML.number(counts[$0] ?? 0)) \($0.rawValue)" }.joined(separator: ", ") + ".</p>"
        let base: [(String, String?)] = [("from", String(diff.earlier)), ("to", String(diff.later))]
        out += "<p>Show: <a href=\"\(HTML.href("/diff", base))\"\(kind == nil ? " aria-current=\"true\"" : "")>all</a>"
        for item in RunDiff.Kind.allCases {
            out += " · <a href=\"\(HTML.href("/diff", base + [("kind", item.rawValue)]))\"\(kind == item ? " aria-current=\"true\"" : "")>\(item.rawValue)</a>"
        }
        out += "</p>"
        let shown = diff.changes.filter { kind == nil || $0.kind == kind }
            .sorted { (max($0.after?.riskScore ?? 0, $0.before?.riskScore ?? 0), $1.path) > (max($1.after?.riskScore ?? 0, $1.before?.riskScore ?? 0), $0.path) }
        let page = Array(shown.dropFirst(offset).prefix(pageSize))
        out += HTML.table(
            id: "diff-table", caption: "Changed files, riskiest first", head: ["change", "risk", "findings", "types", "path"],
            rows: page.map { change in
                let run = change.after == nil ? diff.earlier : diff.later
                return [
                    HTML.escape(change.kind.rawValue), "\(change.before?.riskScore ?? 0) → \(change.after?.riskScore ?? 0)",
                    "\(HTML.number(change.before?.findings ?? 0)) → \(HTML.number(change.after?.findings ?? 0))",
                    HTML.escape(Set((change.before?.types ?? []).union(change.after?.types ?? [])).map(\.rawValue).sorted().joined(separator: ", ")),
                    "<a href=\"\(HTML.href("/file", [("run", String(run)), ("path", change.path)]))\">\(HTML.escape(change.path))</a>",
                ]
            }, filter: true)
        out += HTML.pager(path: "/diff", items: base + [("kind", kind?.rawValue)], offset: offset, pageSize: pageSize, total: shown.count)
        return out
    }

    private static func select(name: String, label: String, runs: [RunRecord], selected: Int64) -> String {
        var out = "<div><label for=\"\(name)\">\(label)</label><select id=\"\(name)\" name=\"\(name)\">"
        for run in runs.reversed() {
            out += "<option value=\"\(run.id)\"\(run.id == selected ? " selected" : "")>run \(run.id) · \(HTML.escape(run.startedAt))</option>"
        }
        return out + "</select></div>"
    }
}
