// Incremental and crash-safe scanning, end to end through the `phidex` binary:
// a second scan copies what did not change, and a scan killed with SIGKILL in
// the middle of its work, run again, ends with exactly the result of a scan
// that was never interrupted — nothing lost, nothing twice.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexIndex
import Testing

@Suite(.serialized) struct ResumeTests {
    /// Every file row and finding of `run`, paths relative to `root`, as comparable lines.
    func snapshot(_ index: String, run: Int64, root: String) throws -> (files: [String], findings: [String]) {
        let reader = try IndexReader(location: IndexLocation(path: index))
        var files: [String] = []
        try reader.files(run: run) { file in
            files.append("\(file.path.dropFirst(root.count)) \(file.status) \(file.findingCount) \(file.riskScore) \(file.bytesRead)")
        }
        var findings: [String] = []
        try reader.findings(run: run) { record in
            let f = record.finding
            findings.append("\(record.path.dropFirst(root.count)) \(f.type) \(f.span.offset) \(f.span.length) \(f.masked) \(f.valueKey)")
        }
        return (files.sorted(), findings.sorted())
    }

    func newestRun(_ index: String) throws -> RunRecord {
        try #require(try IndexReader(location: IndexLocation(path: index)).runs().max { $0.id < $1.id })
    }

    /// A generated share (seed 5) in `tree`, scanned once into a new index: the share and the index.
    func scanCorpus(in tree: TestTree) throws -> (share: String, index: String) {
        _ = try CorpusGenerator(seed: 5, scale: 1).generate(into: tree.root)
        let share = tree.path("share")
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", share, "--index", index]).status == 0)
        return (share, index)
    }

    @Test func aSecondScanCopiesWhatDidNotChange() throws {
        let tree = try TestTree("resume-incremental")
        let (share, index) = try scanCorpus(in: tree)
        let first = try newestRun(index)
        // One file changes: only it is read again.
        let changed = share + "/exports/patients-0001.csv"
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try (text + "99999999,Quill,Avery,512-44-3817\n").write(toFile: changed, atomically: false, encoding: .utf8)
        let second = try PhidexBinary.run(["scan", share, "--index", index])
        #expect(second.status == 0)
        #expect(second.stderr.contains("unchanged, not read again"), "\(second.stderr)")
        let run = try newestRun(index)
        let before = try snapshot(index, run: first.id, root: share)
        let after = try snapshot(index, run: run.id, root: share)
        #expect(before.files.count == after.files.count)
        let differing = Set(after.files).subtracting(before.files)
        #expect(differing.count == 1 && differing.first?.hasPrefix("/exports/patients-0001.csv ") == true, "\(differing)")
        // --full reads everything again, with the same result.
        #expect(try PhidexBinary.run(["scan", share, "--index", index, "--full"]).stderr.contains("unchanged") == false)
        #expect(try snapshot(index, run: newestRun(index).id, root: share) == after)
    }

    @Test func anUnchangedFileWithAnIdentifierInItsNameKeepsItsMaskedPathAndFindings() throws {
        let tree = try TestTree("resume-names")
        let share = tree.path("share")
        try FileManager.default.createDirectory(atPath: share + "/hr/401-23-7788", withIntermediateDirectories: true)
        try "Quarterly notes, nothing else.\n".write(toFile: share + "/hr/401-23-7788/w2.txt", atomically: false, encoding: .utf8)
        try "MRN: 00142816\n".write(toFile: share + "/hr/MRN 00142816.txt", atomically: false, encoding: .utf8)
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", share, "--index", index]).status == 0)
        let first = try snapshot(index, run: newestRun(index).id, root: share)
        let second = try PhidexBinary.run(["scan", share, "--index", index])
        #expect(second.stderr.contains("2 unchanged, not read again"), "\(second.stderr)")
        let after = try snapshot(index, run: newestRun(index).id, root: share)
        #expect(after == first)
        #expect(!after.files.joined().contains("401-23-7788") && after.files.contains { $0.contains("***-**-7788~") }, "\(after.files)")
        #expect(after.findings.contains { $0.contains("/***-**-7788~") && $0.contains(" ssn ") }, "\(after.findings)")
    }

    @Test func anIndexFromBeforePathKeysIsReScannedIncrementallyAndGainsThem() throws {
        let tree = try TestTree("resume-legacy")
        let (share, index) = try scanCorpus(in: tree)
        let first = try snapshot(index, run: newestRun(index).id, root: share)
        // What schema 8 wrote: no path keys.
        _ = try sqlite(index, "ALTER TABLE file DROP COLUMN path_key; PRAGMA user_version = 8;")
        let second = try PhidexBinary.run(["scan", share, "--index", index])
        #expect(second.status == 0)
        let files = try #require(Int(try sqlite(index, "SELECT COUNT(*) FROM file WHERE instr(path, '!') = 0").trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(second.stderr.contains("\(files) unchanged, not read again"), "\(second.stderr)")
        #expect(try snapshot(index, run: newestRun(index).id, root: share) == first)
        // Carried rows were given their path keys: the next scan finds them by those.
        #expect(try sqlite(index, "SELECT COUNT(*) FROM file WHERE instr(path, '!') = 0 AND path_key IS NULL").trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let third = try PhidexBinary.run(["scan", share, "--index", index])
        #expect(third.stderr.contains("\(files) unchanged, not read again"), "\(third.stderr)")
        #expect(try snapshot(index, run: newestRun(index).id, root: share) == first)
    }

