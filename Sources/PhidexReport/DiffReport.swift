// `phidex diff` output: a table of files whose PHI changed, or JSON Lines.

public import PhidexIndex
import PhidexCore

/// Writes a `RunDiff` as text or JSON Lines.
public enum DiffReport {
    public static func text(_ diff: RunDiff, to emit: (String) throws -> Void) throws {
        try emit("phidex diff: run \(diff.earlier) → run \(diff.later): \(diff.changes.count) files changed in PHI")
        guard !diff.changes.isEmpty else { return }
        var table = TextTable([("change", .left), ("risk", .left), ("findings", .right), ("types", .left), ("path", .left)])
        for change in diff.changes {
            table.add([
                change.kind.rawValue, "\(risk(change.before)) → \(risk(change.after))",
                "\(change.before?.findings ?? 0) → \(change.after?.findings ?? 0)", types(change.before, change.after),
                change.path,
            ])
        }
        for line in table.lines() { try emit(line) }
    }

    public static func jsonLines(_ diff: RunDiff, to emit: (String) throws -> Void) throws {
        for change in diff.changes {
            var object = JSONObject()
            object.add("change", change.kind.rawValue)
            object.add("path", change.path)
            object.add("run_before", diff.earlier)
            object.add("run_after", diff.later)
            object.add("findings_before", change.before?.findings ?? 0)
            object.add("findings_after", change.after?.findings ?? 0)
            object.add("risk_before", change.before?.riskScore ?? 0)
            object.add("risk_after", change.after?.riskScore ?? 0)
            object.add("types_before", strings: (change.before?.types ?? []).map(\.rawValue).sorted())
            object.add("types_after", strings: (change.after?.types ?? []).map(\.rawValue).sorted())
            try emit(object.rendered)
        }
    }

    static func risk(_ summary: FileSummary?) -> String {
        summary.map { "\($0.riskScore) \($0.riskTier.rawValue)" } ?? "–"
    }

    /// Types as `dob ssn +mrn -phone`: kept, gained (+) and lost (-).
    static func types(_ before: FileSummary?, _ after: FileSummary?) -> String {
        let old = before?.types ?? [], new = after?.types ?? []
        let kept = old.intersection(new).map(\.rawValue).sorted()
        let gained = new.subtracting(old).map { "+" + $0.rawValue }.sorted()
        let lost = old.subtracting(new).map { "-" + $0.rawValue }.sorted()
        return (kept + gained + lost).joined(separator: " ")
    }
}
