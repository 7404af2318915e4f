// `phidex explain` output: a file's risk, factor by factor, with what it holds
// and how exposed it is. Values never appear; findings are counted by type.

public import PhidexCore
public import PhidexIndex

/// One file's risk, explained.
public enum ExplainReport {
    public static func write(
        _ file: FileRecord, tallies: [IdentifierType: Int], run: Int64, to emit: (String) throws -> Void
    ) throws {
        try emit("\(file.path)")
        try emit("  risk        \(file.riskScore) of 100, \(file.riskTier.rawValue) (run \(run))")
        try emit("  status      \(file.status.rawValue)" + (file.reason.map { ": \($0)" } ?? ""))
        let permissions = String(file.mode & 0o7777, radix: 8)
        try emit("  exposure    owner uid \(file.uid), group gid \(file.gid), permissions \(String(repeating: "0", count: max(0, 4 - permissions.count)) + permissions)"
            + " (the factors say whether its folders let others reach it)")
        if file.status == .encrypted || file.status.isLimit {
            try emit("  unknown     part of its content could not be read (\(file.status.rawValue)): its risk may be higher than shown")
        }
        try emit("  findings    \(file.findingCount)" + (tallies.isEmpty ? "" : ": " + tallies.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")))
        if file.clinicalTerms > 0 { try emit("  clinical    \(file.clinicalTerms) clinical terms (ICD-10 codes, clinical vocabulary)") }
        guard !file.riskExplanation.isEmpty else { return }
        try emit("  factors (points; the score is their sum, capped at 100):")
        for line in RiskFactorLines(file.riskExplanation).lines(indent: 4) { try emit(line) }
    }
}
