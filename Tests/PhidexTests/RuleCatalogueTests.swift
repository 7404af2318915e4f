// Every rule proves itself: its examples match, its negative examples do not,
// ids are well formed and unique (the same check as `phidex rules check`).

import PhidexCore
import PhidexDetect
import Foundation
import Testing

@Suite struct RuleCatalogueTests {
    let engine = Shared.engine

    @Test func catalogueIsWellFormed() {
        #expect(engine.catalogue.structuralProblems() == [])
        #expect(engine.catalogue.rules.count >= 5)
        #expect(engine.catalogue.version.count == 12)
    }

    @Test(arguments: RuleCatalogue.builtIn.rules.map(\.id))
    func examplesMatchTheirRule(_ id: RuleID) throws {
        let rule = try #require(engine.catalogue.rule(id))
        #expect(!rule.examples.isEmpty)
        for example in rule.examples {
            let rules = engine.matches(in: example).map(\.rule)
            #expect(rules.contains(rule.id), "\(rule.id) missed its example \(example)")
        }
    }

    @Test(arguments: RuleCatalogue.builtIn.rules.map(\.id))
    func negativeExamplesDoNotMatchTheirRule(_ id: RuleID) throws {
        let rule = try #require(engine.catalogue.rule(id))
        #expect(!rule.negativeExamples.isEmpty)
        for example in rule.negativeExamples {
            let rules = engine.matches(in: example).map(\.rule)
            #expect(!rules.contains(rule.id), "\(rule.id) matched its negative example \(example)")
        }
    }

    @Test func ruleCheckReportsNothingForTheBuiltInCatalogue() {
        #expect(engine.checkRules() == [])
    }

    @Test func ruleCheckCatchesAMissedExample() throws {
        let broken = """
            {"detector": "ssn", "rules": [
              {"id": "phi.ssn.1", "name": "n", "type": "ssn", "description": "d", "confidence": 0.8, "risk_weight": 30,
               "validator": "ssa-issuable",
               "context": {"positive": [], "negative": []}, "references": [],
               "examples": ["no number here"], "negative_examples": ["078-05-1123"]},
              {"id": "phi.itin.1", "name": "n", "type": "itin", "description": "d", "confidence": 0.8, "risk_weight": 30,
               "validator": "irs-itin-groups",
               "context": {"positive": [], "negative": []}, "references": [], "examples": [], "negative_examples": []},
              {"id": "phi.atin.1", "name": "n", "type": "atin", "description": "d", "confidence": 0.8, "risk_weight": 30,
               "validator": "irs-atin-group",
               "context": {"positive": [], "negative": []}, "references": [], "examples": ["x"], "negative_examples": ["x"]},
              {"id": "phi.irsn.1", "name": "n", "type": "irsn", "description": "d", "confidence": 0.8, "risk_weight": 30,
               "validator": "irs-irsn-groups",
               "context": {"positive": [], "negative": []}, "references": [], "examples": ["x"], "negative_examples": ["x"]},
              {"id": "PHI.bad", "name": "n", "type": "ssn_never_issued", "description": "d", "confidence": 0.3, "risk_weight": 2,
               "validator": "ssa-never-issued",
               "context": {"positive": [], "negative": []}, "references": [], "examples": ["x"], "negative_examples": ["x"]}
            ]}
            """
        let catalogue = try RuleCatalogue(files: [Array(broken.utf8)])
        let problems = try DetectionEngine(catalogue: catalogue).checkRules()
        #expect(problems.contains("phi.ssn.1: example not matched: no number here"))
        #expect(problems.contains("phi.ssn.1: negative example matched: 078-05-1123"))
        #expect(problems.contains("phi.itin.1: no examples"))
        #expect(problems.contains("PHI.bad: id is not of the form phi.<name>.<n>"))
    }

    @Test func aRuleNamingACheckItsDetectorLacksIsRefused() throws {
        let file = """
            {"detector": "number", "rules": [
              {"id": "phi.npi.1", "name": "n", "type": "npi", "description": "d", "confidence": 0.9, "risk_weight": 3,
               "validator": "luhn", "context": {"positive": [], "negative": []}, "references": [],
               "examples": ["x"], "negative_examples": ["y"]}]}
            """
        let catalogue = try RuleCatalogue(files: [Array(file.utf8)])
        #expect(throws: CatalogueError.self) { try DetectionEngine(catalogue: catalogue) }
    }

    @Test func everyRuleHasAContentHashThatFollowsItsDefinition() throws {
        let hashes = RuleCatalogue.builtIn.contentHashes
        #expect(Set(hashes.keys) == Set(RuleCatalogue.builtIn.rules.map(\.id.rawValue)))
        #expect(hashes.values.allSatisfy { $0.count == 12 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(hashes.values).count == hashes.count)
        // Change one rule's confidence: its hash changes, the others' do not.
        func catalogue(confidence: String) throws -> RuleCatalogue {
            let file = """
                {"detector": "number", "rules": [
                  {"id": "phi.npi.1", "name": "n", "type": "npi", "description": "d", "confidence": \(confidence),
                   "risk_weight": 3, "context": {"positive": [], "negative": []}, "references": [],
                   "examples": [], "negative_examples": []}]}
                """
            return try RuleCatalogue(files: [Array(file.utf8)])
        }
        #expect(try catalogue(confidence: "0.9").contentHashes != catalogue(confidence: "0.8").contentHashes)
        #expect(try catalogue(confidence: "0.9").contentHashes == catalogue(confidence: "0.9").contentHashes)
    }

    @Test func detectorDocumentationIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/detectors.md")
        let generated = engine.catalogue.markdown()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(to: url, atomically: false, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/detectors.md is stale: run `phidex rules doc > docs/detectors.md`")
    }

    @Test(arguments: ["phi.ssn.1", "phi.ssn-never-issued.1", "phi.a1.12"])
    func wellFormedIDs(_ id: String) { #expect(RuleID(id).isWellFormed) }

    @Test(arguments: ["ssn.1", "phi.ssn", "phi.SSN.1", "phi.ssn.01", "phi..1", "phi.-x.1", "phi.ssn.1.2"])
    func malformedIDs(_ id: String) { #expect(!RuleID(id).isWellFormed) }
}
