// End to end through the library: a temporary tree is scanned into an index,
// then checked through IndexReader the way `query` and `report` read it.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexCrawl
import PhidexDetect
import PhidexIndex
import PhidexScan
import Testing

/// A small share: nested folders, an SSN straddling a 4 KiB read boundary, a file without a
/// trailing newline, an empty file, a symlink loop, a FIFO and a decoy file.
func makeShare() throws -> TestTree {
    let tree = try TestTree("share")
    try tree.file("hr/staff.csv", "id,name,ssn,dob\n1,Avery Example,401-23-7788,1970-01-01\n2,Blake Sample,773-41-2290,1981-02-02\n")
    try tree.file("hr/archive/2019/notes.txt", "Follow-up visit.\nPatient SSN: 078-05-1123\nNo changes.\n")
    // 4,090 bytes of filler, then the SSN: its digits straddle byte 4,096.
    try tree.file("clinic/big.txt", String(repeating: "lorem ipsum\n", count: 340) + "ab SSN 401-23-7788 end\n")
    try tree.file("clinic/no-newline.txt", "soc sec 801-42-1234")
    try tree.file("clinic/empty.txt", "")
    try tree.file("clinic/assessment.txt", "Assessment: type 2 diabetes (E11.9); prescribed metformin.\n")
    try tree.file("finance/decoys.txt", "phone 401237788\nrouting 021000021\nratio 0.304262935\nsample 078-05-1120\n")
    try tree.symlink("hr/archive/up", to: "../..")
    tree.fifo("clinic/pipe")
    return tree
}

func scanOptions(_ tree: TestTree, index: String, crawl: CrawlOptions = CrawlOptions(), jobs: Int = 2) -> ScanOptions {
    ScanOptions(roots: [tree.root], index: IndexLocation(path: index), jobs: jobs, chunkSize: 4096, crawl: crawl)
}

@Suite struct ScanTests {
    let engine = Shared.engine

    func files(_ reader: IndexReader, run: Int64) throws -> [String: FileRecord] {
        var files: [String: FileRecord] = [:]
        try reader.files(run: run) { files[$0.path] = $0 }
        return files
    }

    @Test func scanIndexesFindingsStatusesAndRisk() async throws {
        let tree = try makeShare()
        let index = tree.path("out/phidex.db")
        try tree.directory("out")
        let result = try await Scan.run(scanOptions(tree, index: index, crawl: CrawlOptions(exclude: ["out"])), engine: engine)
        #expect(result.status == .completed)

        let reader = try IndexReader(location: IndexLocation(path: index))
        let run = try reader.defaultRun()
        #expect(run.id == result.runID)
        #expect(run.totals == result.totals)
        let byPath = try files(reader, run: run.id)

        #expect(byPath[tree.path("hr/staff.csv")]?.findingCount == 6, "two SSNs, two dates of birth (the dob column), two names")
        #expect(byPath[tree.path("clinic/big.txt")]?.findingCount == 1, "the SSN across the 4 KiB boundary")
        #expect(byPath[tree.path("clinic/no-newline.txt")]?.findingCount == 1)
        #expect(byPath[tree.path("clinic/empty.txt")]?.status == .ok)
        #expect(byPath[tree.path("clinic/assessment.txt")]?.clinicalTerms == 3, "assessment, E11.9, prescribed")
        #expect(byPath[tree.path("clinic/assessment.txt")]?.findingCount == 0, "clinical context is not a finding")
        #expect(byPath[tree.path("finance/decoys.txt")]?.findingCount == 0)
        #expect(byPath[tree.path("hr/archive/up")]?.status == .skipped)
        #expect(byPath[tree.path("hr/archive/up")]?.reason == "symbolic link (not followed)")
        #expect(byPath[tree.path("clinic/pipe")]?.reason == "special file (FIFO)")
        #expect(byPath.keys.allSatisfy { !$0.hasPrefix(tree.path("out")) }, "excluded folder is not walked")

        // Risk: two distinct SSNs outrank one.
        let staff = try #require(byPath[tree.path("hr/staff.csv")])
        let notes = try #require(byPath[tree.path("hr/archive/2019/notes.txt")])
        #expect(staff.riskScore > notes.riskScore)
        #expect(staff.riskExplanation.contains("2 distinct ssn"))
        #expect(byPath[tree.path("finance/decoys.txt")]?.riskTier == RiskTier.none)

        // The finding across the boundary has the right offset and line.
        var big: [FindingRecord] = []
        try reader.findings(run: run.id, filter: FindingFilter(under: tree.path("clinic/big.txt"))) { big.append($0) }
        #expect(big.map(\.finding.span.offset) == [340 * 12 + 7])
        #expect(big.map(\.finding.line) == [341])
    }

