// `make console-bench`: the console's page latency on an index of millions of findings.
// Generates a share dense with PHI (patient exports in folders of 100), scans it with the
// release build once (cached), starts `phidex serve` on it, and times every page from a
// client on loopback (curl's total time, after one warm-up request each): medians and
// 90th percentiles.

import Foundation
import PhidexCorpus

struct ConsoleLatency {
    let work: String
    let phidex: String
    let files: Int
    let runs: Int

    func run() throws {
        let share = work + "/console/share", index = work + "/console/index.db"
        let stamp = work + "/console/stamp"
        let wanted = "exports \(files) files; v1\n"
        let fm = FileManager.default
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) != wanted {
            for path in [share, index, index + "-wal", index + "-shm", index + ".key", stamp] where fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
            note("generating \(files) patient exports into \(share) (once; cached)")
            try BenchCorpus.writeExports(into: share, files: files)
            note("scanning them into \(index)")
            let scan = try ChildProcess.run([phidex, "scan", share, "--index", index, "-q"])
            note(String(format: "scanned in %.1f s", scan.seconds))
            try wanted.write(toFile: stamp, atomically: true, encoding: .utf8)
        }
        let findings = try sqlite(index, "SELECT findings FROM scan_run ORDER BY id DESC LIMIT 1")
        let fileCount = try sqlite(index, "SELECT COUNT(*) FROM file")
        let indexBytes = (try fm.attributesOfItem(atPath: index)[.size] as? Int) ?? 0

        let server = Process()
        server.executableURL = URL(fileURLWithPath: phidex)
        server.arguments = ["serve", "--index", index, "--port", "0", "--audit-log", work + "/console/audit.jsonl", "--lookup-values-per-hour", "100000", "--lookups-per-minute", "1000"]
        let errors = Pipe()
        server.standardError = errors
        server.standardOutput = FileHandle.nullDevice
        let started = ContinuousClock.now
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        var log = ""
        var port = 0
        while port == 0 {
            let data = errors.fileHandleForReading.availableData
            if data.isEmpty { throw BenchError("phidex serve stopped: \(log)") }
            log += String(decoding: data, as: UTF8.self)
            if let range = log.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                port = Int(log[range].dropFirst(10).dropLast()) ?? 0
            }
        }
        errors.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
        let base = "http://127.0.0.1:\(port)"
        let jar = work + "/console/cookies"
        unlink(jar)
        let first = try curl(base + "/", jar: jar)
        let firstSeconds = seconds(since: started)
        guard first.status == 200 else { throw BenchError("the dashboard answered \(first.status)") }

        let root = URL(fileURLWithPath: share).standardizedFileURL.path
        let riskiest = try sqlite(index, "SELECT id FROM file ORDER BY risk_score DESC, finding_count DESC, path LIMIT 1")
        let lookupPage = try curl(base + "/lookup", jar: jar).body
        guard let csrf = lookupPage.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression).map({ String(lookupPage[$0].dropFirst(19).dropLast()) })
        else { throw BenchError("no CSRF token on the lookup page") }
        let sample = try String(contentsOfFile: root + "/dept-0000/export-000000.csv", encoding: .utf8)
        // The patient_ssn column: nine digits between commas (the chart number has eight).
        guard let ssn = sample.range(of: #",[0-9]{9},"#, options: .regularExpression).map({ String(sample[$0].dropFirst().dropLast()) }) else {
            throw BenchError("no SSN in the first export")
        }
        let pages: [(String, [String])] = [
            ("dashboard", [base + "/"]),
            ("folders: the root (\(files / 100) subfolders)", [base + "/folders?path=" + root]),
            ("folder: 100 exports, page 1", [base + "/folders?path=" + root + "/dept-0001"]),
            ("file: the riskiest, findings page 1", [base + "/file?id=" + riskiest]),
            ("file: findings page 4", [base + "/file?id=" + riskiest + "&page=3"]),
            ("runs", [base + "/runs"]),
            ("unknown risk", [base + "/unknown"]),
            ("lookup form", [base + "/lookup"]),
            ("lookup: one SSN (POST)", ["-X", "POST", "-F", "csrf=" + csrf, "-F", "type=ssn", "-F", "value=" + ssn, base + "/lookup"]),
            ("export: one folder as CSV", [base + "/export/csv?under=" + root + "/dept-0002"]),
        ]
        print("## Console latency (`make console-bench`)\n")
        print("Index: \(findings) findings in \(fileCount) files and members, \(format(Double(indexBytes) / 1e9, 2)) GB (SQLite); "
            + "\(runs) requests per page after one warm-up, from curl on loopback. First dashboard after start (the run's overview computed): "
            + "\(format(firstSeconds, 2)) s.\n")
        print("| page | median ms | p90 ms | bytes |")
        print("|---|---:|---:|---:|")
        for (name, arguments) in pages {
            _ = try curl(arguments, jar: jar)
            var times: [Double] = []
            var bytes = 0
            for _ in 0..<runs {
                let reply = try curl(arguments, jar: jar)
                guard reply.status == 200 else { throw BenchError("\(name) answered \(reply.status)") }
                times.append(reply.seconds * 1000)
                bytes = reply.bytes
            }
            times.sort()
            let p90 = times[min(times.count - 1, Int((Double(times.count) * 0.9).rounded(.up)) - 1)]
            print("| \(name) | \(format(Measurements.median(times), 1)) | \(format(p90, 1)) | \(bytes) |")
        }
        let status = try String(contentsOfFile: "/proc/\(server.processIdentifier)/status", encoding: .utf8)
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "?" } ?? "?"
        print("\nServer peak RSS: \(rss) kB.")
    }

    struct Reply {
        var status: Int
        var seconds: Double
        var bytes: Int
        var body: String
    }

    private func curl(_ url: String, jar: String) throws -> Reply { try curl([url], jar: jar) }

    private func curl(_ arguments: [String], jar: String) throws -> Reply {
        let body = work + "/console/body"
        let out = try output(["curl", "-s", "-o", body, "-b", jar, "-c", jar, "-w", "%{http_code} %{time_total} %{size_download}"] + arguments)
        let parts = out.split(separator: " ")
        guard parts.count == 3 else { throw BenchError("curl printed \(out)") }
        return Reply(
            status: Int(parts[0]) ?? 0, seconds: Double(parts[1]) ?? 0, bytes: Int(parts[2]) ?? 0,
            body: (try? String(contentsOfFile: body, encoding: .utf8)) ?? "")
    }

    private func sqlite(_ index: String, _ sql: String) throws -> String {
        try output(["sqlite3", "-readonly", index, sql]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func output(_ argv: [String]) throws -> String { try ChildProcess.output(argv) }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}
