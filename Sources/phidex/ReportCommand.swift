// `phidex report`: the summary of a run for people, or every record for tools.

import ArgumentParser
import PhidexDetect
import PhidexIndex
import PhidexReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summarize a scan: files, errors, findings by type, riskiest files.",
        discussion: """
            text for people; jsonl (one JSON object per run, file and finding), csv (one row per \
            finding) and sarif (SARIF 2.1.0) for tools; html, one self-contained page with charts, \
            for auditors (phidex report --format html > report.html). See docs/output.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, jsonl, csv, sarif, html }

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Option(name: .customLong("run"), help: "Report this run instead of the newest completed one.")
    var runID: Int64?

    @Option(name: .long, help: "How many of the riskiest files to list (text format).")
    var top: Int = 10

    @Option(name: .long, help: ArgumentHelp("Roll the run up by folder (text or jsonl).", valueName: "folder"))
    var by: Grouping?

    @Option(name: .long, help: "With --by folder: folder levels below the roots.")
    var depth: Int = 1

    enum Grouping: String, ExpressibleByArgument { case folder }

    func run() throws {
        let reader = try indexOptions.reader()
        let runRecord = try indexOptions.selectRun(runID, in: reader)
        let output = StandardOutput()
        if by == .folder {
            let folders = try FolderReport.rollups(from: reader, run: runRecord, depth: max(0, depth))
            switch format {
            case .jsonl: try FolderReport.jsonLines(folders, to: output.line)
            default: try FolderReport.text(folders, run: runRecord, to: output.line)
            }
            output.flush()
            return
        }
        switch format {
        case .text: try TextReport(topFiles: top).write(from: reader, run: runRecord, to: output.line)
        case .jsonl: try JSONLinesReport.write(from: reader, run: runRecord, to: output.line)
        case .csv: try CSVReport.write(from: reader, run: runRecord, to: output.line)
        case .sarif:
            let rules = RuleCatalogue.builtIn.rules.map { ($0.id.rawValue, $0.name, $0.description) }
            try SARIFReport.write(from: reader, run: runRecord, rules: rules, to: output.line)
        case .html: try HTMLReport(topFiles: max(top, 25)).write(from: reader, run: runRecord, to: output.line)
        }
        output.flush()
    }
}
