// `phidex scan ROOT...`: walk, read, detect, score and index.

import ArgumentParser
import Foundation
import Logging
import PhidexCore
import PhidexCrawl
import PhidexDetect
import PhidexIndex
import PhidexReport
import PhidexScan
import Synchronization

struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan directory trees (or files) and record what they hold in the index.",
        discussion: """
            Every regular file below each root is read in chunks and searched for identifiers. \
            Files that cannot be read (permission denied, vanished, I/O errors) are recorded with \
            their reason and the scan goes on; symbolic links, special files and other file systems \
            are skipped unless asked for, and recorded as skipped. Each scan adds a run to the index.

            With a PostgreSQL index (--index postgresql://…, --key-file the same on every host), \
            the same command on several hosts shares one run: the walk is cut into shards that \
            each host claims, scans and brings in whole; a shard whose host stops is taken over.

            Exit status: 0 when the scan completed (even if some files could not be read), 2 when \
            it could not run, 130 when interrupted by Ctrl-C (SIGINT), 143 by SIGTERM, 129 by SIGHUP (the run is kept, marked interrupted).
            """)

    @Argument(help: ArgumentHelp("Directories or files to scan.", valueName: "root"))
    var roots: [String]

    @OptionGroup var indexOptions: IndexOptions

    @OptionGroup(title: "Archives") var archiveOptions: ArchiveOptions

    @Option(name: .shortAndLong, help: "Files scanned at once (default: the number of cores).")
    var jobs: Int?

    @Option(
        name: .long,
        help: "Files and directories read at once (default: --jobs). Raise it (e.g. 32) on high-latency NFS/SMB mounts.")
    var ioWindow: Int?

    @Flag(name: [.customShort("L"), .long], help: "Follow symbolic links (loops are detected and skipped).")
    var followSymlinks = false

    @Flag(name: .long, help: "Descend into other file systems mounted below a root.")
    var crossFileSystems = false

    @Option(name: .long, help: ArgumentHelp("Only read files matching this glob (repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Leave out files and directories matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("Bytes read per chunk.", valueName: "bytes"))
    var chunkSize: Int = 1 << 20

    @Flag(name: .long, help: "Read every file, even those unchanged since an earlier run with the same rules and limits.")
    var full = false

    @Flag(name: .long, help: ArgumentHelp(
        "Store file and folder names that hold identifiers in clear in the index (and so in every report).",
        discussion: "By default such names are stored masked (/hr/***-**-7788~5c0f3a/w2.pdf); they are findings either way."))
    var namesInClear = false

    @OptionGroup(title: "Shared runs (a PostgreSQL index)") var sharedOptions: SharedRunOptions

    @Flag(name: .shortAndLong, help: "No progress line and no summary on stderr.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Log each file that could not be read (paths, never content) to stderr.")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let ioWindow, ioWindow < 1 { throw ValidationError("--io-window must be at least 1") }
        if chunkSize < 4096 { throw ValidationError("--chunk-size must be at least 4096") }
        if indexOptions.isPostgres {
            guard indexOptions.keyFile != nil else {
                throw ValidationError(
                    "a scan into PostgreSQL needs --key-file: the same key file on every host (it is made if missing and the index is new)")
            }
        } else if sharedOptions.given {
            throw ValidationError("--run, --root-map, --shard-depth and --stale-after are for a PostgreSQL index (runs shared by several hosts)")
        }
        try sharedOptions.validate()
    }

    func run() async throws {
        let cwd = FileManager.default.currentDirectoryPath
        let absoluteRoots = roots.map { LogicalPath.absolute($0, currentDirectory: cwd) }
        for (given, root) in zip(roots, absoluteRoots) where access(root, F_OK) != 0 {
            throw Failure("cannot scan \(given): \(describeErrno(errno))")
        }
        var options = ScanOptions(
            roots: absoluteRoots, index: indexOptions.location, jobs: jobs, ioWindow: ioWindow, chunkSize: chunkSize,
            crawl: CrawlOptions(
                followSymlinks: followSymlinks, crossFileSystems: crossFileSystems, include: include, exclude: exclude),
            limits: archiveOptions.limits)
        options.incremental = !full
        options.namesInClear = namesInClear
        let engine = try DetectionEngine()
        var logger = Logger(label: "phidex.scan") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning

        let progress = ScanProgress()
        let ticker = quiet || !Terminal.stderrIsTerminal ? nil : ProgressLine(progress: progress)
        if indexOptions.isPostgres {
            try await runShared(options, engine: engine, progress: progress, ticker: ticker, logger: logger)
            return
        }
        let scan = Task { try await Scan.run(options, engine: engine, progress: progress, logger: logger) }
        let interrupts = InterruptHandler { scan.cancel() }
        defer { interrupts.stop() }

        let result: ScanResult
        do {
            result = try await scan.value
        } catch let error as IndexError {
            await ticker?.stop()
            throw Failure(error.message)
        }
        await ticker?.stop()

        if !quiet {
            let totals = result.totals
            let seconds = max(result.seconds, 0.001)
            let rate = Formatting.bytes(Int64(Double(totals.bytesScanned) / seconds))
            Terminal.note(
                "phidex: run \(result.runID) \(result.status.rawValue): \(totals.filesOK) files read"
                    + Self.notRead(totals) + ", "
                    + "\(totals.filesError) not readable, \(totals.filesSkipped) skipped; "
                    + "\(Formatting.bytes(totals.bytesScanned)) in \(String(format: "%.2f", seconds)) s (\(rate)/s); "
                    + "\(totals.findings) findings; index \(options.index.path)")
        }
        if result.status == .interrupted { throw ExitCode(interrupts.exitStatus) }
    }

    /// This host's part of a run shared on a PostgreSQL index.
    private func runShared(
        _ options: ScanOptions, engine: DetectionEngine, progress: ScanProgress, ticker: ProgressLine?, logger: Logger
    ) async throws {
        let location = indexOptions.location
        var shared = SharedScanOptions(
            index: PostgresIndex(conninfo: location.path, keyPath: location.keyPath),
            indexedRoots: try sharedOptions.indexedRoots(options.roots),
            worker: "\(ProcessInfo.processInfo.hostName) pid \(getpid())")
        shared.runName = sharedOptions.run
        shared.shardDepth = sharedOptions.shardDepth
        shared.staleAfter = sharedOptions.staleAfter
        let scan = Task { try await SharedScan.run(options, shared: shared, engine: engine, progress: progress, logger: logger) }
        let interrupts = InterruptHandler { scan.cancel() }
        defer { interrupts.stop() }
        let result: SharedScanResult
        do {
            result = try await scan.value
        } catch let error as IndexError {
            await ticker?.stop()
            throw Failure(error.message)
        }
        await ticker?.stop()
        if !quiet {
            let state = result.runCompleted
                ? "completed"
                : "running (\(result.left.pending) shards waiting, \(result.left.claimed) with other hosts)"
            let fenced = result.fenced > 0 ? "; \(result.fenced) taken over by other hosts, not brought" : ""
            Terminal.note(
                "phidex: run \(result.runID) '\(result.runName)' \(state): this host \(result.planned ? "planned it and " : "")brought "
                    + "\(result.shards) shards (\(result.files) files, \(result.findings) findings) in \(String(format: "%.2f", result.seconds)) s"
                    + fenced + "; index \(indexOptions.index)")
        }
        if result.status == .interrupted { throw ExitCode(interrupts.exitStatus) }
    }

    /// " (N unchanged, not read again; M copies of files already read)", or nothing.
    static func notRead(_ totals: RunTotals) -> String {
        var parts: [String] = []
        if totals.filesUnchanged > 0 { parts.append("\(totals.filesUnchanged) unchanged, not read again") }
        if totals.filesCopies > 0 { parts.append("\(totals.filesCopies) copies of files already read") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}

/// Redraws one progress line on stderr twice a second while a scan runs.
final class ProgressLine: Sendable {
    private let task: Task<Void, Never>

    init(progress: ScanProgress) {
        let start = ContinuousClock.now
        task = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                if Task.isCancelled { break }
                let elapsed = start.duration(to: .now)
                let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
                let megabytes = Double(progress.bytes) / 1e6
                let line = String(
                    format: "\r\u{1B}[K%d files, %.1f MB, %.1f MB/s, %d findings, %d not readable", progress.files, megabytes,
                    megabytes / seconds, progress.findings, progress.errors)
                Terminal.writeAll(2, Array(line.utf8))
            }
        }
    }

    /// Stops redrawing and clears the line (after the last redraw, never before it).
    func stop() async {
        task.cancel()
        await task.value
        Terminal.writeAll(2, Array("\r\u{1B}[K".utf8))
    }
}
