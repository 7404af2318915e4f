// Runs shared by several scanner processes on one PostgreSQL index: the result
// of any number of hosts, one of them killed mid-shard, is the result of one
// host scanning the tree into SQLite. Values are synthetic.

import Foundation
import PhidexCore
import PhidexCrawl
import PhidexDetect
import PhidexIndex
import PhidexScan
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A tree of several shards at depth 2, each long enough (a few hundred milliseconds) to be caught
/// in the middle, with people shared across shards (the individuals estimate links them).
private func estateTree(_ name: String, departments: Int = 4) throws -> TestTree {
    let tree = try TestTree(name)
    for department in 0..<departments {
        for team in 0..<2 {
            var rows = "id,name,ssn,mrn\n"
            for n in 0..<4000 {
                let person = (department * 7 + team * 3 + n) % 2500
                rows += "\(n),Person \(person),\(400 + person % 100)-\(10 + person % 80)-\(String(format: "%04d", 1000 + person)),MR-\(String(format: "%07d", 4_000_000 + person))\n"
            }
            try tree.file("dept\(department)/team\(team)/roster.csv", rows)
            for note in 0..<6 {
                try tree.file(
                    "dept\(department)/team\(team)/notes/visit\(note).txt",
                    "Patient SSN: \(401 + note)-23-77\(10 + department)\nMRN: MR-00482\(10 + team)\nPhone (303) 555-01\(40 + note)\n")
            }
        }
        try tree.file("dept\(department)/readme.txt", "Department share \(department): no patient data here.\n")
    }
    try tree.file("top-level.txt", "SSN 401-23-7788 at the root of the share\n")
    try tree.file("archive.zip", "not really a zip: read as bytes\n")
    return tree
}

