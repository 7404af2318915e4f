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
        return problems
    }
}
