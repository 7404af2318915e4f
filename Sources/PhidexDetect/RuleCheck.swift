// `phidex rules check` and the rule test: every rule's examples must match and
// its negative examples must not, and the catalogue must be well formed.

import PhidexCore

extension DetectionEngine {
    /// Every problem with the catalogue and its examples; empty when all rules hold.
    public func checkRules() -> [String] {
        var problems = catalogue.structuralProblems()
        for rule in catalogue.rules {
            for example in rule.examples where !matches(in: example).contains(where: { $0.rule == rule.id }) {
                problems.append("\(rule.id): example not matched: \(example)")
            }
            for example in rule.negativeExamples where matches(in: example).contains(where: { $0.rule == rule.id }) {
                problems.append("\(rule.id): negative example matched: \(example)")
            }
        }
        problems += checkStructure(StructurePolicy.builtIn)
        return problems
    }

    /// The structure policy's examples: each expected `[type, value]` found (compared as
    /// `ValueNormalizer` normalizes it), each `never` pair not reported.
    public func checkStructure(_ policy: StructurePolicy) -> [String] {
        var problems: [String] = []
        for (number, example) in policy.examples.enumerated() {
            let found = Set(matches(in: example.text).map { "\($0.type.rawValue) \($0.normalized)" })
            for pair in example.expect + example.never where pair.count != 2 {
                problems.append("structure example \(number + 1): a pair is not [type, value]")
            }
            for pair in example.expect where pair.count == 2 {
                guard let normalized = ValueNormalizer.normalize(pair[1], as: IdentifierType(pair[0])) else {
                    problems.append("structure example \(number + 1): \(pair[0]) value does not normalize")
                    continue
                }
                if !found.contains("\(pair[0]) \(normalized)") {
                    problems.append("structure example \(number + 1): expected \(pair[0]) not found")
                }
            }
            for pair in example.never where pair.count == 2 {
                if let normalized = ValueNormalizer.normalize(pair[1], as: IdentifierType(pair[0])),
                    found.contains(where: { $0.hasSuffix(" " + normalized) })
                {
                    problems.append("structure example \(number + 1): \(pair[0]) reported where it must not be")
                }
            }
        }
        return problems
    }
}
