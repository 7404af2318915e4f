// One file: its status and exposure, why it is risky (the factors with their points), its
// findings by type and one by one (masked, with line and offset), the archive members
// inside it, and the files sharing identifier values with it.

import PhidexCore
import PhidexIndex
import PhidexReport

enum FilePage {
    struct Content: Sendable {
        var file: FileRecord
        var tallies: [IdentifierType: Int]
        var findings: [FindingRecord]
        var findingsOffset: Int
        var members: [FileRecord]
        var memberTotal: Int
        var linked: [LinkedFile]
        var pageSize: Int
    }

    static func body(_ content: Content, run: Int64) -> String {
        let file = content.file
        let runItem: [(String, String?)] = [("run", String(run))]
        var out = "<h1 class=\"path\">\(HTML.escape(file.path))</h1>"
        let outer = file.path.split(separator: "!", maxSplits: 1).first.map(String.init) ?? file.path
        let folder = String(outer[..<(outer.lastIndex(of: "/") ?? outer.endIndex)])
        out += "<p class=\"crumbs\"><a href=\"\(HTML.href("/folders", runItem + [("path", folder.isEmpty ? "/" : folder)]))\">Its folder</a></p>"
        let permissions = String(file.mode & 0o7777, radix: 8)
        let world = file.mode & 0o004 != 0, group = file.mode & 0o040 != 0
        out += "<dl class=\"facts\">"
            + "<dt>Risk</dt><dd>\(file.riskScore) of 100 \(HTML.tier(file.riskTier))</dd>"
            + "<dt>Status</dt><dd>\(HTML.escape(file.status.rawValue))\(file.reason.map { ": " + HTML.escape($0) } ?? "")</dd>"
            + "<dt>Owner</dt><dd>uid \(file.uid), gid \(file.gid)</dd>"
            + "<dt>Permissions</dt><dd>\(String(repeating: "0", count: max(0, 4 - permissions.count)) + permissions)"
            + (world ? " — anyone on the host may read it" : group ? " — its group may read it" : " — its owner only") + "</dd>"
            + "<dt>Size</dt><dd>\(Formatting.bytes(file.size)), \(Formatting.bytes(file.bytesRead)) read</dd>"
            + "<dt>Modified</dt><dd>\(Formatting.timestamp(nanoseconds: file.mtimeNanoseconds))</dd>"
            + "<dt>Findings</dt><dd>\(HTML.number(file.findingCount))</dd>"
        if file.clinicalTerms > 0 { out += "<dt>Clinical terms</dt><dd>\(HTML.number(file.clinicalTerms))</dd>" }
        out += "</dl>"
        if file.status == .encrypted || file.status.isLimit {
            out += "<p class=\"notice\">Part of this file could not be read (\(HTML.escape(file.status.rawValue))): its risk may be higher than shown.</p>"
        }
        let factors = RiskFactorLines(file.riskExplanation)
        if !factors.factors.isEmpty {
            out += "<h2 id=\"why\">Why it is risky</h2><p class=\"muted\">Points per factor; the score is their sum, capped at 100.</p>"
            out += HTML.table(
                id: "factors", caption: "Risk factors and their points", head: ["#points", "factor"],
                rows: factors.factors.map { [$0.points.map { "+\($0)" } ?? "", HTML.escape($0.label)] })
        }
        if !content.tallies.isEmpty {
            out += "<h2 id=\"by-type\">Findings by type</h2>"
            out += HTML.table(
                id: "file-types", caption: "Findings in this file per identifier type", head: ["type", "#findings"],
                rows: content.tallies.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { [HTML.escape($0.key.rawValue), HTML.number($0.value)] })
        }
        if !content.findings.isEmpty {
            out += "<h2 id=\"findings\">Findings</h2>"
            out += HTML.table(
                id: "file-findings", caption: "Findings, masked, by offset", head: ["type", "masked", "#line", "#offset", "#confidence", "where", "rule"],
                rows: content.findings.map { record in
                    let f = record.finding
                    return [
                        HTML.escape(f.type.rawValue), "<code>\(HTML.escape(f.masked))</code>", f.inName ? "" : String(f.line),
                        f.inName ? "" : String(f.span.offset), Formatting.confidence(f.confidence), f.inName ? "name" : "content",
                        HTML.escape(f.rule.rawValue),
                    ]
                }, filter: true)
            out += HTML.pager(
                path: "/file", items: runItem + [("id", String(file.id))], offset: content.findingsOffset, pageSize: content.pageSize,
                total: file.findingCount)
        }
        if content.memberTotal > 0 {
            out += "<h2 id=\"members\">Archive members (\(HTML.number(content.memberTotal)))</h2>"
            out += FileRows.table(content.members, run: run, id: "members-table", caption: "Members directly inside this archive, riskiest first")
            if content.memberTotal > content.members.count {
                out += "<p class=\"muted\">The \(content.members.count) riskiest of \(HTML.number(content.memberTotal)) members; "
                    + "<a href=\"\(HTML.href("/export/csv", runItem + [("under", file.path)]))\">export all as CSV</a>.</p>"
            }
        }
        out += "<h2 id=\"linked\">Linked files</h2>"
        if content.linked.isEmpty {
            out += "<p class=\"muted\">No other file of this run shares an identifier value with this one.</p>"
        } else {
            let shown = content.linked.count >= content.pageSize ? "The \(content.pageSize) files sharing the most values" : "Every file sharing a value"
            out += HTML.table(
                id: "linked-table",
                caption: "\(shown) with this one: values that name one person (SSN, MRN, MBI, member ID …), so the same people elsewhere",
                head: ["#shared values", "types", "#risk", "path"],
                rows: content.linked.map { link in
                    [
                        HTML.number(link.sharedValues), HTML.escape(link.types.map(\.rawValue).joined(separator: ", ")), String(link.riskScore),
                        "<a href=\"\(HTML.href("/file", runItem + [("id", String(link.id))]))\">\(HTML.escape(link.path))</a>",
                    ]
                }, filter: true)
        }
        out += Exports.links(run: run, under: file.path)
        return out
    }
}
