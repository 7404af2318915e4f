// Orchestration: Crawl -> (Extract -> Detect -> Score per file) -> Index.
//
// Concurrency lives here and only here. One crawl task lists directories
// (`ioWindow` at once) into a bounded queue; `ioWindow` worker tasks each own a
// FileScanner and drain the queue; one IndexWriter actor takes finished files
// in batches. Crawl and read tasks run on a BlockingExecutor of `ioWindow`
// threads, since they block in system calls. A failure on one file is that
// file's outcome; only a failure of the index itself ends a scan.

public import Logging
import PhidexCore
import PhidexCrawl
public import PhidexDetect
public import PhidexIndex
import PhidexScore

/// The result of one scan run.
public struct ScanResult: Sendable {
    public var runID: Int64
    public var status: RunStatus
    public var totals: RunTotals
    public var seconds: Double
}

/// Runs scans.
public enum Scan {
    /// Scans `options.roots` into `options.index`. Cancelling the calling task stops the scan;
    /// the run is then recorded as `interrupted` with what was scanned so far.
    public static func run(
        _ options: ScanOptions, engine: DetectionEngine, progress: ScanProgress = ScanProgress(),
        logger: Logger = Logger(label: "phidex.scan")
    ) async throws -> ScanResult {
        let clock = ContinuousClock()
        let started = clock.now
        let writer = try IndexWriter(
            location: options.index,
            run: RunInfo(
                roots: options.roots, optionsJSON: options.json, rulesetVersion: engine.catalogue.version,
                phidexVersion: PhidexVersion.current))
        let scorer = RiskScorer(catalogue: engine.catalogue)
        let crawler = Crawler(roots: options.roots, options: options.crawl)
        let queue = BatchQueue<[CrawlItem]>(capacity: max(4, options.ioWindow * 2))
        let workers = options.ioWindow

        var status = RunStatus.completed
        var failure: (any Error)?
        do {
            try await withTaskCancellationHandler {
                try await withBlockingExecutor(threads: workers) { executor in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask(executorPreference: executor) {
                            await crawler.walk(into: queue, executor: executor)
                        }
                        for _ in 0..<workers {
                            group.addTask(executorPreference: executor) {
                                do {
                                    try await work(
                                        queue: queue, writer: writer, progress: progress, logger: logger,
                                        scanner: FileScanner(
                                            engine: engine, scorer: scorer, keyer: writer.keyer,
                                            chunkSize: options.chunkSize, followSymlinks: options.crawl.followSymlinks))
                                } catch {
                                    queue.finish()  // release the crawler if it waits on a full queue
                                    throw error
                                }
                            }
                        }
                        try await group.waitForAll()
                    }
                }
            } onCancel: {
                queue.finish()
            }
            if Task.isCancelled { status = .interrupted }
        } catch is CancellationError {
            status = .interrupted
        } catch {
            status = .failed
            failure = error
        }
        let totals = try await writer.finish(status)
        if let failure { throw failure }
        return ScanResult(
            runID: writer.runID, status: status, totals: totals, seconds: seconds(started.duration(to: clock.now)))
    }

    private static func work(
        queue: BatchQueue<[CrawlItem]>, writer: IndexWriter, progress: ScanProgress, logger: Logger, scanner: FileScanner
    ) async throws {
        var outcomes: [FileOutcome] = []
        while let batch = await queue.next() {
            try Task.checkCancellation()
            outcomes.removeAll(keepingCapacity: true)
            var bytes = 0
            var findings = 0
            var errors = 0
            for item in batch {
                let outcome: FileOutcome
                switch item {
                case .file(let entry): outcome = scanner.scan(entry)
                case .settled(let settled): outcome = settled
                }
                if outcome.status == .error {
                    errors += 1
                    logger.debug("not read", metadata: ["path": "\(outcome.entry.path)", "reason": "\(outcome.reason ?? "")"])
                }
                bytes += Int(outcome.bytesRead)
                findings += outcome.findings.count
                outcomes.append(outcome)
            }
            progress.add(files: batch.count, bytes: bytes, findings: findings, errors: errors)
            try await writer.record(outcomes)
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
