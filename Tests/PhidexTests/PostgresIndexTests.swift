// The index on PostgreSQL: a SQLite index loaded into it (`phidex index copy`)
// holds the same runs, files, findings and links; several loads merge; a load
// with another key, into a newer schema, or with a password on the command line
// is refused, and a refused load writes nothing.

import Foundation
import Testing

@Suite(.enabled(if: TestPostgres.server != nil, TestPostgres.absent))
struct PostgresIndexTests {
    /// A tree with findings in text, a CSV, a member of a zip, and a file name; scanned twice
    /// (the second run links unchanged files instead of writing them again).
    private func scannedIndex(_ tree: TestTree, name: String = "", key: String? = nil) throws -> String {
        try tree.file("notes/visit.txt", "Patient SSN: 401-23-7788\nPhone (303) 555-0142\n")
        try tree.file("exports/roster.csv", "name,ssn,npi\nAda Example,401-23-7789,1245319599\nBo Sample,401-23-7790,\n")
        try tree.file("hr/staff 401-23-7791.txt", "nothing else here\n")
        let index = tree.root + name + ".db"
        let keyArguments = key.map { ["--key-file", $0] } ?? []
        for _ in 0..<2 {
            let scan = try PhidexBinary.run(["scan", tree.root, "--index", index] + keyArguments)
            #expect(scan.status == 0, "\(scan.stderr)")
        }
        try tree.file("notes/later.txt", "SSN 401-23-7792\n")
        let third = try PhidexBinary.run(["scan", tree.root, "--index", index] + keyArguments)
        #expect(third.status == 0, "\(third.stderr)")
        try FileManager.default.removeItem(atPath: tree.path("notes/later.txt"))
        return index
    }

    /// What both engines must agree on, one line per row, in a fixed order.
    private static let dumps = [
        "SELECT id, status, files_ok, files_error, files_skipped, bytes_scanned, findings, reuse_key FROM scan_run ORDER BY id",
        "SELECT id, run_id, path, size, status, bytes_read, finding_count, risk_score, risk_tier, risk_explanation, clinical_terms, complete, path_key FROM file ORDER BY id",
        "SELECT f.id, f.file_id, f.rule_id, f.type, f.byte_offset, f.length, f.line, f.masked, f.value_key, r.text, f.record, f.location FROM finding f LEFT JOIN reason r ON r.id = f.reason_id ORDER BY f.id",
        "SELECT run_id, file_id FROM run_file ORDER BY run_id, file_id",
        "SELECT run_id, rule_id, content_hash FROM run_rule ORDER BY run_id, rule_id",
    ]

