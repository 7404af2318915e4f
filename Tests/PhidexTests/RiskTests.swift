// The risk model on the committed corpus: files the generator wrote as patient
// records outrank files with a stray identifier, which outrank decoy-only and
// benign files; scores do not depend on scan order or concurrency; and
// `phidex explain` shows a file's factors.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexIndex
import PhidexScore
import Testing

@Suite(.serialized) struct RiskTests {
    static let corpus = CorpusTests.repository.appendingPathComponent("Corpus").path

    /// Every file row of the newest run: path relative to the share -> (score, explanation).
    func scores(jobs: Int) throws -> [String: (score: Int, why: String)] {
        let tree = try TestTree("risk-\(jobs)")
        let index = tree.root + ".db"
        let share = Self.corpus + "/share"
        #expect(try PhidexBinary.run(["scan", share, "--index", index, "--jobs", "\(jobs)", "-q"]).status == 0)
        let reader = try IndexReader(location: IndexLocation(path: index))
        var scores: [String: (Int, String)] = [:]
        try reader.files(run: try reader.defaultRun().id) { scores[String($0.path.dropFirst(share.count + 1))] = ($0.riskScore, $0.riskExplanation) }
        return scores
    }

    @Test func patientRecordsOutrankStrayIdentifiersWhichOutrankDecoys() throws {
        let scores = try scores(jobs: 2)
        // The manifest's truth: per file, which people and which types were planted.
        var files: Set<String> = [], expected: Set<String> = [], decoys: Set<String> = []
        var planted: [String: [Int: Set<String>]] = [:]
        var orphans: Set<String> = []
        let text = try String(contentsOfFile: Self.corpus + "/truth.jsonl", encoding: .utf8)
        for line in text.split(separator: "\n") {
            guard let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let kind = entry["kind"] as? String, let path = entry["path"] as? String
            else { continue }
            switch kind {
            case "file":
                files.insert(path)
                if entry["expect"] != nil { expected.insert(path) }
            case "plant":
                if let person = entry["person"] as? Int { planted[path, default: [:]][person, default: []].insert(entry["type"] as? String ?? "") } else { orphans.insert(path) }
            case "decoy": decoys.insert(path)
            default: break
            }
        }
        let strong: Set<String> = ["ssn", "itin", "hicn", "mbi", "mrn", "member_id"], personal: Set<String> = ["name", "dob"]
        func score(_ path: String) -> Int {
            scores.filter { $0.key == path || $0.key.hasPrefix(path + "!") }.map(\.value.score).max() ?? 0
        }
        var records: [(Int, String)] = [], strays: [(Int, String)] = [], rest: [(Int, String)] = []
        for path in files where !files.contains(where: { $0.hasPrefix(path + "!") })
            && !expected.contains(where: { path == $0 || path.hasPrefix($0 + "!") })
        {
            if let people = planted[path] {
                let isRecord = people.values.contains { !$0.isDisjoint(with: strong) && !$0.isDisjoint(with: personal) }
                // A stray is one person's lone identifier; many people's identifiers without names or
                // dates (a memo file's call notes) are neither, and rank with records on their own.
                if isRecord { records.append((score(path), path)) } else if people.count == 1 { strays.append((score(path), path)) }
            } else if !orphans.contains(path) {
                rest.append((score(path), path))
            }
        }
        #expect(records.count > 40 && strays.count >= 3 && rest.count > 50)
        let lowestRecord = try #require(records.min { $0.0 < $1.0 })
        let highestStray = try #require(strays.max { $0.0 < $1.0 })
        let lowestStray = try #require(strays.min { $0.0 < $1.0 })
        let highestRest = try #require(rest.max { $0.0 < $1.0 })
        #expect(lowestRecord.0 > highestStray.0, "record \(lowestRecord) vs stray \(highestStray)")
        #expect(lowestStray.0 > highestRest.0, "stray \(lowestStray) vs decoy-only or benign \(highestRest)")
        _ = decoys
    }

    @Test func scoresDoNotDependOnScanOrderOrConcurrency() throws {
        let one = try scores(jobs: 1), two = try scores(jobs: 3)
        #expect(one.count == two.count)
        for (path, value) in one {
            #expect(two[path]?.score == value.score && two[path]?.why == value.why, "\(path)")
        }
    }

