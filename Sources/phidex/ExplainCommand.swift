// `phidex explain PATH`: why a file (or archive member) has the risk it has.

import ArgumentParser
import Foundation
import PhidexCore
import PhidexIndex
import PhidexReport

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show the factors behind a file's risk score, and what it holds.",
        discussion: "Exit status: 0 when the file is in the run, 1 when it is not, 2 when the index cannot be read.")

    @Argument(help: ArgumentHelp("A file or archive member (logical path, `archive.zip!member`).", valueName: "path"))
    var path: String

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .customLong("run"), help: "Explain the file as this run saw it (default: the newest completed).")
    var runID: Int64?

    func run() throws {
        let reader = try indexOptions.reader()
        let run = try indexOptions.selectRun(runID, in: reader)
        let absolute = LogicalPath.absolute(path, currentDirectory: FileManager.default.currentDirectoryPath)
        var file: FileRecord?
        do {
            try reader.files(run: run.id) { if $0.path == absolute { file = $0 } }
        } catch { throw Failure("\(error)") }
        guard let file else {
            Terminal.error("\(absolute) is not in run \(run.id)")
            throw ExitCode(1)
        }
        var tallies: [IdentifierType: Int] = [:]
        try reader.findings(run: run.id, filter: FindingFilter(under: absolute)) { record in
            if record.path == absolute { tallies[record.finding.type, default: 0] += 1 }
        }
        let output = StandardOutput()
        try ExplainReport.write(file, tallies: tallies, run: run.id, to: output.line)
        output.flush()
    }
}
