// The index at work from the command line: `phidex diff` between runs and the
// `phidex check` migration gate with its thresholds, baseline and exit codes.
// All values are synthetic.

import Foundation
import Testing

@Suite struct GateTests {
    func share() throws -> TestTree {
        let tree = try TestTree("gate")
        _ = try tree.file("exports/roster.csv", "mrn,ssn,dob\n00142816,512-44-3817,1962-03-14\n")
        _ = try tree.file("notes/visit.txt", "Seen today. MRN: 00555123\n")
        _ = try tree.file("docs/readme.md", "Nothing to see here.\n")
        chmod(tree.path("exports/roster.csv"), 0o600)  // not readable by everyone: high, not critical
        return tree
    }

    @Test func diffListsFilesThatGainedLostOrChangedPHI() throws {
        let tree = try share()
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let same = try PhidexBinary.run(["diff", "--index", index])
        #expect(same.status == 2, "one run: nothing to compare")
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let unchanged = try PhidexBinary.run(["diff", "--index", index])
        #expect(unchanged.status == 0 && unchanged.stdout.contains("0 files changed in PHI"), "\(unchanged)")

        _ = try tree.file("docs/readme.md", "Patient SSN: 512-44-3817\n")
        try FileManager.default.removeItem(atPath: tree.path("notes/visit.txt"))
        _ = try tree.file("exports/roster.csv", "mrn,ssn\n00142816,512-44-3817\n")
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let changed = try PhidexBinary.run(["diff", "--index", index, "--format", "jsonl"])
        #expect(changed.status == 1)
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(changed.stdout)")
        #expect(lines.contains { $0.contains(#""change":"gained","path":"\#(tree.path("docs/readme.md"))""#) })
        #expect(lines.contains { $0.contains(#""change":"lost","path":"\#(tree.path("notes/visit.txt"))""#) })
        #expect(lines.contains { $0.contains(#""change":"changed","path":"\#(tree.path("exports/roster.csv"))""#) && $0.contains(#""types_after":["mrn","ssn"]"#) })
        #expect(!changed.stdout.contains("512-44-3817") && !changed.stdout.contains("00142816"), "values never printed")
    }

    @Test func checkPassesFailsAndAcceptsABaseline() throws {
        let tree = try share()
        let index = tree.root + ".db"
        let strict = try PhidexBinary.run(["check", tree.root, "--index", index, "--fail-on", "any"])
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stdout.contains(tree.path("exports/roster.csv")) && strict.stdout.contains(tree.path("notes/visit.txt")))
        #expect(strict.stderr.contains("FAIL"))
        let lenient = try PhidexBinary.run(["check", tree.root, "--index", index, "--fail-on", "critical"])
        #expect(lenient.status == 0 && lenient.stderr.contains("PASS"), "\(lenient.stderr)")

        let baseline = tree.root + "-baseline.jsonl"
        #expect(try PhidexBinary.run(["check", tree.root, "--index", index, "--write-baseline", baseline]).status == 0)
        let accepted = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(accepted.split(separator: "\n").count == 4 && !accepted.contains("512-44-3817") && accepted.contains(#""path":"exports/roster.csv""#))
        #expect(try PhidexBinary.run(["check", tree.root, "--index", index, "--fail-on", "any", "--baseline", baseline]).status == 0)

        _ = try tree.file("docs/readme.md", "Patient SSN: 078-05-1121\n")
        let leaked = try PhidexBinary.run(["check", tree.root, "--index", index, "--fail-on", "any", "--baseline", baseline])
        #expect(leaked.status == 1)
        #expect(leaked.stdout.contains(tree.path("docs/readme.md")) && !leaked.stdout.contains("roster.csv"), "\(leaked.stdout)")

        _ = try tree.file(".bad-baseline", "not json\n")
        let broken = try PhidexBinary.run(["check", tree.root, "--index", index, "--baseline", tree.path(".bad-baseline")])
        #expect(broken.status == 2 && broken.stderr.contains("not a baseline entry"))
        #expect(try PhidexBinary.run(["check", tree.path("missing"), "--index", index]).status == 2)
    }

    @Test func queriesByListLinkedFilesStatusAndFileAttributes() throws {
        let tree = try share()
        _ = try tree.file("exports/copy.csv", "mrn,ssn\n00142816,512-44-3817\n")
        try tree.bytes("broken.zip", Array("PK\u{3}\u{4}not really a zip".utf8))
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)

        _ = try tree.file("list/roster.txt", "ssn\n512-44-3817\n\n078-05-1121\nnot a number\n")
        let list = try PhidexBinary.run(["query", "--index", index, "--values-from", tree.path("list/roster.txt"), "--type", "ssn"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("#2") && !list.stdout.contains("#4"), "\(list.stdout)")
        #expect(list.stdout.contains(tree.path("exports/roster.csv")) && list.stdout.contains(tree.path("exports/copy.csv")))
        #expect(!list.stdout.contains("512-44-3817") && !list.stderr.contains("512-44-3817"), "listed values are never printed")
        #expect(list.stderr.contains("1 of 2 listed values found") && list.stderr.contains("lines 1, 5"), "\(list.stderr)")
        _ = try tree.file("list/people.csv", "name,patient_ssn\nA,078-05-1121\nB,512-44-3817\n")
        let column = try PhidexBinary.run(["query", "--index", index, "--values-from", tree.path("list/people.csv"), "--column", "patient_ssn", "--type", "ssn", "--format", "jsonl"])
        let prefix = ##"{"value":"#3","##
        #expect(!column.stdout.isEmpty && column.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix(prefix) }, "\(column.stdout)")

        let linked = try PhidexBinary.run(["query", "--index", index, "--linked", tree.path("exports/roster.csv")])
        #expect(linked.status == 0 && linked.stdout.contains(tree.path("exports/copy.csv")) && !linked.stdout.contains("visit.txt"), "\(linked.stdout)")

        let broken = try PhidexBinary.run(["query", "--index", index, "--status", "error"])
        #expect(broken.status == 0 && broken.stdout.contains(tree.path("broken.zip")))
        #expect(try PhidexBinary.run(["query", "--index", index, "--status", "encrypted"]).status == 1)

        chmod(tree.path("notes/visit.txt"), 0o600)
        chmod(tree.path("exports/roster.csv"), 0o644)
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let readable = try PhidexBinary.run(["query", "--index", index, "--type", "mrn", "--world-readable"])
        #expect(readable.stdout.contains(tree.path("exports/roster.csv")) && !readable.stdout.contains("visit.txt"), "\(readable.stdout)")
        #expect(try PhidexBinary.run(["query", "--index", index, "--type", "mrn", "--modified-after", "2999-01-01"]).status == 1)
        #expect(try PhidexBinary.run(["query", "--index", index, "--type", "mrn", "--owner", "\(getuid())"]).status == 0)
        #expect(try PhidexBinary.run(["query", "--index", index, "--tier", "urgent"]).status == 2)
    }
}
