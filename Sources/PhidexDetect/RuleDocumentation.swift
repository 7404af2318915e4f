// docs/detectors.md, generated from the rule files so the catalogue and its
// documentation cannot drift apart (a test fails when the file is stale;
// `phidex rules doc > docs/detectors.md` regenerates it).

extension RuleCatalogue {
    /// The detector catalogue as Markdown.
    public func markdown() -> String {
        var lines = [
            "# Detectors",
            "",
            "Generated from `Sources/PhidexDetect/Rules/*.json` by `phidex rules doc`; do not edit by hand.",
            "Rule set version `\(version)`. Every example below is checked by `phidex rules check` and the test suite.",
            "",
            "| id | type | name | confidence | risk weight |",
            "|---|---|---|---:|---:|",
        ]
        for rule in rules {
            lines.append("| `\(rule.id)` | `\(rule.type)` | \(rule.name) | \(rule.confidence) | \(Int(rule.riskWeight)) |")
        }
        for rule in rules {
            lines += ["", "## `\(rule.id)`: \(rule.name)", "", rule.description, ""]
            lines.append("- Type: `\(rule.type)`; base confidence \(rule.confidence); risk weight \(Int(rule.riskWeight)).")
            if let shape = rule.shape { lines.append("- Shape: \(shape).") }
            if let validator = rule.validator { lines.append("- Check: `\(validator)`.") }
            if !rule.context.positive.isEmpty {
                lines.append("- Context that raises confidence: " + rule.context.positive.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            if !rule.context.negative.isEmpty {
                lines.append("- Context that lowers it: " + rule.context.negative.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            if !rule.labels.isEmpty {
                lines.append("- Labels (Vectorscan, case-insensitive): " + rule.labels.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            if !rule.prefixes.isEmpty {
                lines.append("- Structure (the value starts where these end): " + rule.prefixes.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            if !rule.columns.isEmpty {
                lines.append("- Table columns: " + rule.columns.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            if let value = rule.value { lines.append("- Value read as: `\(value)`.") }
            if !rule.references.isEmpty {
                lines.append("- References: " + rule.references.map { "<\($0)>" }.joined(separator: ", ") + ".")
            }
            lines += ["", "Matches:", ""] + rule.examples.map { "- `\(Self.inline($0))`" }
            lines += ["", "Does not match:", ""] + rule.negativeExamples.map { "- `\(Self.inline($0))`" }
        }
        return lines.joined(separator: "\n") + "\n" + StructurePolicy.builtIn.markdown()
    }

    private static func inline(_ example: String) -> String {
        example.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}