    @Test func aCopiedIndexHoldsTheSameRowsAsItsSQLiteSource() throws {
        let tree = try TestTree("pg-copy")
        let index = try scannedIndex(tree)
        let target = try TestPostgres.database("copy")
        let copy = try PhidexBinary.run(["index", "copy", "--index", index, target])
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stderr.contains("3 runs"), "\(copy.stderr)")
        for dump in Self.dumps {
            let expected = try sqlite(index, dump)
            #expect(!expected.isEmpty)
            #expect(try TestPostgres.psql(target, dump) == expected, "\(dump)")
        }
        // Confidence is a float on both sides: compared as the same numbers.
        let confidences = "SELECT id, confidence FROM finding ORDER BY id"
        let sqliteValues = try sqlite(index, confidences).split(separator: "\n").map { Double($0.split(separator: "|")[1])! }
        let postgresValues = try TestPostgres.psql(target, confidences).split(separator: "\n").map { Double($0.split(separator: "|")[1])! }
        #expect(sqliteValues == postgresValues)
        #expect(try TestPostgres.psql(target, "SELECT value FROM meta WHERE key = 'key_fingerprint'") == sqlite(index, "SELECT value FROM meta WHERE key = 'key_fingerprint'"))
        // The lookup indexes are there, as on SQLite.
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('finding_value_key', 'finding_type', 'file_run_path', 'file_run_risk', 'finding_file')") == "5")
        // New rows written in PostgreSQL later get ids after the copied ones.
        let nextRun = try TestPostgres.psql(
            target, "INSERT INTO scan_run (started_at, status, roots, options, ruleset_version, phidex_version) VALUES ('x', 'running', '[]', '{}', 'r', 'v') RETURNING id")
        #expect(nextRun == "4")
    }

    @Test func twoHostsIndexesMergeAsSeparateRunsWithTheirLinksIntact() throws {
        // Two hosts scan the same kind of share into indexes of their own, with one key file.
        let tree = try TestTree("pg-merge")
        let index = try scannedIndex(tree, name: "-host1")
        let second = try scannedIndex(tree, name: "-host2", key: index + ".key")
        let target = try TestPostgres.database("merge")
        #expect(try PhidexBinary.run(["index", "copy", "--index", index, target]).status == 0)
        let again = try PhidexBinary.run(["index", "copy", "--index", second, "--key-file", index + ".key", target])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("as runs 4-6"), "\(again.stderr)")
        let counts = "SELECT (SELECT count(*) FROM scan_run), (SELECT count(*) FROM file), (SELECT count(*) FROM finding), (SELECT count(*) FROM run_file), (SELECT count(*) FROM reason)"
        let single = try sqlite(index, counts).split(separator: "|").map { Int($0)! }
        #expect(try sqlite(second, counts).split(separator: "|").map { Int($0)! } == single)
        let merged = try TestPostgres.psql(target, counts).split(separator: "|").map { Int($0)! }
        #expect(merged == [single[0] * 2, single[1] * 2, single[2] * 2, single[3] * 2, single[4]], "reasons are shared by text")
        // Loading an index a second time would count its files and people twice: refused.
        let twice = try PhidexBinary.run(["index", "copy", "--index", index, target])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("loaded already (as runs 1-3"), "\(twice.stderr)")
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM scan_run") == String(single[0] * 2))
        // Each copy's runs link only that copy's files, and every finding's file is its own copy's.
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM run_file l JOIN file f ON f.id = l.file_id WHERE (l.run_id > 3) <> (f.id > \(single[1]))") == "0")
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM finding g LEFT JOIN file f ON f.id = g.file_id WHERE f.id IS NULL") == "0")
        // The second copy's run 6 is the first copy's run 3, row for row.
        let third = "SELECT f.path, g.type, g.value_key, g.masked FROM finding g JOIN file f ON f.id = g.file_id JOIN run_file l ON l.file_id = f.id WHERE l.run_id = %d ORDER BY 1, 2, 3, 4"
        #expect(try TestPostgres.psql(target, String(format: third, 3)) == TestPostgres.psql(target, String(format: third, 6)))
    }

    @Test func aCopyWithAnotherKeyOrIntoANewerSchemaIsRefusedAndWritesNothing() throws {
        let tree = try TestTree("pg-refuse")
        let index = try scannedIndex(tree)
        let target = try TestPostgres.database("refuse")
        #expect(try PhidexBinary.run(["index", "copy", "--index", index, target]).status == 0)
        let before = try TestPostgres.psql(target, "SELECT count(*) FROM finding")

        // Another index, made with another key, cannot join: its value keys would not compare.
        let other = try TestTree("pg-refuse-other")
        let otherIndex = try scannedIndex(other)
        let refused = try PhidexBinary.run(["index", "copy", "--index", otherIndex, target])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("does not belong to the index"), "\(refused.stderr)")
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM finding") == before)

        // An index written by a newer Phidex is left alone.
        try TestPostgres.psql(target, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        let newer = try PhidexBinary.run(["index", "copy", "--index", index, target])
        #expect(newer.status == 2)
        #expect(newer.stderr.contains("newer Phidex (schema 99"), "\(newer.stderr)")
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM finding") == before)
    }

    @Test func aPasswordOnTheCommandLineIsRefusedAndNeverEchoed() throws {
        let tree = try TestTree("pg-password")
        let index = try scannedIndex(tree)
        let spellings = [
            "postgresql://phidex:Sekrit-Pw-1@127.0.0.1:1/phidex", "host=127.0.0.1 password=Sekrit-Pw-1 dbname=phidex",
            "host=127.0.0.1 password = Sekrit-Pw-1", "postgresql://phidex@127.0.0.1:1/phidex?passwor%64=Sekrit-Pw-1",
        ]
        for target in spellings {
            for command in [["index", "copy", "--index", index, target], ["report", "--index", target], ["query", "--type", "ssn", "--index", target]] {
                let result = try PhidexBinary.run(command)
                #expect(result.status == 2, "\(command)")
                #expect(result.stderr.contains("PGPASSFILE"), "\(result.stderr)")
                #expect(!result.stderr.contains("Sekrit") && !result.stdout.contains("Sekrit"), "\(result.stderr)")
            }
        }
        // A server that cannot be reached is named, and the run fails cleanly.
        let unreachable = try PhidexBinary.run(["index", "copy", "--index", index, "postgresql://phidex@127.0.0.1:1/phidex"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot connect to PostgreSQL"), "\(unreachable.stderr)")
    }
}

/// Every read command answers the same from a SQLite index and from its copy in PostgreSQL: the
/// same text, JSON Lines, CSV, SARIF and HTML, the same lookups and exit statuses.
@Suite(.enabled(if: TestPostgres.server != nil, TestPostgres.absent))
struct EngineParityTests {
    /// How the PostgreSQL index is made: loaded from the SQLite index, or scanned into directly
    /// (a shared run of one host) beside the SQLite scans of the same trees.
    enum Making: String, CaseIterable, Sendable { case copy, scan }

    @Test(arguments: Making.allCases) func readCommandsGiveTheSameAnswersOnBothEngines(_ making: Making) throws {
        let tree = try TestTree("pg-parity")
        try tree.file("clinic/visit.txt", "Patient SSN: 401-23-7788\nMRN: MR-0048213\nDOB: 03/14/1962\nPhone (303) 555-0142\n")
        try tree.file("exports/roster.csv", "name,ssn,npi,dob\nAda Example,401-23-7789,1245319599,1970-01-02\nBo Sample,401-23-7788,,1981-12-30\n")
        try tree.file("exports/notes.txt", "Reference only: 401-23-7789\n")
        let index = tree.root + ".db"
        let target = try TestPostgres.database("parity_\(making)")
        func scanBoth() throws {
            #expect(try PhidexBinary.run(["scan", tree.root, "--index", index]).status == 0)
            guard making == .scan else { return }
            let shared = try PhidexBinary.run(["scan", tree.root, "--index", target, "--key-file", index + ".key", "--shard-depth", "1"])
            #expect(shared.status == 0, "\(shared.stderr)")
        }
        try scanBoth()
        try tree.file("exports/later.csv", "ssn\n401-23-7790\n")
        try FileManager.default.removeItem(atPath: tree.path("exports/notes.txt"))
        try scanBoth()
        if making == .copy {
            #expect(try PhidexBinary.run(["index", "copy", "--index", index, target]).status == 0)
        }
        let values = tree.root + "-values.txt"
        try "401-23-7788\n401-23-7790\n999-99-0000\n".write(toFile: values, atomically: false, encoding: .utf8)

        let commands: [[String]] = [
            ["report"], ["report", "--format", "jsonl"], ["report", "--format", "csv"], ["report", "--format", "sarif"],
            ["report", "--format", "html"], ["report", "--run", "1"], ["report", "--by", "folder", "--depth", "2"],
            ["query", "--type", "ssn"], ["query", "--type", "ssn", "--format", "jsonl"], ["query", "--under", tree.path("exports")],
            ["query", "--ssn", "401-23-7788"], ["query", "--ssn", "123-45-0000"], ["query", "--values-from", values, "--type", "ssn"],
            ["query", "--linked", tree.path("clinic/visit.txt")], ["query", "--tier", "high"], ["query", "--status", "error"],
            ["query", "--world-readable", "--format", "csv"], ["query", "--min-confidence", "0.9"],
            ["diff"], ["diff", "1", "2", "--format", "jsonl"], ["explain", tree.path("exports/roster.csv")],
        ]
        // Scanned separately, the runs differ in their times and how long they took, nothing else.
        func untimed(_ output: String) -> String {
            guard making == .scan else { return output }
            return output.replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "TIME").replacing(/\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?( UTC)?/, with: "TIME")
                .replacing(/in \d+(\.\d+)? s/, with: "in S")
        }
        for command in commands {
            let sqlite = try PhidexBinary.run(command + ["--index", index])
            let postgres = try PhidexBinary.run(command + ["--index", target, "--key-file", index + ".key"])
            #expect(postgres.status == sqlite.status, "\(command): \(postgres.stderr)")
            #expect(untimed(postgres.stdout.replacingOccurrences(of: target, with: index)) == untimed(sqlite.stdout), "\(command)")
            #expect(!sqlite.stdout.isEmpty || sqlite.status != 0, "\(command) printed nothing")
        }
        // `eval` scores the same from either engine: the bundled corpus, scanned once, then copied.
        guard making == .copy else { return }
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus").path
        let corpusIndex = tree.root + "-corpus.db"
        let onSQLite = try PhidexBinary.run(["eval", corpus, "--index", corpusIndex])
        #expect(onSQLite.status == 0, "\(onSQLite.stderr)")
        let corpusTarget = try TestPostgres.database("parity_eval")
        #expect(try PhidexBinary.run(["index", "copy", "--index", corpusIndex, corpusTarget]).status == 0)
        let onPostgres = try PhidexBinary.run(["eval", corpus, "--index", corpusTarget, "--key-file", corpusIndex + ".key"])
        #expect(onPostgres.status == 0, "\(onPostgres.stderr)")
        #expect(onPostgres.stdout == onSQLite.stdout && onSQLite.stdout.contains("precision"), "\(onPostgres.stdout)")

        // A lookup needs the key; without it the PostgreSQL index says how to give it.
        let keyless = try PhidexBinary.run(["query", "--ssn", "401-23-7788", "--index", target])
        #expect(keyless.status == 2)
        #expect(keyless.stderr.contains("--key-file"), "\(keyless.stderr)")
        // A scan into PostgreSQL names the key file every host shares; without it nothing starts.
        let scan = try PhidexBinary.run(["scan", tree.root, "--index", target])
        #expect(scan.status == 2)
        #expect(scan.stderr.contains("--key-file"), "\(scan.stderr)")
    }
}

