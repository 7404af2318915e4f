// The rule set compiled into this binary, and its version: a hash over the
// rule files, stored with every scan run so an index knows which rules found
// what (and, later, what to rescan when they change).

import Crypto
import Foundation
public import PhidexCore

/// Every rule Phidex knows, grouped by the detector that implements them.
public struct RuleCatalogue: Sendable {
    /// Rules in id order.
    public let rules: [Rule]
    /// Rules per detector name (`ssn` → the SSN family).
    let rulesByDetector: [String: [Rule]]
    /// First 12 hex digits of SHA-256 over the rule files: changes whenever any rule does.
    public let version: String
    /// Per rule: first 12 hex digits of SHA-256 over the rule's canonical JSON (sorted keys),
    /// recorded with each run so a finding's rule version is known.
    public let contentHashes: [String: String]

    /// The catalogue compiled into the binary.
    public static let builtIn: RuleCatalogue = {
        do {
            return try RuleCatalogue(
                files: [PackageResources.ssn_json, PackageResources.numbers_json, PackageResources.alphanumeric_json, PackageResources.patterns_json,
                    PackageResources.clinical_json],
                policies: [PackageResources.structure_json])
        } catch {
            // The rule files are part of the source; a malformed one is a build defect,
            // caught by the rule tests before it can ship.
            fatalError("built-in rule file is malformed: \(error)")
        }
    }()

    /// A catalogue from rule-file contents (JSON); `policies` (the structure policy) count in
    /// its version.
    public init(files: [[UInt8]], policies: [[UInt8]] = []) throws {
        var byDetector: [String: [Rule]] = [:]
        var all: [Rule] = []
        var hasher = SHA256()
        let decoder = JSONDecoder()
        for file in files {
            hasher.update(data: file)
            let decoded = try decoder.decode(RuleFile.self, from: Data(file))
            byDetector[decoded.detector, default: []].append(contentsOf: decoded.rules)
            all.append(contentsOf: decoded.rules)
        }
        for policy in policies { hasher.update(data: policy) }
        rules = all.sorted { $0.id < $1.id }
        rulesByDetector = byDetector
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var hashes: [String: String] = [:]
        for rule in all {
            let digest = SHA256.hash(data: try encoder.encode(rule))
            hashes[rule.id.rawValue] = digest.prefix(6).map { String(format: "%02x", $0) }.joined()
        }
        contentHashes = hashes
        version = hasher.finalize().prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    public func rule(_ id: RuleID) -> Rule? { rules.first { $0.id == id } }

    /// Problems that make the catalogue unfit: ids malformed or repeated, rules without examples,
    /// confidences or weights out of range. Empty when the catalogue is sound.
    public func structuralProblems() -> [String] {
        var problems: [String] = []
        var seen: Set<RuleID> = []
        for rule in rules {
            if !rule.id.isWellFormed { problems.append("\(rule.id): id is not of the form phi.<name>.<n>") }
            if !seen.insert(rule.id).inserted { problems.append("\(rule.id): id is used twice") }
            if rule.examples.isEmpty { problems.append("\(rule.id): no examples") }
            if rule.negativeExamples.isEmpty { problems.append("\(rule.id): no negative examples") }
            if !(0...1).contains(rule.confidence) { problems.append("\(rule.id): confidence outside 0...1") }
            if rule.riskWeight < 0 { problems.append("\(rule.id): negative risk weight") }
        }
        for detector in rulesByDetector.keys where DetectionEngine.detectorNames.contains(detector) == false {
            problems.append("rule file names unknown detector '\(detector)'")
        }
        return problems
    }
}