    /// A file with more findings than one batch reaches the index in batches while it is read, and
    /// still ends as one row with its total, its score and every finding; so does an archive member.
    @Test func filesWithManyFindingsAreIndexedInBatches() async throws {
        let tree = try TestTree("scan-batches")
        let lines = (0..<40_000).map { String(format: "%08d,512-44-%04d\n", 1_000_000 + $0, $0 % 9_000 + 1_000) }.joined()
        let csv = "mrn,ssn\n" + lines
        try tree.file("export.csv", csv)
        try tree.bytes("backup.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "export.csv", content: .bytes(Array(csv.utf8)))]))
        let index = tree.root + ".db"
        let result = try await Scan.run(scanOptions(tree, index: index), engine: Shared.engine)
        #expect(result.totals.findings == 160_000)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let rows = try files(reader, run: result.runID)
        #expect(rows.count == 3, "\(rows.keys.sorted())")
        for path in ["export.csv", "backup.zip!export.csv"] {
            let file = try #require(rows[tree.path(path)])
            #expect(file.findingCount == 80_000 && file.status == .ok, "\(path)")
            #expect(file.riskExplanation.contains("40000 distinct mrn") && file.riskExplanation.contains("9000 distinct ssn"), "\(file.riskExplanation)")
        }
        var stored = 0
        try reader.findings(run: result.runID) { _ in stored += 1 }
        #expect(stored == 160_000)
    }

    /// Copies of one content (backup copies, an archive saved twice) are read once: each copy gets
    /// the same findings and score under its own path, with its own metadata.
    @Test func identicalContentIsReadOnce() async throws {
        let tree = try TestTree("scan-copies")
        let csv = "mrn,ssn\n" + (0..<6_000).map { String(format: "%08d,512-44-%04d\n", 1_000_000 + $0, $0 % 9_000 + 1_000) }.joined()
        try tree.file("a/patients.csv", csv)
        try tree.file("b/patients-copy.csv", csv)
        try tree.file("c/patients (1).csv", csv)
        // Same size, one digit different (in the middle, outside the sampled head and tail): not a copy.
        var different = Array(csv.utf8)
        let middle = different.count / 2
        let digit = different[middle...].firstIndex { $0 >= 0x30 && $0 <= 0x38 }!
        different[digit] += 1
        try tree.bytes("d/patients-edited.csv", different)
        let zip = try ArchiveBuilder.build(.zipStored, members: [ArchiveMember(name: "export/patients.csv", content: .bytes(Array(csv.utf8)))])
        try tree.bytes("a/export.zip", zip)
        try tree.bytes("b/export-old.zip", zip)
        chmod(tree.path("c/patients (1).csv"), 0o600)
        let index = tree.root + ".db"
        let result = try await Scan.run(scanOptions(tree, index: index, jobs: 1), engine: Shared.engine)
        #expect(result.totals.filesCopies == 3, "\(result.totals)")
        #expect(result.totals.findings == 6 * 12_000)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let rows = try files(reader, run: result.runID)
        for path in ["a/patients.csv", "b/patients-copy.csv", "c/patients (1).csv", "a/export.zip!export/patients.csv", "b/export-old.zip!export/patients.csv"] {
            let file = try #require(rows[tree.path(path)], "\(path)")
            #expect(file.findingCount == 12_000 && file.riskScore == rows[tree.path("a/patients.csv")]?.riskScore, "\(path)")
        }
        #expect(rows[tree.path("c/patients (1).csv")]?.mode == 0o100600, "a copy keeps its own permissions")
        #expect(rows[tree.path("d/patients-edited.csv")]?.findingCount == 12_000, "read, not copied")
        var copies = 0
        try reader.findings(run: result.runID, filter: FindingFilter(under: tree.path("b"))) { _ in copies += 1 }
        #expect(copies == 24_000)
    }

    @Test func valueQueryFindsEveryFileHoldingTheValue() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        _ = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let run = try reader.defaultRun()
        let key = try reader.requireKeyer().key(for: try #require(ValueNormalizer.normalize("401 23 7788", as: .ssn)))
        var paths: [String] = []
        try reader.findings(run: run.id, filter: FindingFilter(valueKey: key)) { paths.append($0.path) }
        #expect(paths == [tree.path("clinic/big.txt"), tree.path("hr/staff.csv")])

        var under: [String] = []
        try reader.findings(run: run.id, filter: FindingFilter(types: [.ssn], under: tree.path("hr"))) { under.append($0.finding.masked) }
        #expect(under == ["***-**-1123", "***-**-7788", "***-**-2290"])

        // A folder's name as a prefix of a sibling's ("hr" vs "hr2") is not "under" it.
        try tree.file("hr2/x.txt", "SSN 078-05-1123")
        var none = 0
        try reader.findings(run: run.id, filter: FindingFilter(under: tree.path("h"))) { _ in none += 1 }
        #expect(none == 0)
    }

    @Test func followingSymlinksNeverLoops() async throws {
        let tree = try makeShare()
        try tree.symlink("clinic/self", to: ".")
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        let result = try await Scan.run(
            scanOptions(tree, index: index, crawl: CrawlOptions(followSymlinks: true)), engine: engine)
        #expect(result.status == .completed)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let byPath = try files(reader, run: result.runID)
        #expect(byPath[tree.path("hr/archive/up")]?.reason == "symbolic link to a directory already walked (loop or alias)")
        #expect(byPath[tree.path("clinic/self")]?.status == .skipped)
        // Each real file is read once, under its own path.
        #expect(byPath.keys.filter { $0.hasSuffix("staff.csv") }.count == 1)
    }

    @Test func reasonsAreStoredOncePerText() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        let result = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        let reader = try IndexReader(location: IndexLocation(path: index))
        var texts: [String] = []
        try reader.findings(run: result.runID) { texts.append($0.finding.reason) }
        #expect(texts.count == result.totals.findings && texts.allSatisfy { !$0.isEmpty }, "every finding reads back its reason")
        #expect(try sqlite(index, "SELECT COUNT(*) FROM reason") == String(Set(texts).count))
        #expect(try sqlite(index, "SELECT COUNT(*) FROM finding WHERE reason <> '' OR reason_id IS NULL") == "0")
    }

