// Orchestration: Crawl -> (Extract -> Detect -> Score per file) -> Index.
//
// Concurrency lives here and only here. One crawl task lists directories
// (`ioWindow` at once) into a bounded queue; `ioWindow` worker tasks each own a
// FileScanner and drain the queue into a second bounded queue of finished
// files, which one writer task drains into the IndexWriter actor. Crawl and read tasks run on a BlockingExecutor of `ioWindow`
// threads, since they block in system calls. A failure on one file is that
// file's outcome; only a failure of the index itself ends a scan.

public import Logging
import PhidexCore
import PhidexCrawl
public import PhidexDetect
public import PhidexIndex
import PhidexScore
import Dispatch

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
        var info = RunInfo(
            roots: options.roots, optionsJSON: options.json, rulesetVersion: engine.catalogue.version,
            phidexVersion: PhidexVersion.current, ruleHashes: engine.catalogue.contentHashes,
            reuseKey: options.reuseKey(rulesetVersion: engine.catalogue.version))
        // A shard is only ever scanned into its staging index (SharedScan), read once and deleted.
        info.staging = !options.shards.isEmpty
        let writer = try IndexWriter(location: options.index, run: info)
        let prior = writer.prior
        logger.debug("index opened", metadata: ["seconds": "\(seconds(started.duration(to: clock.now)))", "earlier files": "\(prior.count)"])
        let contents = ContentIndex()
        let scorer = RiskScorer(catalogue: engine.catalogue)
        let crawler = options.shards.isEmpty ? Crawler(roots: options.roots, options: options.crawl) : Crawler(shards: options.shards, options: options.crawl)
        let queue = BatchQueue<[CrawlItem]>(capacity: max(4, options.ioWindow * 2))
        let results = BatchQueue<[FileOutcome]>(capacity: max(4, options.ioWindow * 2))
        let workers = options.ioWindow

        var status = RunStatus.completed
        var failure: (any Error)?
        do {
            try await withTaskCancellationHandler {
                try await withBlockingExecutor(threads: workers) { executor in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        // The writer drains finished files while the workers read on: a worker
                        // never waits for SQLite unless the results queue is full.
                        group.addTask {
                            do {
                                while let outcomes = await results.next() { try await writer.record(outcomes) }
                            } catch {
                                results.finish()
                                queue.finish()
                                throw error
                            }
                        }
                        group.addTask {
                            defer { results.finish() }
                            try await withThrowingTaskGroup(of: Void.self) { producers in
                                producers.addTask(executorPreference: executor) {
                                    await crawler.walk(into: queue, executor: executor)
                                }
                                for _ in 0..<workers {
                                    producers.addTask(executorPreference: executor) {
                                        do {
                                            try await work(
                                                queue: queue, results: results, prior: prior, contents: contents,
                                                followSymlinks: options.crawl.followSymlinks, progress: progress, logger: logger,
                                                names: NameScreen(engine: engine, keyer: writer.keyer, masks: !options.namesInClear),
                                                keyer: writer.keyer,
                                                scanner: FileScanner(
                                                    engine: engine, scorer: scorer, keyer: writer.keyer,
                                                    chunkSize: options.chunkSize,
                                                    followSymlinks: options.crawl.followSymlinks, limits: options.limits))
                                        } catch {
                                            queue.finish()  // release the crawler if it waits on a full queue
                                            throw error
                                        }
                                    }
                                }
                                try await producers.waitForAll()
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
        let readingDone = clock.now
        logger.debug("files read and recorded", metadata: ["seconds": "\(seconds(started.duration(to: readingDone)))"])
        let totals: RunTotals
        do {
            totals = try await writer.finish(status)
        } catch {
            // What stopped the scan (a full disk) is the error to report, not what finishing then met.
            throw failure ?? error
        }
        logger.debug("index finished", metadata: ["seconds": "\(seconds(readingDone.duration(to: clock.now)))"])
        if let failure { throw failure }
        return ScanResult(
            runID: writer.runID, status: status, totals: totals, seconds: seconds(started.duration(to: clock.now)))
    }

    private static func work(
        queue: BatchQueue<[CrawlItem]>, results: BatchQueue<[FileOutcome]>, prior: PriorFiles, contents: ContentIndex,
        followSymlinks: Bool, progress: ScanProgress, logger: Logger, names: NameScreen, keyer: ValueKeyer,
        scanner: FileScanner
    ) async throws {
        while let batch = await queue.next() {
            try Task.checkCancellation()
            var outcomes: [FileOutcome] = []
            outcomes.reserveCapacity(batch.count)
            var bytes = 0
            var findings = 0
            var errors = 0
            for item in batch {
                var produced: [FileOutcome]
                switch item {
                case .file(let found):
                    // An unchanged file is found by the keyed hash of its path: not read again, and
                    // its name not screened again (the rows it links hold its masked path and findings).
                    let pathKey = keyer.key(forPath: found.osPath)
                    if let unchanged = prior.unchanged(found, pathKey: pathKey) {
                        produced = [carried(found, from: unchanged, pathKey: pathKey)]
                        break
                    }
                    // Identifiers in its path are masked before anything else sees it (the index, an
                    // older index's rows it is looked up in); its members' names are screened as they come.
                    let (entry, inName) = names.screenWithFindings(found)
                    if prior.hasLegacyRows, let unchanged = prior.unchanged(screened: entry) {
                        produced = [carried(entry, from: unchanged, pathKey: pathKey)]
                        break
                    }
                    if let source = contents.copySource(of: entry, followSymlinks: followSymlinks) {
                        produced = [.copy(entry, of: source)]  // the same content was read already
                        break
                    }
                    produced = scanner.scan(entry) { early in
                        var early = early
                        for i in early.indices where early[i].depth > 0 { names.screen(&early[i]) }
                        progress.add(files: 0, bytes: 0, findings: early.reduce(0) { $0 + $1.findings.count }, errors: 0)
                        return sendWaiting(early, to: results)
                    }
                    for i in produced.indices where produced[i].depth > 0 { names.screen(&produced[i]) }
                    if let own = produced.indices.last, produced[own].entry.path == entry.path {
                        produced[own].pathKey = pathKey
                        produced[own].findings += inName
                        if produced[own].status == .ok { contents.register(entry) }
                    }
                case .settled(var settled):
                    names.screen(&settled)
                    produced = [settled]
                }
                for outcome in produced {
                    if outcome.status == .error {
                        errors += 1
                        logger.debug("not read", metadata: ["path": "\(outcome.entry.path)", "reason": "\(outcome.reason ?? "")"])
                    }
                    findings += outcome.findings.count
                }
                bytes += Int(produced.first?.bytesRead ?? 0)
                outcomes.append(contentsOf: produced)
            }
            progress.add(files: batch.count, bytes: bytes, findings: findings, errors: errors)
            guard await results.send(outcomes) else { return }  // the writer stopped: its error ends the scan
        }
    }

    /// An unchanged file's outcome: the writer links the rows of `source`. Its path is not stored
    /// (the linked rows hold the screened one), and `pathKey` goes to rows that lack theirs.
    private static func carried(_ entry: FileEntry, from source: Int64, pathKey: Int64) -> FileOutcome {
        var outcome = FileOutcome.carried(entry, from: source)
        outcome.pathKey = pathKey
        return outcome
    }

    /// Sends from a worker thread of the blocking executor, which may block: the send runs as a
    /// task on the shared pool while this thread waits for it (backpressure from the writer).
    private static func sendWaiting(_ outcomes: [FileOutcome], to results: BatchQueue<[FileOutcome]>) -> Bool {
        let handoff = Handoff()
        Task {
            let accepted = await results.send(outcomes)
            handoff.accepted.withLock { $0 = accepted }
            handoff.done.signal()
        }
        handoff.done.wait()
        return handoff.accepted.withLock { $0 }
    }

    private final class Handoff: Sendable {
        let accepted = Locked(false)
        let done = DispatchSemaphore(value: 0)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
