// `phidex eval CORPUS`: scan a generated corpus (or read an index of it) and score
// the findings against its truth manifest.

import ArgumentParser
import Foundation
import Logging
import PhidexCore
import PhidexCorpus
import PhidexDetect
import PhidexEval
import PhidexIndex
import PhidexReport
import PhidexScan

struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure accuracy on a generated corpus: precision, recall and F1 per identifier type.",
        discussion: """
            CORPUS is a directory made by `phidex corpus generate` (it holds share/ and truth.jsonl). \
            Without --index, the share is scanned into a temporary index that is removed afterwards. \
            With --index, an existing index is read (its newest completed run, or --run), or a new \
            one is made there and kept. Values are compared as keyed hashes, never in clear text.

            Exit status: 0 evaluated, 2 could not run.
            """)

    @Argument(help: ArgumentHelp("The corpus directory (holds share/ and truth.jsonl).", valueName: "corpus"))
    var corpus: String

    @OptionGroup(title: "Archives") var archiveOptions: ArchiveOptions

    @Option(name: .long, help: ArgumentHelp(
        "Score CORPUS, any directory, against this truth file (JSON Lines {\"path\",\"type\",\"value\"}, paths relative to CORPUS) instead of a generated manifest.",
        valueName: "file"))
    var truth: String?

    @Option(name: .long, help: ArgumentHelp("Read (or create) this index instead of a temporary one.", valueName: "path"))
    var index: String?

    @Option(name: .long, help: ArgumentHelp("The index's key file (default: the index path + .key).", valueName: "path"))
    var keyFile: String?

    @Option(name: .long, help: "Evaluate this run of an existing index (default: the newest completed run).")
    var run: Int64?

    @Option(name: .long, help: "Count only findings at or above this confidence (0 to 1).")
    var minConfidence: Double = 0

    @Option(name: .long, help: ArgumentHelp("Count only files of these formats (comma-separated: csv,note,hl7,…).", valueName: "list"))
    var onlyFormats: String?

    @Option(name: .long, help: ArgumentHelp("Count only files in these containers (comma-separated: loose,zip,tar.gz>zip,…).", valueName: "list"))
    var onlyContainers: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: Format = .table

    @Option(name: .shortAndLong, help: "Files scanned at once when scanning (default: the number of cores).")
    var jobs: Int?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if let index, PostgresIndex.carriesPassword(index) { throw ValidationError(IndexOptions.passwordAdvice) }
    }

    func run() async throws {
        let cwd = FileManager.default.currentDirectoryPath
        let corpusPath = LogicalPath.absolute(corpus, currentDirectory: cwd)
        let manifest: CorpusManifest
        let share: String
        do {
            if let truth {
                manifest = try CorpusManifest.read(truth: LogicalPath.absolute(truth, currentDirectory: cwd), root: corpusPath)
                share = corpusPath
            } else {
                manifest = try CorpusManifest.read(corpus: corpusPath)
                share = corpusPath + "/" + CorpusManifest.shareDirectory
            }
        } catch { throw Failure(error.description) }

        var temporary: String?
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let location: IndexLocation
        if let index {
            location = IndexLocation(
                path: PostgresIndex.names(index) ? index : LogicalPath.absolute(index, currentDirectory: cwd),
                keyPath: keyFile.map { LogicalPath.absolute($0, currentDirectory: cwd) })
        } else {
            var template = Array((NSTemporaryDirectory() + "/phidex-eval-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw Failure("cannot make a temporary directory: \(describeErrno(errno))") }
            temporary = String(cString: made)
            location = IndexLocation(path: temporary! + "/eval.phidex")
        }
        // A PostgreSQL index is read as it is: scans write SQLite indexes (`phidex index copy`).
        if !PostgresIndex.names(location.path) && !location.exists {
            guard run == nil else { throw Failure("--run needs an existing index") }
            try await scan(share, into: location)
        }

        let evaluation: Evaluation
        do {
            let reader = try IndexReader(location: location)
            let record = try run.map { try reader.run(id: $0) } ?? reader.defaultRun()
            evaluation = try Evaluator.evaluate(
                manifest: manifest, reader: reader, run: record, shareRoot: share, minimumConfidence: minConfidence,
                formats: onlyFormats.map { Set($0.split(separator: ",").map(String.init)) },
                containers: onlyContainers.map { Set($0.split(separator: ",").map(String.init)) })
        } catch let error as IndexError {
            throw Failure(error.message)
        } catch {
            throw Failure("\(error)")
        }

        let output = StandardOutput()
        switch format {
        case .table: for line in EvaluationReport.text(evaluation) { try output.line(line) }
        case .json: try output.line(try EvaluationReport.json(evaluation))
        }
        output.flush()
    }

    private func scan(_ share: String, into location: IndexLocation) async throws {
        guard access(share, F_OK) == 0 else { throw Failure("cannot scan \(share): \(describeErrno(errno))") }
        let options = ScanOptions(roots: [share], index: location, jobs: jobs, limits: archiveOptions.limits)
        var logger = Logger(label: "phidex.eval") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        do {
            let result = try await Scan.run(options, engine: try DetectionEngine(), progress: ScanProgress(), logger: logger)
            Terminal.note("phidex: scanned \(share): run \(result.runID), \(result.totals.findings) findings")
        } catch let error as IndexError {
            throw Failure(error.message)
        }
    }
}
