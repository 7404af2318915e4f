// `phidex eval`: the scoring rules on a hand-made corpus, and the numbers on the
// committed sample pinned, so a detection regression fails CI.

import Foundation
import PhidexCorpus
import Testing

@Suite struct EvalTests {
    /// A corpus directory with a manifest written by hand.
    func corpus(_ files: [String: String], _ entries: [TruthEntry]) throws -> TestTree {
        let tree = try TestTree("eval")
        for (path, text) in files { try tree.file("share/" + path, text) }
        let manifest = CorpusManifest(
            header: .init(corpus: 1, seed: 0, scale: 1, people: 1, generator: "test"), entries: entries)
        try manifest.jsonLines().write(to: URL(fileURLWithPath: tree.path("truth.jsonl")))
        return tree
    }

    func plant(_ path: String, _ type: String, _ value: String, format: String = "note", container: String = "loose")
        -> TruthEntry
    {
        TruthEntry(kind: .plant, path: path, format: format, container: container, type: type, value: value)
    }

    func file(_ path: String, format: String = "note", expect: String? = nil) -> TruthEntry {
        TruthEntry(kind: .file, path: path, format: format, container: "loose", expect: expect)
    }

    func evaluate(_ tree: TestTree) throws -> EvaluationJSON {
        let result = try PhidexBinary.run(["eval", tree.root, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.stdout.utf8))
    }

    @Test func scoresFoundMissedDecoyUnexpectedAndContainerHits() throws {
        let tree = try corpus(
            [
                "a.txt": "SSN: 401-23-7788\nSSN: 402-23-7788\nSSN: 404-23-7788\n",
                "b.tar": "member bytes stored plainly: SSN 405-23-7788\n",
                "locked.zip": "not really encrypted",
            ],
            [
                file("a.txt"), plant("a.txt", "ssn", "401-23-7788"), plant("a.txt", "ssn", "403-23-7788"),
                TruthEntry(kind: .decoy, path: "a.txt", format: "note", container: "loose", type: "ssn", value: "404-23-7788", decoy: "fake"),
                file("b.tar", format: "tar"), TruthEntry(kind: .file, path: "b.tar!m.txt", format: "note", container: "tar"),
                plant("b.tar!m.txt", "ssn", "405237788", container: "tar"),
                file("locked.zip", format: "zip", expect: "encrypted"),
            ])
        let e = try evaluate(tree)
        let ssn = try #require(e.types.first { $0.type == "ssn" })
        #expect(ssn.planted == 3)  // 401 and 403 in a.txt, 405 in the tar member
        #expect(ssn.found == 1)
        #expect(ssn.decoyHits == 1)  // 404
        #expect(ssn.unexpected == 1)  // 402
        #expect(ssn.atContainer == 1)  // 405 reported on b.tar, not on b.tar!m.txt
        #expect(ssn.precision == 1.0 / 3.0 && ssn.recall == 1.0 / 3.0)
        #expect(e.decoys.first { $0.kind == "fake" }?.hits == 1)
        #expect(e.unreached.map(\.path) == ["b.tar"])
        #expect(e.expectations.map(\.met) == [false])
        #expect(e.unexpectedFindings.map(\.masked) == ["***-**-7788"])
        #expect(e.containers.first { $0.group == "tar" }?.found == 0)
    }

