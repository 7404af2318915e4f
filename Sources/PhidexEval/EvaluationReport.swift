// `phidex eval` output: the accuracy tables as text, or the whole evaluation as JSON.

import Foundation
import PhidexReport

/// Renders an Evaluation for people (aligned tables) or programs (one JSON object).
public enum EvaluationReport {
    public static func text(_ e: Evaluation) -> [String] {
        var out: [String] = []
        out.append("phidex eval: corpus seed \(e.seed), scale \(e.scale); run \(e.run) over \(e.root)")
        out.append("  \(e.manifestFiles) files and members in the manifest, \(e.indexedFiles) in the index; "
            + "\(e.findings) findings at confidence >= \(String(format: "%.2f", e.minimumConfidence))")
        out.append("")

        out.append("Identifier types (distinct path, type and value)")
        var types = TextTable([
            ("type", .left), ("planted", .right), ("found", .right), ("decoy", .right), ("unexpected", .right),
            ("at container", .right), ("precision", .right), ("recall", .right), ("F1", .right),
        ])
        for t in e.types {
            types.add([
                t.type, "\(t.planted)", "\(t.found)", "\(t.decoyHits)", "\(t.unexpected)", "\(t.atContainer)",
                fraction(t.precision), fraction(t.recall), fraction(t.f1),
            ])
        }
        out += types.lines()
        out.append("  (\(e.plantsBehindExpectations) planted identifiers sit in encrypted or over-limit files: left out of recall)")
        out.append("")

        for (title, groups) in [("Recall by format (innermost file)", e.formats), ("Recall by container", e.containers)] {
            out.append(title)
            var table = TextTable([
                ("group", .left), ("files", .right), ("planted", .right), ("found", .right), ("recall", .right),
                ("ssn+itin", .right), ("found", .right), ("recall", .right),
            ])
            for g in groups {
                table.add([
                    g.group, "\(g.files)", "\(g.planted)", "\(g.found)", fraction(g.recall), "\(g.taxIDPlanted)",
                    "\(g.taxIDFound)", fraction(g.taxIDRecall),
                ])
            }
            out += table.lines()
            out.append("")
        }

        out.append("Decoys (must not be reported)")
        var decoys = TextTable([("kind", .left), ("imitates", .left), ("planted", .right), ("hits", .right), ("reported as", .left)])
        for d in e.decoys {
            decoys.add([d.kind, d.imitates, "\(d.planted)", "\(d.hits)", d.reportedAs.joined(separator: ", ")])
        }
        out += decoys.lines()
        out.append("")

        out.append("Not reached (outermost file the scan did reach)")
        if e.unreached.isEmpty {
            out.append("  none")
        } else {
            var table = TextTable([
                ("path", .left), ("format", .left), ("status", .left), ("members", .right), ("plants", .right), ("reason", .left),
            ])
            for u in e.unreached {
                table.add([u.path, u.format, u.status, "\(u.membersNotReached)", "\(u.plantsInside)", u.reason])
            }
            out += table.lines()
        }
        if !e.errors.isEmpty {
            out.append("")
            out.append("Files the scan could not read")
            var table = TextTable([("path", .left), ("format", .left), ("status", .left), ("plants", .right), ("reason", .left)])
            for u in e.errors { table.add([u.path, u.format, u.status, "\(u.plantsInside)", u.reason]) }
            out += table.lines()
        }
        out.append("")

        out.append("Expected outcomes")
        var expectations = TextTable([("path", .left), ("expected", .left), ("observed", .left), ("met", .left)])
        for x in e.expectations { expectations.add([shortened(x.path), x.expected, x.observed, x.met ? "yes" : "NO"]) }
        out += expectations.lines()

        if !e.unexpectedFindings.isEmpty {
            out.append("")
            out.append("Unexpected findings (neither planted nor a decoy; first \(e.unexpectedFindings.count))")
            var table = TextTable([("path:line", .left), ("type", .left), ("masked", .left), ("conf", .right), ("rule", .left)])
            for u in e.unexpectedFindings {
                table.add(["\(u.path):\(u.line)", u.type, u.masked, Formatting.confidence(u.confidence), u.rule])
            }
            out += table.lines()
        }
        if !e.missedInLooseFiles.isEmpty {
            out.append("")
            out.append("Missed in loose files, for types and formats found elsewhere (detector gaps; first \(e.missedInLooseFiles.count))")
            var table = TextTable([("path", .left), ("format", .left), ("type", .left), ("masked", .left)])
            for m in e.missedInLooseFiles { table.add([m.path, m.format, m.type, m.masked]) }
            out += table.lines()
        }
        return out
    }

    /// A deeply nested member path with its middle levels elided: `a.zip!b.zip!…(17)…!t.zip!note.txt`.
    static func shortened(_ path: String) -> String {
        let parts = path.split(separator: "!", omittingEmptySubsequences: false)
        guard parts.count > 5 else { return path }
        return (parts.prefix(2) + ["…(\(parts.count - 4) more)…"] + parts.suffix(2)).joined(separator: "!")
    }

    /// The evaluation as one JSON object (sorted keys), for scripts and CI.
    public static func json(_ e: Evaluation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(e), as: UTF8.self)
    }

    private static func fraction(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
}