/// The roles of docs/postgres-roles.sql, as written there: the scanner loads, the auditor reads
/// and cannot write.
@Suite(.enabled(if: TestPostgres.server != nil, TestPostgres.absent))
struct PostgresRolesTests {
    @Test func theDocumentedRolesLoadAndReadButAnAuditorCannotWrite() throws {
        let server = try #require(TestPostgres.server)
        let roles = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/postgres-roles.sql").path
        // The roles are the cluster's: scripts/postgres starts a new one for each test run.
        try TestPostgres.psql(server, "\\i \(roles)")
        let password = "Pw-\(UInt32.random(in: 0...UInt32.max))"
        try TestPostgres.psql(server, "ALTER ROLE phidex_scanner PASSWORD '\(password)'; ALTER ROLE phidex_auditor PASSWORD '\(password)'")
        let tree = try TestTree("pg-roles")
        try tree.file("visit.txt", "Patient SSN: 401-23-7788\n")
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index]).status == 0)
        let host = try #require(server.range(of: "@")).upperBound
        let hostPort = String(server[host...].prefix { $0 != "/" })
        let passfile = tree.root + "-pgpass"
        try "\(hostPort):*:phidex_scanner:\(password)\n\(hostPort):*:phidex_auditor:\(password)\n".write(toFile: passfile, atomically: false, encoding: .utf8)
        chmod(passfile, 0o600)
        let environment = ["/usr/bin/env", "PGPASSFILE=\(passfile)"]
        let scanner = "postgresql://phidex_scanner@\(hostPort)/phidex_estate", auditor = "postgresql://phidex_auditor@\(hostPort)/phidex_estate"

        // The first load into the scanner's empty database creates the index's tables.
        let load = try PhidexBinary.run(["index", "copy", "--index", index, scanner], prefix: environment)
        #expect(load.status == 0, "\(load.stderr)")
        let report = try PhidexBinary.run(["report", "--index", auditor], prefix: environment)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("ssn"), "\(report.stdout)")
        // Another host's index, same key: the scanner could load it; the auditor cannot.
        let other = tree.root + "-other.db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", other, "--key-file", index + ".key"]).status == 0)
        let write = try PhidexBinary.run(["index", "copy", "--index", other, "--key-file", index + ".key", auditor], prefix: environment)
        #expect(write.status == 2)
        #expect(write.stderr.contains("read-only") || write.stderr.contains("permission denied"), "\(write.stderr)")
        // The scanner scans straight in (a shared run); the auditor cannot.
        let shared = try PhidexBinary.run(["scan", tree.root, "--index", scanner, "--key-file", index + ".key", "-q"], prefix: environment)
        #expect(shared.status == 0, "\(shared.stderr)")
        let auditorScan = try PhidexBinary.run(["scan", tree.root, "--index", auditor, "--key-file", index + ".key", "-q"], prefix: environment)
        #expect(auditorScan.status == 2)
        #expect(auditorScan.stderr.contains("read-only") || auditorScan.stderr.contains("permission denied"), "\(auditorScan.stderr)")
        #expect(!write.stderr.contains(password) && !report.stderr.contains(password) && !auditorScan.stderr.contains(password))
    }
}