    @Test func explainPrintsAFilesFactors() throws {
        let tree = try TestTree("risk-explain")
        _ = try tree.file("roster.csv", "mrn,ssn,dob,name\n00142816,512-44-3817,1958-07-21,Avery Quill\n")
        chmod(tree.path("roster.csv"), 0o644)
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let explained = try PhidexBinary.run(["explain", tree.path("roster.csv"), "--index", index])
        #expect(explained.status == 0, "\(explained.stderr)")
        for part in ["risk", "1 record linking an identifier to a name or date of birth", "readable by every user", "distinct ssn", "permissions 0644"] {
            #expect(explained.stdout.contains(part), "\(part): \(explained.stdout)")
        }
        #expect(!explained.stdout.contains("512-44-3817"))
        // The same file in a folder others cannot enter is not exposed to them.
        try FileManager.default.createDirectory(atPath: tree.path("private"), withIntermediateDirectories: true)
        _ = try tree.file("private/roster.csv", "mrn,ssn,dob,name\n00142816,512-44-3817,1958-07-21,Avery Quill\n")
        chmod(tree.path("private/roster.csv"), 0o644)
        chmod(tree.path("private"), 0o700)
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let hidden = try PhidexBinary.run(["explain", tree.path("private/roster.csv"), "--index", index])
        #expect(hidden.status == 0 && !hidden.stdout.contains("readable by every user"), "\(hidden.stdout)")
        #expect(try PhidexBinary.run(["explain", tree.path("missing.csv"), "--index", index]).status == 1)
    }

    /// The individuals estimate is within 5% of the generator's true number of distinct synthetic
    /// patients (people with an identifier planted where a scanner can read it).
    @Test func individualsEstimateIsWithinFivePercentOfTheTruth() throws {
        let tree = try TestTree("risk-people")
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", Self.corpus + "/share", "--index", index, "-q"]).status == 0)
        let reader = try IndexReader(location: IndexLocation(path: index))
        let people = try reader.individuals(run: try reader.defaultRun().id, types: RiskModel.builtIn.strongTypes.sorted())

        let strong = Set(RiskModel.builtIn.record.strong)
        var expected: Set<String> = [], persons: Set<Int> = []
        var plants: [(path: String, person: Int, type: String)] = []
        for line in try String(contentsOfFile: Self.corpus + "/truth.jsonl", encoding: .utf8).split(separator: "\n") {
            guard let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let path = entry["path"] as? String
            else { continue }
            if entry["kind"] as? String == "file", entry["expect"] != nil { expected.insert(path) }
            if entry["kind"] as? String == "plant", let person = entry["person"] as? Int, let type = entry["type"] as? String {
                plants.append((path, person, type))
            }
        }
        for plant in plants where strong.contains(plant.type) && !expected.contains(where: { plant.path == $0 || plant.path.hasPrefix($0 + "!") }) {
            persons.insert(plant.person)
        }
        let truth = Double(persons.count)
        #expect(truth > 250)
        #expect(abs(Double(people.estimate) - truth) <= 0.05 * truth, "estimated \(people.estimate), true \(persons.count)")
        #expect(people.lowerBound <= people.estimate)
    }

    /// `report --by folder`: the riskiest folder first, with the people exposed below it (one
    /// patient in two folders counts in each), and folders holding unreadable content flagged.
    @Test func folderRollupsCountPeopleAndUnknownRisk() throws {
        let tree = try TestTree("risk-folders")
        _ = try tree.file("clinic/a.csv", "mrn,ssn,name\n00142816,512-44-3817,Avery Quill\n00977311,401-23-7788,Blake Rowan\n")
        _ = try tree.file("billing/b.txt", "Patient SSN: 512-44-3817\n")
        try tree.bytes("hr/locked.zip", try ArchiveBuilder.build(.encryptedZip(passphrase: "synthetic"), members: [ArchiveMember(name: "x.csv", content: .bytes(Array("ssn\n512-44-3817\n".utf8)))]))
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        let rollup = try PhidexBinary.run(["report", "--index", index, "--by", "folder", "--format", "jsonl"])
        #expect(rollup.status == 0)
        let rows = rollup.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let byFolder = Dictionary(uniqueKeysWithValues: rows.map { (($0["folder"] as? String) ?? "", $0) })
        #expect(byFolder[tree.path("clinic")]?["individuals"] as? Int == 2)
        #expect(byFolder[tree.path("billing")]?["individuals"] as? Int == 1)
        #expect(byFolder[tree.path("hr")]?["not_fully_read"] as? Int ?? 0 >= 1)
        #expect((rows.first?["folder"] as? String) == tree.path("clinic"), "the riskiest folder first")
        let text = try PhidexBinary.run(["report", "--index", index])
        #expect(text.stdout.contains("people     about 2 individuals exposed"), "\(text.stdout)")
        #expect(text.stdout.contains("Unknown risk: content that could not be read") && text.stdout.contains(tree.path("hr/locked.zip")))
    }
}
