// `phidex check ROOT... --fail-on TIER`: the migration gate. Scans (incrementally,
// into the index) and passes or fails on the files' risk, minus an accepted baseline.

import ArgumentParser
import Foundation
import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexReport
import PhidexScan

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan and pass or fail a data-hygiene policy (for CI and migration gates).",
        discussion: """
            Scans the roots into the index (only what changed since the last compatible scan is \
            read), then lists every file whose risk tier is at or above --fail-on and that holds \
            a finding not in the baseline. A baseline (--baseline FILE, written by \
            --write-baseline) lists accepted findings by path relative to the root and keyed \
            hash, never by value; it belongs with the index key that wrote it.

            Exit status: 0 when the policy passes, 1 when it fails, 2 on error (including a scan \
            that could not complete), 130 when interrupted (143 on SIGTERM, 129 on SIGHUP).
            """)

    @Argument(help: ArgumentHelp("Directories or files to check.", valueName: "root"))
    var roots: [String]

    @Option(name: .long, help: "The lowest risk that fails: any (any finding), low, medium, high or critical.")
    var failOn: Threshold = .medium

    @Option(name: .long, help: ArgumentHelp("Accepted findings (JSON Lines), not counted against the policy.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Write every current finding as a baseline to this file and pass.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup var indexOptions: IndexOptions

    @OptionGroup(title: "Archives") var archiveOptions: ArchiveOptions

    @Option(name: .shortAndLong, help: "Files scanned at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .long, help: "Read every file, even unchanged ones.")
    var full = false

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case any, low, medium, high, critical
        var tier: RiskTier? { self == .any ? nil : RiskTier(rawValue: rawValue) }
    }

    func run() async throws {
        let cwd = FileManager.default.currentDirectoryPath
        let absoluteRoots = roots.map { LogicalPath.absolute($0, currentDirectory: cwd) }
        for (given, root) in zip(roots, absoluteRoots) where access(root, F_OK) != 0 {
            throw Failure("cannot check \(given): \(describeErrno(errno))")
        }
        let accepted: Set<PolicyCheck.BaselineEntry>
        do {
            accepted = try baseline.map(PolicyCheck.readBaseline) ?? []
        } catch let error as PolicyCheck.BaselineError {
            throw Failure(error.message)
        } catch {
            throw Failure("cannot read the baseline \(baseline ?? ""): \(error.localizedDescription)")
        }
        var options = ScanOptions(roots: absoluteRoots, index: indexOptions.location, jobs: jobs, limits: archiveOptions.limits)
        options.incremental = !full
        let engine = try DetectionEngine()
        let scan = Task { try await Scan.run(options, engine: engine) }
        let interrupts = InterruptHandler { scan.cancel() }
        defer { interrupts.stop() }
        let result: ScanResult
        do { result = try await scan.value } catch let error as IndexError { throw Failure(error.message) }
        if result.status == .interrupted { throw ExitCode(interrupts.exitStatus) }
        guard result.status == .completed else { throw Failure("the scan did not complete (\(result.status.rawValue))") }

        let reader = try indexOptions.reader()
        let relative = { (path: String) -> String in
            for root in absoluteRoots where path == root || path.hasPrefix(root + "/") || path.hasPrefix(root + "!") {
                let rest = path.dropFirst(root.count)
                return rest.isEmpty ? "." : String(rest.drop { $0 == "/" })
            }
            return path
        }
        let output = StandardOutput()
        if let writeBaseline {
            guard FileManager.default.createFile(atPath: writeBaseline, contents: nil) , let handle = FileHandle(forWritingAtPath: writeBaseline) else {
                throw Failure("cannot write the baseline \(writeBaseline)")
            }
            var count = 0
            try PolicyCheck.baselineLines(from: reader, run: result.runID, relative: relative) { line in
                handle.write(Data((line + "\n").utf8))
                count += 1
            }
            try handle.close()
            Terminal.note("phidex check: baseline of \(count) accepted findings written to \(writeBaseline)")
            return
        }
        let policy = PolicyCheck(threshold: failOn.tier, baseline: accepted)
        let offenders = try policy.offenders(in: reader, run: result.runID, relative: relative)
        let rule = failOn == .any ? "any finding" : "risk \(failOn.rawValue) or above"
        if offenders.isEmpty {
            Terminal.note("phidex check: PASS — no file with \(rule)\(accepted.isEmpty ? "" : " beyond the baseline") (run \(result.runID), \(result.totals.findings) findings)")
            return
        }
        for offender in offenders {
            let file = offender.file
            try output.line("\(file.riskScore) \(file.riskTier.rawValue)  \(offender.unaccepted) unaccepted (\(offender.types.map(\.rawValue).sorted().joined(separator: ", ")))  \(file.path)")
            try output.line("    " + file.riskExplanation)
        }
        output.flush()
        Terminal.note("phidex check: FAIL — \(offenders.count) files with \(rule)\(accepted.isEmpty ? "" : " beyond the baseline") (run \(result.runID))")
        throw ExitCode(1)
    }
}
