// `phidex report --format html`: one self-contained page an auditor opens in a
// browser — no scripts, no fonts, no network; styles and charts (SVG) inline.
// Summary figures, identifiers by type, risk by top folder, the riskiest files
// with their explanations, and what could not be read. Values are masked, as
// everywhere.

public import PhidexIndex
import PhidexCore
import PhidexScore

/// The HTML report of one run.
public struct HTMLReport {
    public var topFiles: Int
    public var unreadableLimit: Int

    public init(topFiles: Int = 25, unreadableLimit: Int = 200) {
        self.topFiles = topFiles
        self.unreadableLimit = unreadableLimit
    }

    public func write(from reader: IndexReader, run: RunRecord, to emit: (String) throws -> Void) throws {
        let totals = run.totals
        let tallies = try reader.typeTallies(run: run.id)
        let withFindings = try reader.filesWithFindings(run: run.id)
        var risky: [FileRecord] = []
        try reader.files(run: run.id, order: .risk, limit: topFiles) { if $0.riskScore > 0 { risky.append($0) } }
        var tiers: [RiskTier: Int] = [:]
        var unreadable: [FileRecord] = []
        try reader.files(run: run.id) { file in
            if file.findingCount > 0 {
                tiers[file.riskTier, default: 0] += 1
            }
            if file.status != .ok && file.status != .skipped && unreadable.count < unreadableLimit { unreadable.append(file) }
        }
        let seen = totals.filesOK + totals.filesError + totals.filesSkipped
        let people = try reader.individuals(run: run.id, types: RiskModel.builtIn.strongTypes.sorted())
        let rollups = try FolderReport.rollups(from: reader, run: run, depth: 1)

        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Phidex report — run \(run.id)</title>
            <style>
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px 32px;color:#1d2330;background:#fafbfc}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #dde2ea;padding-bottom:4px}
            .meta{color:#5b6577;font-size:13px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
            .card{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:10px 16px;min-width:120px}
            .card b{display:block;font-size:22px}.card span{color:#5b6577;font-size:12px}
            table{border-collapse:collapse;background:#fff;width:100%}td,th{border:1px solid #dde2ea;padding:5px 8px;text-align:left;vertical-align:top}
            th{background:#f0f3f7}td.n{text-align:right;font-variant-numeric:tabular-nums}.why{color:#5b6577;font-size:12px}
            .path{font-family:ui-monospace,Menlo,monospace;font-size:12px;word-break:break-all}
            .critical{color:#fff;background:#b42318}.high{color:#fff;background:#dc6803}.medium{background:#fdb022}.low{background:#d1e9ff}.none{background:#eee}
            .tier{padding:1px 6px;border-radius:4px;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:24px}
            .chart{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:12px}footer{margin-top:28px;color:#5b6577;font-size:12px}
            </style></head><body>
            <h1>Phidex report — run \(run.id)</h1>
            <div class="meta">Roots: \(Self.escape(run.roots.joined(separator: ", "))) · \(Self.escape(run.startedAt))\(run.finishedAt.map { " → " + Self.escape($0) } ?? "") · status \(Self.escape(run.status)) · ruleset \(Self.escape(run.rulesetVersion)) · Phidex \(Self.escape(run.phidexVersion))</div>
            <div class="cards">
            """
        for (value, label) in [
            ("\(seen)", "files and members seen"), ("\(totals.filesOK)", "read"), ("\(totals.filesError)", "not readable"),
            ("\(totals.filesSkipped)", "skipped"), (Formatting.bytes(totals.bytesScanned), "scanned"), ("\(totals.findings)", "findings"),
            ("\(withFindings)", "files with findings"), ("\(tiers[.critical] ?? 0)", "critical files"), ("\(tiers[.high] ?? 0)", "high-risk files"),
            ("≈ \(people.estimate)", "people exposed (at least \(people.lowerBound))"),
        ] {
            page += "<div class=\"card\"><b>\(Self.escape(value))</b><span>\(label)</span></div>"
        }
        page += "</div>\n<div class=\"charts\">"
        page += "<div class=\"chart\"><h2>Identifiers by type</h2>"
            + Self.bars(tallies.map { ($0.type.rawValue, $0.findings, "\($0.findings) findings, \($0.distinctValues) distinct, \($0.files) files") }, color: "#3e6fd8")
            + "</div>"
        let topFolders = rollups.filter { $0.findings > 0 }.prefix(15)
        page += "<div class=\"chart\"><h2>People exposed by top folder</h2>"
            + Self.bars(topFolders.map { (Self.topFolder($0.folder + "/x", roots: run.roots), $0.individuals,
                "\($0.individuals) people, highest risk \($0.highestRisk), \($0.findings) findings in \($0.filesWithFindings) files") }, color: "#b42318")
            + "</div></div>\n"
        page += "<h2>Riskiest files</h2>\n<table><tr><th>score</th><th>tier</th><th>findings</th><th>file and why</th></tr>\n"
        for file in risky {
            page += "<tr><td class=\"n\">\(file.riskScore)</td><td><span class=\"tier \(file.riskTier.rawValue)\">\(file.riskTier.rawValue)</span></td>"
                + "<td class=\"n\">\(file.findingCount)</td><td><div class=\"path\">\(Self.escape(file.path))</div>"
                + "<div class=\"why\">\(Self.escape(file.riskExplanation))</div></td></tr>\n"
        }
        if risky.isEmpty { page += "<tr><td colspan=\"4\">No file holds findings.</td></tr>\n" }
        page += "</table>\n<h2>Could not be read (\(unreadable.count)\(unreadable.count == unreadableLimit ? "+" : ""))</h2>\n"
        if unreadable.isEmpty {
            page += "<p>Every file was read.</p>\n"
        } else {
            page += "<table><tr><th>status</th><th>file and reason</th></tr>\n"
            for file in unreadable {
                page += "<tr><td>\(Self.escape(file.status.rawValue))</td><td><div class=\"path\">\(Self.escape(file.path))</div>"
                    + "<div class=\"why\">\(Self.escape(file.reason ?? ""))</div></td></tr>\n"
            }
            page += "</table>\n"
        }
        page += "<footer>Values are masked; the index holds keyed hashes, never identifier values. Made by Phidex from index \(Self.escape(reader.location.path)).</footer>\n</body></html>"
        try emit(page)
    }

    /// A horizontal bar chart as inline SVG.
    static func bars(_ rows: [(label: String, value: Int, title: String)], color: String, maximum: Int? = nil) -> String {
        guard !rows.isEmpty else { return "<p>Nothing to show.</p>" }
        let top = max(1, maximum ?? rows.map(\.value).max() ?? 1)
        let labelWidth = 170, barWidth = 260, rowHeight = 22
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 70)\" height=\"\(rows.count * rowHeight + 6)\" role=\"img\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let width = max(1, row.value * barWidth / top)
            let label = row.label.count > 26 ? "…" + row.label.suffix(25) : row.label
            svg += "<g><title>\(escape(row.title))</title>"
                + "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"12\" fill=\"#1d2330\">\(escape(String(label)))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(color)\"/>"
                + "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 14)\" font-size=\"12\" fill=\"#5b6577\">\(row.value)</text></g>"
        }
        return svg + "</svg>"
    }

    /// The first folder below the root a path sits in (the root itself for files directly in it).
    static func topFolder(_ path: String, roots: [String]) -> String {
        for root in roots.sorted(by: { $0.count > $1.count }) where path.hasPrefix(root + "/") {
            let rest = path.dropFirst(root.count + 1)
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash].firstIndex(of: "!") == nil else { return "(root)" }
            return String(rest[..<slash]) + "/"
        }
        return "(other)"
    }

    /// `text` safe between tags and inside quoted attributes (the console escapes with it too).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
