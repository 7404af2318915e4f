// The command line as users meet it: exit codes, messages, an unreadable file
// scanned as an unprivileged user, and golden output of report and query.
// Golden files live in Tests/PhidexTests/Golden; RECORD_SNAPSHOTS=1 rewrites them.

import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct CLITests {
    /// The golden tree: fixed contents and modes, so output is stable.
    func goldenTree() throws -> TestTree {
        let tree = try TestTree("golden")
        try tree.file("share/hr/staff.csv", "id,name,ssn\n1,Avery Quill,401-23-7788\n2,Blake Rowan,773-41-2290\n3,Casey Fenn,999-12-3456\n")
        try tree.file("share/hr/notes.txt", "Patient SSN: 078-05-1123\nITIN 912-70-1234\n")
        try tree.file("share/clinic/visit.txt", "soc sec 401-23-7788")
        try tree.file("share/clinic/readme.txt", "Nothing to see: phone 401237788, version 4.01.23\n")
        try tree.file("share/clinic/empty.txt", "")
        try tree.symlink("share/clinic/link", to: "../hr")
        return tree
    }

    /// Replaces what changes between runs and machines with placeholders.
    func redact(_ text: String, root: String) -> String {
        var text = text.replacingOccurrences(of: root, with: "<tmp>")
        for pattern in [
            #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, #"ruleset [0-9a-f]{12}"#, #""ruleset_version":"[0-9a-f]{12}""#,
            #""uid":\d+,"gid":\d+"#, #""value_key":"[0-9a-f]{16}""#, #""rule_hash":"[0-9a-f]{12}""#,
        ] {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            let placeholder: String
            switch pattern.first {
            case "\\": placeholder = "<time>"
            case "r": placeholder = "ruleset <version>"
            default:
                placeholder = pattern.contains("uid") ? "\"uid\":<uid>,\"gid\":<gid>"
                    : pattern.contains("value_key") ? "\"value_key\":\"<key>\""
                    : pattern.contains("rule_hash") ? "\"rule_hash\":\"<hash>\"" : "\"ruleset_version\":\"<version>\""
            }
            text = regex.stringByReplacingMatches(in: text, range: range, withTemplate: placeholder)
        }
        return text
    }

    func assertGolden(_ name: String, _ actual: String, sourceFile: String = #filePath) throws {
        let url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try actual.write(to: url, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "golden \(name) differs; rerun with RECORD_SNAPSHOTS=1 if the change is intended")
    }

    @Test func goldenReportAndQueryOutput() throws {
        let tree = try goldenTree()
        let index = tree.path("phidex.db")
        let scan = try PhidexBinary.run(["scan", "share", "--jobs", "2", "--quiet"], in: tree.root)
        #expect(scan.status == 0, "\(scan.stderr)")
        #expect(FileManager.default.fileExists(atPath: index), "default index is ./phidex.db")

        let text = try PhidexBinary.run(["report"], in: tree.root)
        #expect(text.status == 0)
        try assertGolden("report.txt", redact(text.stdout, root: tree.root))

        let jsonl = try PhidexBinary.run(["report", "--format", "jsonl"], in: tree.root)
        #expect(jsonl.status == 0)
        try assertGolden("report.jsonl", redact(jsonl.stdout, root: tree.root))
        for line in jsonl.stdout.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }

        let query = try PhidexBinary.run(["query", "--ssn", "401-23-7788"], in: tree.root)
        #expect(query.status == 0)
        try assertGolden("query-ssn.txt", redact(query.stdout, root: tree.root))

        let under = try PhidexBinary.run(["query", "--type", "ssn", "--under", "share/hr", "--format", "jsonl"], in: tree.root)
        #expect(under.status == 0)
        try assertGolden("query-under.jsonl", redact(under.stdout, root: tree.root))
    }

    @Test func exitCodesAndMessages() throws {
        let tree = try goldenTree()
        let missing = try PhidexBinary.run(["scan", "no-such-dir"], in: tree.root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot scan no-such-dir"))

        let noIndex = try PhidexBinary.run(["report"], in: tree.root)
        #expect(noIndex.status == 2)
        #expect(noIndex.stderr.contains("no index"))

        let badFlag = try PhidexBinary.run(["scan", "--jobs", "0", "share"], in: tree.root)
        #expect(badFlag.status == 2)

        #expect(try PhidexBinary.run(["scan", "share", "-q"], in: tree.root).status == 0)
        // Found: 0; nothing found: 1.
        #expect(try PhidexBinary.run(["query", "--ssn", "078-05-1123"], in: tree.root).status == 0)
        #expect(try PhidexBinary.run(["query", "--ssn", "801-42-1234"], in: tree.root).status == 1)

        // A malformed value is refused without being echoed.
        let bad = try PhidexBinary.run(["query", "--ssn", "40123778x"], in: tree.root)
        #expect(bad.status == 2)
        #expect(!bad.stderr.contains("40123778x"))

        let unwritable = try PhidexBinary.run(["scan", "share", "--index", "/proc/phidex.db"], in: tree.root)
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot create the index"))

        let help = try PhidexBinary.run(["scan", "--help"], in: tree.root)
        #expect(help.status == 0)
        #expect(help.stdout.contains("--io-window"))
    }

    @Test func compiledPatternsAreCachedAndADamagedCacheIsCompiledAgain() throws {
        let tree = try TestTree("pattern-cache")
        let share = tree.path("share")
        try FileManager.default.createDirectory(atPath: share, withIntermediateDirectories: true)
        try "Patient SSN: 512-44-3817, MRN: 00142816\n".write(toFile: share + "/note.txt", atomically: false, encoding: .utf8)
        let cache = tree.path("cache")
        let withCache = ["/usr/bin/env", "XDG_CACHE_HOME=\(cache)"]
        func findings(_ name: String) throws -> String {
            let result = try PhidexBinary.run(["scan", share, "--index", tree.path(name + ".db")], prefix: withCache)
            #expect(result.status == 0, "\(result.stderr)")
            return try sqlite(tree.path(name + ".db"), "SELECT type, byte_offset, value_key IS NOT NULL FROM finding ORDER BY byte_offset")
        }
        let compiled = try findings("first")
        let stored = try FileManager.default.contentsOfDirectory(atPath: cache + "/phidex").filter { $0.hasSuffix(".hsdb") }
        #expect(stored.count == 1, "\(stored)")
        let file = cache + "/phidex/" + stored[0]
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(try findings("second") == compiled)  // loaded from the cache
        // A damaged file (its database bytes garbled) is compiled again and replaced.
        let original = try #require(FileManager.default.contents(atPath: file))
        var bytes = original
        for i in stride(from: 40, to: bytes.count, by: 7) { bytes[i] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: file))
        #expect(try findings("third") == compiled)
        #expect(FileManager.default.contents(atPath: file) == original)
        // A file cut short too.
        try Data(bytes.prefix(100)).write(to: URL(fileURLWithPath: file))
        #expect(try findings("fourth") == compiled)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int == size)
        #expect(FileManager.default.contents(atPath: file) == original)
        #expect(!compiled.isEmpty)
    }

    @Test func rulesCheckPasses() throws {
        let check = try PhidexBinary.run(["rules", "check"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("all hold"))
    }

    /// Root reads everything, so the unreadable file is scanned as `nobody` through setpriv.
    @Test func anUnreadableFileIsRecordedAndTheScanGoesOn() throws {
        let tree = try goldenTree()
        try tree.file("share/hr/locked.txt", "SSN 801-42-1234", mode: 0)
        try tree.directory("share/sealed", mode: 0)
        try tree.directory("out", mode: 0o777)
        let asNobody = geteuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let scan = try PhidexBinary.run(["scan", tree.path("share"), "--index", tree.path("out/x.db")], prefix: asNobody)
        #expect(scan.status == 0, "per-file errors are not fatal: \(scan.stderr)")
        #expect(scan.stderr.contains("2 not readable"))

        let report = try PhidexBinary.run(["report", "--index", tree.path("out/x.db"), "--format", "jsonl"])
        #expect(report.stdout.contains(#""path":"\#(tree.path("share/hr/locked.txt"))","size":15"#))
        #expect(report.stdout.contains(#""status":"error","reason":"permission denied""#))
        #expect(report.stdout.contains(#""reason":"cannot list directory: permission denied""#))
        // The readable files were still scanned.
        #expect(report.stdout.contains(#""path":"\#(tree.path("share/hr/staff.csv"))""#))
        let text = try PhidexBinary.run(["report", "--index", tree.path("out/x.db")])
        #expect(text.stdout.contains("Not readable (2)"))
    }

    @Test func queryByEveryIdentifierOption() throws {
        let tree = try TestTree("query-types")
        try tree.file("share/note.txt", """
            Patient: Quill, Avery    DOB: 03/14/1962
            MRN: 00142816    Member ID: AHR027964381
            Medicare MBI: 1EG4-TE5-MK73
            Attending: Dr. Rowan Fenn    NPI: 1234567893    DEA: GL0285191
            """)
        let scan = try PhidexBinary.run(["scan", "share", "--quiet"], in: tree.root)
        #expect(scan.status == 0, "\(scan.stderr)")
        // Each value in a different spelling from the file's: normalization makes them meet.
        for arguments in [
            ["--dob", "1962-03-14"], ["--mrn", "00142816"], ["--member-id", "ahr027964381"], ["--mbi", "1eg4te5mk73"],
            ["--npi", "1234567893"], ["--dea", "gl0285191"], ["--name", "AVERY QUILL"],
        ] {
            let query = try PhidexBinary.run(["query"] + arguments, in: tree.root)
            #expect(query.status == 0, "\(arguments[0]): \(query.stderr)")
            #expect(query.stdout.contains("1 finding in 1 file"), "\(arguments[0])")
            #expect(!query.stdout.contains(arguments[1]), "\(arguments[0]) printed the value")
        }
        let none = try PhidexBinary.run(["query", "--mrn", "99999999"], in: tree.root)
        #expect(none.status == 1)
        let two = try PhidexBinary.run(["query", "--mrn", "1", "--npi", "2"], in: tree.root)
        #expect(two.status == 2)
    }
}
