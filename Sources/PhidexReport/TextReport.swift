// `phidex report` for people: what was scanned, what was found, which files
// matter most and why, and what could not be read.

public import PhidexIndex
import PhidexCore
import PhidexScore

/// The plain-text summary of one run.
public struct TextReport {
    public var topFiles: Int
    public var errorLimit: Int

    public init(topFiles: Int = 10, errorLimit: Int = 20) {
        self.topFiles = topFiles
        self.errorLimit = errorLimit
    }

    /// Writes the report of `run` line by line.
    public func write(from reader: IndexReader, run: RunRecord, to emit: (String) throws -> Void) throws {
        let totals = run.totals
        try emit("Phidex report: run \(run.id) (\(run.status)), index \(reader.location.path)")
        try emit("  roots      \(run.roots.joined(separator: ", "))")
        try emit("  started    \(run.startedAt)" + (run.finishedAt.map { ", finished \($0)" } ?? ""))
        try emit("  rules      ruleset \(run.rulesetVersion), Phidex \(run.phidexVersion)")
        let seen = totals.filesOK + totals.filesError + totals.filesSkipped
        try emit(
            "  files      \(seen) seen: \(totals.filesOK) read, \(totals.filesError) not readable, \(totals.filesSkipped) skipped; "
                + "\(Formatting.bytes(totals.bytesScanned)) scanned")

        let tallies = try reader.typeTallies(run: run.id)
        let filesWithFindings = try reader.filesWithFindings(run: run.id)
        try emit("  findings   \(totals.findings) in \(filesWithFindings) file\(filesWithFindings == 1 ? "" : "s")")
        let tiers = try reader.tierCounts(run: run.id)
        if let highest = RiskTier.allCases.reversed().first(where: { (tiers[$0] ?? 0) > 0 && $0 != .none }) {
            let counts = RiskTier.allCases.reversed().filter { $0 != .none && (tiers[$0] ?? 0) > 0 }.map { "\(tiers[$0]!) \($0.rawValue)" }
            try emit("  risk       highest \(highest.rawValue); files by tier: \(counts.joined(separator: ", "))")
        }
        let people = try reader.individuals(run: run.id, types: RiskModel.builtIn.strongTypes.sorted())
        if people.estimate > 0 {
            try emit("  people     about \(people.estimate) individuals exposed (at least \(people.lowerBound)): "
                + "distinct identifier values, linked when found in one record")
        }
        try emit("")

        if !tallies.isEmpty {
            try emit("Findings by type")
            try emit("  " + Formatting.padded("type", 18) + Formatting.rightAligned("findings", 10)
                + Formatting.rightAligned("distinct", 10) + Formatting.rightAligned("files", 8))
            for tally in tallies {
                try emit("  " + Formatting.padded(tally.type.rawValue, 18) + Formatting.rightAligned("\(tally.findings)", 10)
                    + Formatting.rightAligned("\(tally.distinctValues)", 10) + Formatting.rightAligned("\(tally.files)", 8))
            }
            try emit("")
        }

        var risky: [FileRecord] = []
        try reader.files(run: run.id, order: .risk, limit: topFiles) { if $0.riskScore > 0 { risky.append($0) } }
        if !risky.isEmpty {
            try emit("Riskiest files")
            try emit("  score  tier      findings  path")
            for file in risky {
                try emit("  " + Formatting.rightAligned("\(file.riskScore)", 5) + "  " + Formatting.padded(file.riskTier.rawValue, 9)
                    + Formatting.rightAligned("\(file.findingCount)", 9) + "  " + file.path)
                for line in RiskFactorLines(file.riskExplanation).lines(indent: 9) { try emit(line) }
            }
            try emit("")
        }

        var unknown: [FileRecord] = []
        try reader.files(run: run.id, order: .risk) { if $0.status == .encrypted || $0.status.isLimit { unknown.append($0) } }
        if !unknown.isEmpty {
            try emit("Unknown risk: content that could not be read (\(unknown.count))")
            for file in unknown.prefix(errorLimit) { try emit("  \(file.status.rawValue)  \(file.path)") }
            if unknown.count > errorLimit { try emit("  … and \(unknown.count - errorLimit) more (phidex query --status encrypted --status limit)") }
            try emit("")
        }

        var failed: [FileRecord] = []
        try reader.files(run: run.id, statuses: [.error]) { failed.append($0) }
        if !failed.isEmpty {
            try emit("Not readable (\(failed.count))")
            for file in failed.prefix(errorLimit) { try emit("  \(file.path): \(file.reason ?? "unknown reason")") }
            if failed.count > errorLimit {
                try emit("  … and \(failed.count - errorLimit) more (phidex report --format jsonl lists them all)")
            }
            try emit("")
        }

        var skipReasons: [String: Int] = [:]
        try reader.files(run: run.id, statuses: [.skipped]) { skipReasons[$0.reason ?? "skipped", default: 0] += 1 }
        if !skipReasons.isEmpty {
            try emit("Skipped (\(skipReasons.values.reduce(0, +)))")
            for (reason, count) in skipReasons.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                try emit("  " + Formatting.rightAligned("\(count)", 6) + "  \(reason)")
            }
            try emit("")
        }
        try emit("Values are masked; the index holds keyed hashes, never identifier values.")
    }
}
