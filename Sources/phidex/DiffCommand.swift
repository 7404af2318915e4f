// `phidex diff`: files that gained or lost PHI, or changed risk, between two runs.

import ArgumentParser
import PhidexCore
import PhidexIndex
import PhidexReport

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List files that gained or lost PHI, or changed risk, between two runs.",
        discussion: """
            With no run ids, compares the two newest completed runs; with one, that run and the \
            newest completed one. Files without findings in both runs are not listed. Exit status: \
            0 when nothing changed, 1 when something did, 2 when the comparison could not be made.
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: "The earlier run.")
    var earlier: Int64?

    @Argument(help: "The later run.")
    var later: Int64?

    @Option(name: .long, help: "Output: text or jsonl.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument { case text, jsonl }

    func run() throws {
        let reader = try indexOptions.reader()
        let completed = try runs(reader).filter { $0.status == "completed" }.map(\.id)
        let b = later ?? completed.last
        let a = earlier ?? completed.last(where: { $0 < (b ?? Int64.max) })
        guard let a, let b else { throw Failure("diff needs two runs; the index \(indexOptions.location.path) has \(completed.count) completed") }
        let diff: RunDiff
        do { diff = try RunDiff(reader, earlier: a, later: b) } catch { throw Failure(error.message) }
        let output = StandardOutput()
        switch format {
        case .text: try DiffReport.text(diff, to: output.line)
        case .jsonl: try DiffReport.jsonLines(diff, to: output.line)
        }
        output.flush()
        if !diff.changes.isEmpty { throw ExitCode(1) }
    }

    private func runs(_ reader: IndexReader) throws -> [RunRecord] {
        do { return try reader.runs() } catch { throw Failure(error.message) }
    }
}