    @Test func includeAndExcludeGlobs() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        let result = try await Scan.run(
            scanOptions(tree, index: index, crawl: CrawlOptions(include: ["*.csv", "*.txt"], exclude: ["archive", "clinic/big*"])),
            engine: engine)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let paths = Set(try files(reader, run: result.runID).keys.map { String($0.dropFirst(tree.root.count + 1)) })
        #expect(paths == ["hr/staff.csv", "clinic/no-newline.txt", "clinic/empty.txt", "clinic/assessment.txt", "finance/decoys.txt"])
    }

    @Test func theIndexNeverContainsClearValues() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        _ = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        for suffix in ["", "-wal", "-shm", ".key"] {
            guard let data = FileManager.default.contents(atPath: index + suffix) else { continue }
            let bytes = [UInt8](data)
            for value in ["401237788", "401-23-7788", "773412290", "773-41-2290", "078051123", "078-05-1123", "801421234"] {
                #expect(!contains(bytes, Array(value.utf8)), "\(value) in clear in index\(suffix)")
            }
        }
        // Index and key are private to their owner.
        for path in [index, index + ".key"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path)")
        }
    }

    @Test func aSecondScanAddsARunAndQueriesUseTheNewest() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        let first = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        try tree.file("new/extra.txt", "SSN 801-42-1234")
        let second = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        #expect(second.runID == first.runID + 1)
        #expect(second.totals.findings == first.totals.findings + 1)
        let reader = try IndexReader(location: IndexLocation(path: index))
        #expect(try reader.defaultRun().id == second.runID)
        #expect(try reader.runs().map(\.status) == ["completed", "completed"])
    }

    @Test func aScanIsTheSameWhateverTheConcurrency() async throws {
        let tree = try makeShare()
        for n in 0..<40 { try tree.file("many/\(n).txt", n % 3 == 0 ? "SSN 401-23-\(7700 + n)\n" : "nothing here \(n)\n") }
        func snapshot(jobs: Int) async throws -> [String] {
            let index = tree.path("../\(UUID().uuidString).db")
            defer { removeIndex(index) }
            let result = try await Scan.run(scanOptions(tree, index: index, jobs: jobs), engine: engine)
            let reader = try IndexReader(location: IndexLocation(path: index))
            var lines: [String] = []
            try reader.files(run: result.runID) { lines.append("\($0.path) \($0.status) \($0.riskScore) \($0.findingCount)") }
            try reader.findings(run: result.runID) { lines.append("\($0.path) \($0.finding.span) \($0.finding.masked)") }
            return lines
        }
        let serial = try await snapshot(jobs: 1)
        #expect(try await snapshot(jobs: 4) == serial)
        #expect(serial.count > 40)
    }

    @Test func aCancelledScanLeavesAConsistentInterruptedRun() async throws {
        let tree = try TestTree("cancel")
        for n in 0..<3000 { try tree.file("d\(n % 30)/f\(n).txt", "row \(n) SSN 401-23-\(String(format: "%04d", 1 + n % 9000))\n") }
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        let progress = ScanProgress()
        let engine = self.engine
        let options = scanOptions(tree, index: index, jobs: 1)
        let scan = Task { try await Scan.run(options, engine: engine, progress: progress) }
        while progress.files == 0 { try await Task.sleep(for: .milliseconds(1)) }
        scan.cancel()
        let result = try await scan.value

        let reader = try IndexReader(location: IndexLocation(path: index))
        let run = try reader.run(id: result.runID)
        #expect(run.status == result.status.rawValue)
        var files = 0
        var findings = 0
        try reader.files(run: run.id) { files += 1; findings += $0.findingCount }
        var rows = 0
        try reader.findings(run: run.id) { _ in rows += 1 }
        // Whatever was recorded is whole: totals, file rows and finding rows agree.
        #expect(files == run.totals.filesOK + run.totals.filesError + run.totals.filesSkipped)
        #expect(findings == rows)
        #expect(rows == run.totals.findings)
        if result.status == .interrupted {
            #expect(files < 3000)
        } else {
            #expect(files == 3000, "finished before the cancellation arrived")
        }
    }

    @Test func anIndexFromANewerPhidexIsRefused() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        _ = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        try sqlite(index, "PRAGMA user_version = 99")
        #expect { try IndexReader(location: IndexLocation(path: index)) } throws: { error in
            "\(error)".contains("newer Phidex")
        }
        await #expect { try await Scan.run(scanOptions(tree, index: index), engine: engine) } throws: { error in
            "\(error)".contains("newer Phidex")
        }
    }

    @Test func anExistingIndexWithoutItsKeyIsRefusedAndNoKeyIsMade() async throws {
        let tree = try makeShare()
        let index = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(index) }
        _ = try await Scan.run(scanOptions(tree, index: index), engine: engine)
        try FileManager.default.removeItem(atPath: index + ".key")
        await #expect { try await Scan.run(scanOptions(tree, index: index), engine: engine) } throws: { error in
            "\(error)".contains("exists but its key")
        }
        #expect(!FileManager.default.fileExists(atPath: index + ".key"))
        // Reports still work without the key; value lookups explain why they cannot.
        let reader = try IndexReader(location: IndexLocation(path: index))
        #expect(try reader.defaultRun().totals.findings > 0)
        #expect(throws: IndexError.self) { try reader.requireKeyer() }
    }

    @Test func aKeyFromAnotherIndexIsRefused() async throws {
        let tree = try makeShare()
        let one = tree.path("../\(UUID().uuidString).db")
        let two = tree.path("../\(UUID().uuidString).db")
        defer { removeIndex(one); removeIndex(two) }
        _ = try await Scan.run(scanOptions(tree, index: one), engine: engine)
        _ = try await Scan.run(scanOptions(tree, index: two), engine: engine)
        let wrongKey = ScanOptions(
            roots: [tree.root], index: IndexLocation(path: one, keyPath: two + ".key"), jobs: 1)
        await #expect { try await Scan.run(wrongKey, engine: engine) } throws: { error in
            "\(error)".contains("does not belong")
        }
    }
}

func removeIndex(_ path: String) {
    for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if Array(haystack[start..<(start + needle.count)]) == needle { return true }
    }
    return false
}

/// Runs SQL on an index with the sqlite3 shell (test-only tampering and inspection); its output.
@discardableResult
func sqlite(_ path: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