    /// Any directory scored against a truth file of `{"path", "type", "value"}` lines: data
    /// Phidex did not generate is measured the way the corpus is. Values here are synthetic.
    @Test func aDirectoryIsScoredAgainstATruthFile() throws {
        let tree = try TestTree("eval-truth")
        try tree.file("samples/adt.hl7", "MSH|^~\\&|A|B|||20230101||ADT^A04|1|P|2.5.1\rPID|1||00142816^^^H^MR||QUILL^AVERY^J||19620314|F|||12 ELM ST^^SPRINGFIELD^IL^62704||(217)555-0142||||||401237788\r")
        try tree.file("samples/patient.json", #"{"resourceType": "Patient", "identifier": [{"system": "http://hl7.org/fhir/sid/us-ssn", "value": "512-44-3817"}], "name": [{"family": "Rowan", "given": ["Blake"]}]}"#)
        try tree.file("samples/readme.txt", "Nothing to see here.")
        try tree.file("truth.jsonl", """
            {"path": "adt.hl7", "type": "mrn", "value": "00142816"}
            {"path": "adt.hl7", "type": "name", "value": "Avery J Quill"}
            {"path": "adt.hl7", "type": "dob", "value": "19620314"}
            {"path": "adt.hl7", "type": "address", "value": "12 Elm Street, Springfield, IL 62704"}
            {"path": "adt.hl7", "type": "phone", "value": "217-555-0142"}
            {"path": "adt.hl7", "type": "ssn", "value": "401-23-7788"}
            {"path": "patient.json", "type": "ssn", "value": "512443817"}
            {"path": "patient.json", "type": "name", "value": "Blake Rowan"}

            """)
        let result = try PhidexBinary.run(["eval", tree.path("samples"), "--truth", tree.path("truth.jsonl"), "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let e = try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.stdout.utf8))
        for score in e.types {
            #expect(score.found == score.planted && score.unexpected == 0 && score.decoyHits == 0, "\(score.type): \(score)")
        }
        #expect(e.types.map(\.type).sorted() == ["address", "dob", "mrn", "name", "phone", "ssn"])
        let broken = try PhidexBinary.run(["eval", tree.path("samples"), "--truth", tree.path("samples/readme.txt")])
        #expect(broken.status == 2, "a file that is no truth file is refused")
    }

    @Test func refusesADirectoryWithoutManifest() throws {
        let tree = try TestTree("eval-empty")
        let result = try PhidexBinary.run(["eval", tree.root])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no truth manifest"))
    }

    /// The committed sample's numbers. When detection improves, update them on purpose.
    @Test func committedSampleNumbers() throws {
        let corpus = CorpusTests.repository.appendingPathComponent("Corpus").path
        let result = try PhidexBinary.run(["eval", corpus, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let e = try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.stdout.utf8))
        let expected: [String: (planted: Int, found: Int)] = [
            "ssn": (1074, 1074), "itin": (38, 38), "hicn": (1, 1), "mbi": (287, 287), "npi": (32, 32), "dea": (15, 15),
            "mrn": (1083, 1077), "dob": (1093, 1087), "member_id": (956, 956), "phone": (448, 448), "email": (55, 55),
            "name": (1049, 1049), "address": (325, 325),
        ]
        for (type, numbers) in expected {
            let score = try #require(e.types.first { $0.type == type }, "no \(type) row")
            #expect((score.planted, score.found) == numbers, "\(type)")
            #expect(score.decoyHits == 0 && score.unexpected == 0, "\(type) false positives")
        }
        #expect(e.decoys.allSatisfy { $0.hits == 0 }, "decoys reported: \(e.decoys.filter { $0.hits > 0 })")
        // What is still missed in loose files is a format gap (issue 6): UTF-16 in disk images.
        #expect(e.missedInLooseFiles.allSatisfy { ["disk-image"].contains($0.format) })
    }

    /// Issue 6's bar: every format is read within 2 points of plain text's recall (1.000) for the
    /// same identifiers. The disk image's dates and record numbers sit in records with no label or
    /// header, which no format could make findable; its SSNs (with their own shape) are the check.
    @Test func everyFormatIsReadAsWellAsPlainText() throws {
        let e = try evaluateSample()
        #expect(e.formats.count >= 20, "\(e.formats.map(\.group))")
        for format in e.formats {
            if format.group == "disk-image" {
                #expect(format.taxIDFound * 50 >= format.taxIDPlanted * 49, "disk-image SSNs: \(format.taxIDFound) of \(format.taxIDPlanted)")
            } else {
                #expect(format.found * 50 >= format.planted * 49, "\(format.group): \(format.found) of \(format.planted)")
            }
        }
    }

    /// `phidex eval` of the committed sample, with `arguments`, decoded.
    func evaluateSample(_ arguments: [String] = []) throws -> EvaluationJSON {
        let corpus = CorpusTests.repository.appendingPathComponent("Corpus").path
        let result = try PhidexBinary.run(["eval", corpus, "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.stdout.utf8))
    }

    /// Every planted identifier of the selected files found, and nothing else reported.
    func expectComplete(containers: String) throws -> EvaluationJSON {
        let e = try evaluateSample(["--only-containers", containers, "--only-formats", "note,csv,json,xml,hl7,log,code,config,prose"])
        for score in e.types {
            #expect(score.planted > 0 && score.found == score.planted, "\(score.type): \(score.found) of \(score.planted)")
            #expect(score.decoyHits + score.unexpected + score.atContainer == 0, "\(score.type) false positives")
        }
        return e
    }

    /// Archives are folders: the plain-text formats inside zip, tar, tar.gz, gz and nested archives
    /// are found as completely as loose ones, and the hostile cases end with the statuses expected.
    @Test func archivedPlainTextIsCompleteAndHostileArchivesAreContained() throws {
        let e = try expectComplete(containers: "zip,tar,tar.gz,gz,zip>tar.gz,zip>tar.gz>zip")
        #expect(e.types.count >= 10, "the archives hold most types")
        let whole = try evaluateSample()
        #expect(whole.expectations.count == 3)
        #expect(whole.expectations.allSatisfy { $0.met }, "\(whole.expectations)")
    }

    /// On the formats read as plain text, every planted identifier of every type is found in
    /// loose files and nothing else is reported.
    @Test func plainTextFormatsAreComplete() throws {
        #expect(try expectComplete(containers: "loose").types.count == 13)
    }
}

/// The JSON `phidex eval --format json` prints, decoded for tests.
struct EvaluationJSON: Decodable {
    struct TypeScore: Decodable {
        var type: String, planted: Int, found: Int, decoyHits: Int, unexpected: Int, atContainer: Int
        var precision: Double?, recall: Double?
    }
    struct Group: Decodable { var group: String, planted: Int, found: Int, taxIDPlanted: Int, taxIDFound: Int
        var taxIDRecall: Double? { taxIDPlanted == 0 ? nil : Double(taxIDFound) / Double(taxIDPlanted) }
    }
    struct Decoy: Decodable { var kind: String, hits: Int }
    struct Path: Decodable { var path: String }
    struct Expectation: Decodable { var met: Bool }
    struct Unexpected: Decodable { var masked: String }
    struct Missed: Decodable { var format: String }
    var types: [TypeScore], formats: [Group], containers: [Group], decoys: [Decoy], unreached: [Path]
    var expectations: [Expectation], unexpectedFindings: [Unexpected], missedInLooseFiles: [Missed]
}