    @Test func aScanKilledMidwayResumesToTheUninterruptedResult() throws {
        let tree = try TestTree("resume-kill")
        _ = try CorpusGenerator(seed: 7, scale: 6).generate(into: tree.root)
        let share = tree.path("share")
        let reference = tree.root + "-reference.db"
        #expect(try PhidexBinary.run(["scan", share, "--index", reference, "--jobs", "2"]).status == 0)
        let expected = try snapshot(reference, run: newestRun(reference).id, root: share)

        // The same scan, into another index with the same key, killed once it has committed rows.
        let index = tree.root + "-killed.db"
        let scan = try startScan(["scan", share, "--index", index, "--key-file", reference + ".key", "--jobs", "2", "--quiet"],
            index: index, untilRows: 40)
        try #require(scan.isRunning, "the scan ended before it could be killed; make the tree bigger")
        kill(scan.processIdentifier, SIGKILL)
        scan.waitUntilExit()
        #expect(try newestRun(index).status == "running", "a killed run stays marked as not finished")

        let resumed = try PhidexBinary.run(["scan", share, "--index", index, "--key-file", reference + ".key", "--jobs", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("unchanged, not read again"), "the resumed run reuses the killed run's work: \(resumed.stderr)")
        // The next writer found no live process behind the killed run: abandoned, with what it stored.
        let runs = try IndexReader(location: IndexLocation(path: index)).runs().sorted { $0.id < $1.id }
        #expect(runs.first?.status == "abandoned", "\(runs.map(\.status))")
        #expect((runs.first?.totals.filesOK ?? 0) >= 40 && runs.first?.finishedAt == nil, "\(String(describing: runs.first))")
        let result = try snapshot(index, run: newestRun(index).id, root: share)
        #expect(result.files == expected.files)
        #expect(result.findings.count == expected.findings.count)
        #expect(result.findings == expected.findings)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func aTerminatedScanFinishesItsIndexAsInterrupted(_ signalNumber: Int32, _ status: Int32) throws {
        // What systemd, a cron timeout or a container runtime sends: the same clean stop as Ctrl-C.
        let tree = try TestTree("resume-term")
        _ = try CorpusGenerator(seed: 9, scale: 6).generate(into: tree.root)
        let index = tree.root + ".db"
        let scan = try startScan(["scan", tree.path("share"), "--index", index, "--jobs", "2", "--quiet"], index: index, untilRows: 20)
        try #require(scan.isRunning, "the scan ended before it could be signalled; make the tree bigger")
        kill(scan.processIdentifier, signalNumber)
        scan.waitUntilExit()
        #expect(scan.terminationReason == .exit && scan.terminationStatus == status, "exit \(scan.terminationStatus)")
        #expect(try newestRun(index).status == "interrupted")
        let report = try PhidexBinary.run(["report", "--index", index])
        #expect(report.status == 0)
        #expect(report.stdout.contains("(interrupted)"), "\(report.stdout.prefix(200))")
    }

    @Test func aRunWhoseWriterIsAliveIsNotMarkedAbandoned() async throws {
        let tree = try TestTree("resume-live")
        let index = IndexLocation(path: tree.root + ".db")
        let run = RunInfo(roots: ["/share"], optionsJSON: "{}", rulesetVersion: "r", phidexVersion: "v", ruleHashes: [:], reuseKey: "k")
        let first = try IndexWriter(location: index, run: run)
        // A second writer opens the index while the first is still running: the first stays running.
        let second = try IndexWriter(location: index, run: run)
        _ = try await second.finish(.completed)
        var statuses = try IndexReader(location: index).runs().sorted { $0.id < $1.id }.map(\.status)
        #expect(statuses == ["running", "completed"])
        _ = try await first.finish(.completed)
        statuses = try IndexReader(location: index).runs().sorted { $0.id < $1.id }.map(\.status)
        #expect(statuses == ["completed", "completed"])
    }

    /// Starts `phidex arguments…` and returns once its newest run in `index` has `rows` file rows
    /// committed (or the scan ended, or a minute passed): a scan to interrupt midway.
    func startScan(_ arguments: [String], index: String, untilRows rows: Int) throws -> Process {
        let scan = Process()
        scan.executableURL = PhidexBinary.url
        scan.arguments = arguments
        scan.standardOutput = FileHandle.nullDevice
        scan.standardError = FileHandle.nullDevice
        try scan.run()
        var committed = 0
        let deadline = Date().addingTimeInterval(60)
        while committed < rows && scan.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            // The index may not exist yet, or be mid-write: asked again on the next turn.
            guard let reader = try? IndexReader(location: IndexLocation(path: index)),
                let run = try? reader.runs().max(by: { $0.id < $1.id })
            else { continue }
            var count = 0
            try? reader.files(run: run.id) { _ in count += 1 }
            committed = count
        }
        return scan
    }
}