/// What a run holds, engine and time aside: every file with its status and findings (path, type,
/// value key), and the text report (people exposed, tiers, riskiest files).
private func contents(_ index: String, key: String) throws -> (jsonl: [String], report: String) {
    let jsonl = try PhidexBinary.run(["report", "--format", "jsonl", "--index", index, "--key-file", key])
    #expect(jsonl.status == 0, "\(jsonl.stderr)")
    let lines = jsonl.stdout.split(separator: "\n").map(String.init).filter { !$0.contains(#""record":"run""#) }.sorted()
    let text = try PhidexBinary.run(["report", "--index", index, "--key-file", key])
    #expect(text.status == 0, "\(text.stderr)")
    let report = text.stdout.replacing(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d)?Z?( UTC)?/, with: "TIME").replacing(index, with: "INDEX")
    return (lines, report)
}

private func sqlScalar(_ url: String, _ sql: String) throws -> Int { Int(try TestPostgres.psql(url, sql)) ?? -1 }

/// Starts `phidex` without waiting for it.
private func launch(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = PhidexBinary.url
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite(.enabled(if: TestPostgres.server != nil, TestPostgres.absent), .serialized)
struct SharedRunTests {
    @Test func twoHostsShareOneRunAndOneKilledMidShardLeavesTheResultOfOneHost() throws {
        let tree = try estateTree("shared-kill")
        let single = tree.root + ".db", key = tree.root + ".db.key"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", single, "-q"]).status == 0)
        let target = try TestPostgres.database("shared_kill")
        let host = ["scan", tree.root, "--index", target, "--key-file", key, "-q", "--jobs", "1", "--stale-after", "2"]

        // Host A plans the run and starts on its shards; host B joins; A is killed holding a claim.
        let a = try launch(host)
        var planned = false
        for _ in 0..<2000 where !planned {
            planned = try TestPostgres.psql(target, "SELECT to_regclass('scan_shard') IS NOT NULL") == "t"
            if !planned { usleep(5_000) }
        }
        let holds = "SELECT count(*) FROM scan_shard WHERE state = 'claimed' AND worker LIKE '% pid \(a.processIdentifier)'"
        var holding = false
        for _ in 0..<1000 where !holding {
            holding = try sqlScalar(target, holds) > 0
            if !holding { usleep(5_000) }
        }
        #expect(holding, "host A finished before it could be caught holding a shard")
        let b = try launch(host)
        usleep(100_000)
        // Killed while it holds a claim, not between two shards: A is frozen (SIGSTOP) and its claim
        // looked at; if it holds none, it goes on (SIGCONT) until it does. Frozen mid-bring-in, its
        // shard still reads as claimed (the transaction is not committed) and is rolled back.
        var killed = false
        for _ in 0..<500 where !killed {
            kill(a.processIdentifier, SIGSTOP)
            if try sqlScalar(target, holds) > 0 {
                kill(a.processIdentifier, SIGKILL)
                killed = true
            } else {
                kill(a.processIdentifier, SIGCONT)
                usleep(3_000)
            }
        }
        #expect(killed, "host A was never caught holding a shard")
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(b.terminationStatus == 0)

        // B took over A's claim once its heartbeat stopped: the run is complete, each shard in once.
        #expect(try TestPostgres.psql(target, "SELECT status FROM scan_run") == "completed")
        #expect(try sqlScalar(target, "SELECT count(*) FROM scan_shard") == 0, "a completed run's queue is gone")
        #expect(try sqlScalar(target, "SELECT claimed_again FROM scan_job") >= 1, "B took A's shard over")
        let expected = try contents(single, key: key)
        let shared = try contents(target, key: key)
        #expect(shared.jsonl.count == expected.jsonl.count)
        #expect(shared.jsonl == expected.jsonl)
        #expect(shared.report == expected.report)
        #expect(try sqlScalar(target, "SELECT count(*) FROM file") == (try sqlScalar(single, sqlite: "SELECT count(*) FROM file")))
        #expect(try sqlScalar(target, "SELECT count(*) FROM finding") == (try sqlScalar(single, sqlite: "SELECT count(*) FROM finding")))
        #expect(try sqlScalar(target, "SELECT count(*) FROM (SELECT path FROM file GROUP BY path HAVING count(*) > 1) doubled") == 0)
    }

    @Test func aShardTakenOverIsNotBroughtInByTheHostThatLostIt() async throws {
        let tree = try estateTree("shared-fence", departments: 1)
        let target = try TestPostgres.database("shared_fence")
        let key = tree.root + ".key"
        let engine = Shared.engine
        let options = ScanOptions(roots: [tree.root], index: IndexLocation(path: target, keyPath: key), jobs: 1)
        let info = RunInfo(
            roots: [tree.root], optionsJSON: options.json, rulesetVersion: engine.catalogue.version, phidexVersion: PhidexVersion.current)
        let index = PostgresIndex(conninfo: target, keyPath: key)
        let first = try SharedRun(index: index, name: "fence", run: info, shardDepth: 1, worker: "host-a") {
            [(rootIndex: 0, shard: CrawlShard(kind: .root, root: tree.root))]
        }
        #expect(first.planned)
        let second = try SharedRun(index: index, name: "fence", run: info, shardDepth: 1, worker: "host-b") {
            Issue.record("a host joining a planned run plans nothing")
            return []
        }
        #expect(!second.planned && second.runID == first.runID)

        let claimed = try #require(try first.claim(rootIndexes: [0], staleAfter: 60))
        #expect(try second.claim(rootIndexes: [0], staleAfter: 60) == nil, "a live claim is not taken")
        var staging = options
        staging.index = IndexLocation(path: tree.root + "-staging.db", keyPath: key)
        staging.shards = [claimed.shard]
        let scanned = try await Scan.run(staging, engine: engine)
        #expect(scanned.status == .completed)
        // A's heartbeat stops (it is taken for dead): B claims the shard again, with the next attempt.
        try await Task.sleep(for: .milliseconds(1200))
        let takenOver = try #require(try second.claim(rootIndexes: [0], staleAfter: 1))
        #expect(takenOver.id == claimed.id && takenOver.attempt == claimed.attempt + 1)
        #expect(try first.bringIn(claimed, staging: staging.index.path, localRoot: tree.root) == .fenced)
        #expect(try sqlScalar(target, "SELECT count(*) FROM file") == 0, "the fenced host brought nothing")
        let brought = try second.bringIn(takenOver, staging: staging.index.path, localRoot: tree.root)
        guard case .brought(let files, _, let finished) = brought else {
            Issue.record("the host holding the claim brings the shard in: \(brought)")
            return
        }
        #expect(files > 0 && finished)
        #expect(try TestPostgres.psql(target, "SELECT status FROM scan_run") == "completed")
    }

    @Test func smallGroupsAreClaimedBroughtInAndFencedTogether() async throws {
        let tree = try TestTree("shared-batch")
        for folder in 0..<6 {
            for file in 0..<3 { _ = try tree.file("f\(folder)/note-\(file).txt", "Seen today. MRN: 0055\(folder)12\(file)\n") }
        }
        let target = try TestPostgres.database("shared_batch")
        let key = tree.root + ".key"
        let engine = Shared.engine
        let options = ScanOptions(roots: [tree.root], index: IndexLocation(path: target, keyPath: key), jobs: 1)
        let info = RunInfo(
            roots: [tree.root], optionsJSON: options.json, rulesetVersion: engine.catalogue.version, phidexVersion: PhidexVersion.current)
        let index = PostgresIndex(conninfo: target, keyPath: key)
        let planner = ShardPlanner(depth: 2)
        let first = try SharedRun(index: index, name: "batch", run: info, shardDepth: 2, worker: "host-a") {
            planner.plan(roots: [tree.root], options: options.crawl).map { (rootIndex: 0, shard: $0) }
        }
        let second = try SharedRun(index: index, name: "batch", run: info, shardDepth: 2, worker: "host-b") { [] }
        // Six folders of three files: six small groups of entries, claimed at once.
        let batch = try first.claimBatch(rootIndexes: [0], staleAfter: 60)
        #expect(batch.count == 6 && batch.allSatisfy { $0.shard.kind == .entries && $0.shard.names.count == 3 })
        #expect(try second.claimBatch(rootIndexes: [0], staleAfter: 60).isEmpty, "nothing left to claim")
        var staging = options
        staging.index = IndexLocation(path: tree.root + "-staging.db", keyPath: key)
        staging.shards = batch.map(\.shard)
        let scanned = try await Scan.run(staging, engine: engine)
        #expect(scanned.status == .completed && scanned.totals.filesOK == 18)
        // One shard of the batch is taken over: the host that lost it brings none of the six, and gives the other five back.
        try await Task.sleep(for: .milliseconds(1200))
        let takenOver = try #require(try second.claim(rootIndexes: [0], staleAfter: 1))
        #expect(try first.bringIn(batch, staging: staging.index.path, localRoot: tree.root) == .fenced)
        #expect(try sqlScalar(target, "SELECT count(*) FROM file") == 0)
        #expect(try sqlScalar(target, "SELECT count(*) FROM scan_shard WHERE state = 'pending'") == 5)
        #expect(try sqlScalar(target, "SELECT count(*) FROM scan_shard WHERE state = 'claimed' AND worker = 'host-b'") == 1)
        // The rest, claimed again as a batch and brought in whole, with the one taken over: every file once.
        let rest = try second.claimBatch(rootIndexes: [0], staleAfter: 60)
        #expect(rest.count == 5)
        var again = options
        again.index = IndexLocation(path: tree.root + "-staging2.db", keyPath: key)
        again.shards = ([takenOver] + rest).map(\.shard)
        #expect(try await Scan.run(again, engine: engine).status == .completed)
        guard case .brought(let files, _, let finished) = try second.bringIn([takenOver] + rest, staging: again.index.path, localRoot: tree.root) else {
            Issue.record("the batch is brought in")
            return
        }
        #expect(files == 18 && finished)
        #expect(try sqlScalar(target, "SELECT count(*) FROM file") == 18)
    }

    @Test func aHostMountingTheShareElsewhereRecordsThePathsTheIndexUses() throws {
        let tree = try estateTree("shared-map", departments: 1)
        let mount = tree.root + "-mount"
        try FileManager.default.createSymbolicLink(atPath: mount, withDestinationPath: tree.root)
        let target = try TestPostgres.database("shared_map")
        let key = tree.root + ".key"
        let scan = try PhidexBinary.run([
            "scan", mount, "--index", target, "--key-file", key, "-q", "--root-map", "\(mount)=\(tree.root)", "--run", "estate",
        ])
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(try TestPostgres.psql(target, "SELECT roots FROM scan_run") == "[\"\(tree.root)\"]")
        #expect(try sqlScalar(target, "SELECT count(*) FROM file WHERE path NOT LIKE '\(tree.root)/%'") == 0)
        #expect(try sqlScalar(target, "SELECT count(*) FROM file") == 17)
    }

    /// Eight hosts (processes) at once against one server: every file and finding exactly once.
    @Test func eightHostsAtOnceLoseAndDoubleNothing() throws {
        let tree = try estateTree("shared-eight", departments: 8)
        let single = tree.root + ".db", key = tree.root + ".db.key"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", single, "-q"]).status == 0)
        let target = try TestPostgres.database("shared_eight")
        let hosts = try (0..<8).map { _ in
            try launch(["scan", tree.root, "--index", target, "--key-file", key, "-q", "--jobs", "1", "--run", "eight"])
        }
        for host in hosts {
            host.waitUntilExit()
            #expect(host.terminationStatus == 0)
        }
        #expect(try TestPostgres.psql(target, "SELECT count(*), min(status) FROM scan_run") == "1|completed")
        #expect(try contents(target, key: key).jsonl == (try contents(single, key: key)).jsonl)
        #expect(try sqlScalar(target, "SELECT count(DISTINCT id) FROM file") == (try sqlScalar(single, sqlite: "SELECT count(*) FROM file")))
    }
}

private func sqlScalar(_ path: String, sqlite sql: String) throws -> Int {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
}
