// The estate at a glance: what was seen and read, findings by type, people exposed, files
// per risk tier, the riskiest folders and files, and the trend across runs.

import PhidexCore
import PhidexIndex
import PhidexReport

enum DashboardPage {
    static func body(_ overview: RunOverview, riskiest: [FileRecord], trend: [RunOverview]) -> String {
        let run = overview.run
        let runItem: [(String, String?)] = [("run", String(run.id))]
        var out = "<h1>Run \(run.id) <span class=\"muted\">(\(HTML.escape(run.status)))</span></h1>"
        out += "<p class=\"muted\">roots \(run.roots.map(HTML.escape).joined(separator: ", ")) · started \(HTML.escape(run.startedAt))"
            + (run.finishedAt.map { " · finished \(HTML.escape($0))" } ?? "") + " · ruleset \(HTML.escape(run.rulesetVersion))</p>"
        let totals = run.totals
        let cards: [(String, String)] = [
            (HTML.number(overview.filesSeen), "files seen"),
            (HTML.number(totals.filesOK), "files read"),
            (HTML.number(totals.filesError), "not readable"),
            (HTML.number(totals.filesSkipped), "skipped"),
            (HTML.number(totals.findings), "findings"),
            (HTML.number(overview.filesWithFindings), "files with findings"),
            ("about " + HTML.number(overview.people.estimate), "people exposed (at least \(HTML.number(overview.people.lowerBound)))"),
            (HTML.tier(overview.highestTier), "highest risk"),
            (HTML.number(overview.unknownRisk), "files of unknown risk"),
        ]
        out += "<section aria-labelledby=\"totals\"><h2 id=\"totals\">Totals</h2><div class=\"cards\">"
        for (value, label) in cards {
            out += "<div class=\"card\"><div class=\"value\">\(value)</div><div class=\"label\">\(label)</div></div>"
        }
        out += "</div></section>"

        out += "<section aria-labelledby=\"types\"><h2 id=\"types\">Findings by type</h2>"
        out += Charts.bars(
            id: "chart-types", title: "Findings by identifier type",
            overview.tallies.map { Charts.Bar(label: $0.type.rawValue, value: $0.findings, color: "#1f5fa8") })
        out += HTML.table(
            id: "types-table", caption: "Findings, distinct values and files per identifier type",
            head: ["type", "#findings", "#distinct values", "#files"],
            rows: overview.tallies.map { [HTML.escape($0.type.rawValue), HTML.number($0.findings), HTML.number($0.distinctValues), HTML.number($0.files)] })
        out += "</section>"

        let tiers = RiskTier.allCases.reversed().filter { $0 != .none }
        out += "<section aria-labelledby=\"tiers\"><h2 id=\"tiers\">Files per risk tier</h2>"
        out += Charts.bars(
            id: "chart-tiers", title: "Files and archive members per risk tier",
            tiers.map { Charts.Bar(label: $0.rawValue, value: overview.tiers[$0] ?? 0, color: Charts.tierColors[$0.rawValue] ?? "#5a6473") })
        out += "</section>"

        out += "<section aria-labelledby=\"folders\"><h2 id=\"folders\">Riskiest folders</h2>"
        out += HTML.table(
            id: "riskiest-folders", caption: "Folders holding the riskiest files themselves",
            head: ["folder", "#highest risk", "tier", "#people", "#files with findings", "#unknown risk"],
            rows: overview.tree.riskiest(limit: 10).map { node in
                [
                    "<a href=\"\(HTML.href("/folders", runItem + [("path", node.path)]))\">\(HTML.escape(node.path))</a>",
                    String(node.highestRisk), HTML.tier(node.highestTier), HTML.number(node.individuals),
                    HTML.number(node.filesWithFindings), HTML.number(node.unknownRisk),
                ]
            })
        out += "</section>"

        out += "<section aria-labelledby=\"files\"><h2 id=\"files\">Riskiest files</h2>"
        out += HTML.table(
            id: "riskiest-files", caption: "The files with the highest risk scores", head: ["#score", "tier", "#findings", "path"],
            rows: riskiest.map { file in
                [
                    String(file.riskScore), HTML.tier(file.riskTier), HTML.number(file.findingCount),
                    "<a href=\"\(HTML.href("/file", runItem + [("id", String(file.id))]))\">\(HTML.escape(file.path))</a>",
                ]
            }, filter: true)
        out += "</section>"

        if trend.count > 1 {
            let labels = trend.map { "run \($0.run.id)" }
            out += "<section aria-labelledby=\"trend\"><h2 id=\"trend\">Trend across runs</h2>"
            out += Charts.trend(
                id: "chart-findings", title: "Findings and people exposed by run", labels: labels,
                [
                    Charts.Series(name: "findings", color: "#1f5fa8", values: trend.map(\.run.totals.findings)),
                    Charts.Series(name: "people", color: "#a1121b", values: trend.map(\.people.estimate)),
                ])
            out += Charts.trend(
                id: "chart-tier-trend", title: "Files per risk tier by run", labels: labels,
                tiers.map { tier in
                    Charts.Series(name: tier.rawValue, color: Charts.tierColors[tier.rawValue] ?? "#5a6473", values: trend.map { $0.tiers[tier] ?? 0 })
                })
            out += HTML.table(
                id: "trend-table", caption: "Per run: findings, people exposed and files per tier",
                head: ["run", "#findings", "#people"] + tiers.map { "#" + $0.rawValue },
                rows: trend.map { item in
                    [String(item.run.id), HTML.number(item.run.totals.findings), HTML.number(item.people.estimate)]
                        + tiers.map { HTML.number(item.tiers[$0] ?? 0) }
                })
            out += "</section>"
        }
        out += Exports.links(run: run.id, under: nil)
        return out
    }
}
