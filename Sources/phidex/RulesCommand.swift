// `phidex rules list|check`: the detection rules compiled into this build.

import ArgumentParser
import PhidexDetect

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List or check the detection rules.", subcommands: [List.self, Check.self, Doc.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every rule: id, type, weight, name.")

        func run() throws {
            let catalogue = RuleCatalogue.builtIn
            let output = StandardOutput()
            try output.line("ruleset \(catalogue.version)")
            for rule in catalogue.rules {
                try output.line("\(rule.id)\t\(rule.type)\tweight \(Int(rule.riskWeight))\t\(rule.name)")
            }
            output.flush()
        }
    }

    struct Doc: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the detector catalogue as Markdown (docs/detectors.md).")

        func run() throws {
            let output = StandardOutput()
            for line in RuleCatalogue.builtIn.markdown().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                try output.line(String(line))
            }
            output.flush()
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's examples and negative examples; exit 1 if any fails.")

        func run() throws {
            let engine = try DetectionEngine()
            let problems = engine.checkRules()
            let output = StandardOutput()
            for problem in problems { try output.line(problem) }
            let examples = engine.catalogue.rules.reduce(0) { $0 + $1.examples.count + $1.negativeExamples.count }
            try output.line(
                problems.isEmpty
                    ? "\(engine.catalogue.rules.count) rules, \(examples) examples: all hold"
                    : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")
            output.flush()
            if !problems.isEmpty { throw ExitCode(1) }
        }
    }
}