/// A load killed outright (SIGKILL, in the middle of its COPY of findings) leaves the database as it
/// was: the server rolls the transaction back. Loading again then brings everything.
@Suite(.enabled(if: TestPostgres.server != nil, TestPostgres.absent))
struct PostgresKilledLoadTests {
    @Test func aLoadKilledMidCopyLeavesNothingAndTheNextOneLoadsAll() throws {
        let tree = try TestTree("pg-kill")
        // 120,000 findings: long enough a COPY to be caught in the middle.
        var rows = "id,ssn\n"
        for n in 0..<120_000 { rows += "\(n),\(401 + n % 200)-\(10 + n % 80)-\(String(format: "%04d", 1 + n % 9000))\n" }
        try tree.file("exports/roster.csv", rows)
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index]).status == 0)
        let findings = try sqlite(index, "SELECT count(*) FROM finding")
        #expect(Int(findings)! >= 100_000)
        let target = try TestPostgres.database("kill")
        let database = String(target[target.index(after: target.range(of: "/", options: .backwards)!.lowerBound)...])

        let load = Process()
        load.executableURL = PhidexBinary.url
        load.arguments = ["index", "copy", "--index", index, target]
        load.standardOutput = FileHandle.nullDevice
        load.standardError = FileHandle.nullDevice
        try load.run()
        // Wait for the COPY of findings to be under way, then kill the loader outright.
        let server = try #require(TestPostgres.server)
        var copying = false
        for _ in 0..<400 where !copying {
            copying = try TestPostgres.psql(
                server, "SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND query LIKE 'COPY finding%'") != "0"
            if !copying { usleep(10_000) }
        }
        #expect(copying, "the load was over before it could be caught copying findings")
        kill(load.processIdentifier, SIGKILL)
        load.waitUntilExit()
        // The server ends the orphaned transaction once it sees the connection gone.
        var left = "1"
        for _ in 0..<200 where left != "0" {
            left = try TestPostgres.psql(server, "SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND pid <> pg_backend_pid()")
            if left != "0" { usleep(50_000) }
        }
        #expect(try TestPostgres.psql(target, "SELECT to_regclass('finding') IS NULL") == "t", "nothing of the killed load is there, not even the schema")

        let again = try PhidexBinary.run(["index", "copy", "--index", index, target])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try TestPostgres.psql(target, "SELECT count(*) FROM finding") == findings)
    }
}
