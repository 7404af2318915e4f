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
}
