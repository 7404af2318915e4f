// `phidex report --format sarif`: SARIF 2.1.0, the format code-scanning tools
// and CI dashboards read. One result per finding, at its file (an archive
// member's logical path as the artifact URI) and line; the message carries the
// type, the masked preview and why the rule fired — never the value. A finding
// in a high or critical file is an error, in a medium one a warning, else a note.

public import PhidexIndex
import PhidexCore

/// Findings of one run as a SARIF log.
public enum SARIFReport {
    public static func write(from reader: IndexReader, run: RunRecord, rules: [(id: String, name: String, description: String)],
        filter: FindingFilter = FindingFilter(), to emit: (String) throws -> Void) throws {
        var tiers: [String: RiskTier] = [:]
        try reader.files(run: run.id) { if $0.findingCount > 0 && filter.admits(path: $0.path) { tiers[$0.path] = $0.riskTier } }
        var results: [String] = []
        try reader.findings(run: run.id, filter: filter) { record in
            let f = record.finding
            let tier = tiers[record.path] ?? .none
            let level = tier >= .high ? "error" : tier == .medium ? "warning" : "note"
            var message = JSONObject()
            message.add("text", "\(f.type.rawValue) \(f.masked): \(f.reason)")
            var artifact = JSONObject()
            artifact.add("uri", "file://" + record.path)
            var region = JSONObject()
            region.add("startLine", Int(f.line))
            region.add("byteOffset", Int(f.span.offset))
            region.add("byteLength", f.span.length)
            var physical = JSONObject()
            physical.add("artifactLocation", raw: artifact.rendered)
            physical.add("region", raw: region.rendered)
            var location = JSONObject()
            location.add("physicalLocation", raw: physical.rendered)
            var properties = JSONObject()
            properties.add("confidence", f.confidence)
            properties.add("fileRiskTier", tier.rawValue)
            var result = JSONObject()
            result.add("ruleId", f.rule.rawValue)
            result.add("level", level)
            result.add("message", raw: message.rendered)
            result.add("locations", raw: "[" + location.rendered + "]")
            result.add("properties", raw: properties.rendered)
            results.append(result.rendered)
        }
        let ruleObjects = rules.map { rule -> String in
            var object = JSONObject()
            object.add("id", rule.id)
            object.add("name", rule.name)
            var short = JSONObject()
            short.add("text", rule.description)
            object.add("shortDescription", raw: short.rendered)
            return object.rendered
        }
        var driver = JSONObject()
        driver.add("name", "Phidex")
        driver.add("version", run.phidexVersion)
        driver.add("rules", raw: "[" + ruleObjects.joined(separator: ",") + "]")
        var tool = JSONObject()
        tool.add("driver", raw: driver.rendered)
        var invocation = JSONObject()
        invocation.add("executionSuccessful", run.status == "completed")
        var sarifRun = JSONObject()
        sarifRun.add("tool", raw: tool.rendered)
        sarifRun.add("invocations", raw: "[" + invocation.rendered + "]")
        sarifRun.add("results", raw: "[" + results.joined(separator: ",") + "]")
        var log = JSONObject()
        log.add("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        log.add("version", "2.1.0")
        log.add("runs", raw: "[" + sarifRun.rendered + "]")
        try emit(log.rendered)
    }
}
