// One host's part in a run shared by several hosts on a PostgreSQL index: join
// the run (planning its shards if first), then claim a shard, scan it into a
// staging SQLite index of its own with the ordinary scan, bring the rows in,
// and again, until no shard of this host's roots is left. A shard whose host
// stopped heart-beating is claimed again; until then the others wait for it.

import Foundation
public import Logging
import PhidexCore
import PhidexCrawl
public import PhidexDetect
public import PhidexIndex

/// How a host takes part in a shared run.
public struct SharedScanOptions: Sendable {
    public var index: PostgresIndex
    /// The run to join or start; nil: the running run of the same roots.
    public var runName: String?
    /// Each root of the scan as the index names it (`--root-map`), in the order of `ScanOptions.roots`.
    public var indexedRoots: [String]
    /// Levels below each root listed to cut the walk into shards (`ShardPlanner.depth`).
    public var shardDepth = 2
    /// Seconds without a heartbeat after which another host claims a shard again.
    public var staleAfter: Double = 120
    /// Seconds between heartbeats (a quarter of `staleAfter` unless set).
    public var heartbeat: Double?
    /// Where staging indexes are made (one per shard, removed once brought in).
    public var stagingDirectory: String = NSTemporaryDirectory()
    /// This host and process, as the queue records it.
    public var worker: String

    public init(index: PostgresIndex, indexedRoots: [String], worker: String) {
        self.index = index
        self.indexedRoots = indexedRoots
        self.worker = worker
    }
}

/// What one host did in a shared run.
public struct SharedScanResult: Sendable {
    public var runID: Int64
    public var runName: String
    /// Whether this host planned the run's shards (false: it joined).
    public var planned: Bool
    /// Shards this host brought in, and their rows.
    public var shards = 0
    public var files = 0
    public var findings = 0
    /// Shards this host scanned but another host had claimed again meanwhile (their rows were dropped).
    public var fenced = 0
    /// `.completed` when no shard of this host's roots is left; `.interrupted` when stopped.
    public var status: RunStatus = .completed
    /// Whether the run itself is complete (every host's shards in).
    public var runCompleted = false
    public var left = ShardCounts()
    public var seconds: Double = 0
}

/// Runs one host's part of shared runs.
public enum SharedScan {
    public static func run(
        _ options: ScanOptions, shared: SharedScanOptions, engine: DetectionEngine, progress: ScanProgress = ScanProgress(),
        logger: Logger = Logger(label: "phidex.scan")
    ) async throws -> SharedScanResult {
        let clock = ContinuousClock()
        let started = clock.now
        var indexed = options
        indexed.roots = shared.indexedRoots
        let info = RunInfo(
            roots: shared.indexedRoots, optionsJSON: indexed.json, rulesetVersion: engine.catalogue.version,
            phidexVersion: PhidexVersion.current, ruleHashes: engine.catalogue.contentHashes,
            reuseKey: options.reuseKey(rulesetVersion: engine.catalogue.version))
        let planner = ShardPlanner(depth: shared.shardDepth)
        let run = try SharedRun(index: shared.index, name: shared.runName, run: info, shardDepth: shared.shardDepth, worker: shared.worker) {
            planner.plan(roots: options.roots, options: options.crawl).compactMap { shard in
                options.roots.firstIndex(of: shard.root).map { ($0, shard.on(root: shared.indexedRoots[$0])) }
            }
        }
        // The run's roots this host has, and where it sees them.
        var local: [Int: String] = [:]
        for (root, name) in zip(options.roots, shared.indexedRoots) {
            if let index = run.roots.firstIndex(of: name) { local[index] = root }
        }
        let mine = local.keys.sorted()
        var result = SharedScanResult(runID: run.runID, runName: run.name, planned: run.planned)
        // One empty staging index made here, copied for each shard: creating the schema anew cost
        // most of a small shard's time.
        let template = try Staging(in: shared.stagingDirectory, shard: 0)
        defer { template.remove(logger: logger) }
        try IndexWriter.prepareEmpty(at: IndexLocation(path: template.index, keyPath: shared.index.keyPath))
        logger.debug("joined run", metadata: ["run": "\(run.runID)", "planned": "\(run.planned)"])

        while true {
            if Task.isCancelled {
                result.status = .interrupted
                break
            }
            let batch = try run.claimBatch(rootIndexes: mine, staleAfter: shared.staleAfter, alone: options.jobs)
            guard let claimed = batch.first else {
                let (counts, running) = try run.counts(rootIndexes: mine)
                result.left = counts
                result.runCompleted = !running
                if !running || counts.pending + counts.claimed == 0 { break }
                // Others hold the rest: wait for them to finish, or to go stale.
                do { try await Task.sleep(for: .milliseconds(Int(min(2, max(0.2, shared.staleAfter / 8)) * 1000))) } catch {
                    result.status = .interrupted
                    break
                }
                continue
            }
            let localRoot = local[claimed.rootIndex] ?? claimed.shard.root
            let staging = try Staging(in: shared.stagingDirectory, shard: claimed.id)
            defer { staging.remove(logger: logger) }
            try staging.copy(template.index)
            var shardOptions = options
            shardOptions.roots = [localRoot]
            shardOptions.index = IndexLocation(path: staging.index, keyPath: shared.index.keyPath)
            shardOptions.shards = batch.map { $0.shard.on(root: localRoot) }
            shardOptions.incremental = false

            let heartbeat = run.heartbeat(for: batch, every: shared.heartbeat ?? shared.staleAfter / 4)
            let scanned: ScanResult
            do {
                scanned = try await Scan.run(shardOptions, engine: engine, progress: progress, logger: logger)
                heartbeat.stop()
            } catch {
                heartbeat.stop()
                // The scan's own failure is the one to report; a claim not given back goes stale and is taken again.
                do { try run.release(batch) } catch let release {
                    logger.warning("cannot give the shard back", metadata: ["shard": "\(claimed.id)", "error": "\(release.message)"])
                }
                throw error
            }
            guard scanned.status == .completed else {
                try run.release(batch)
                result.status = .interrupted
                break
            }
            if heartbeat.lost {
                // Another host took one of the batch: the others go back, to be scanned again.
                try run.release(batch)
                result.fenced += 1
                continue
            }
            switch try run.bringIn(batch, staging: staging.index, localRoot: localRoot) {
            case .brought(let files, let findings, let finished):
                result.shards += batch.count
                result.files += files
                result.findings += findings
                if finished { result.runCompleted = true }
            case .fenced:
                result.fenced += 1
            }
        }
        if result.status == .completed, !result.runCompleted {
            let (counts, running) = try run.counts(rootIndexes: mine)
            result.left = counts
            result.runCompleted = !running
        }
        let elapsed = started.duration(to: clock.now)
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    /// A folder for one shard's staging index, removed once the shard is brought in (or given up).
    private struct Staging {
        let directory: String
        var index: String { directory + "/shard.db" }

        init(in parent: String, shard: Int64) throws {
            var template = Array((parent.hasSuffix("/") ? parent : parent + "/").utf8) + Array("phidex-shard-\(shard)-XXXXXX".utf8) + [0]
            let made = template.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { mkdtemp($0.baseAddress!) }
            }
            guard made != nil else {
                throw IndexError("cannot make a staging folder in \(parent): \(describeErrno(errno))")
            }
            directory = String(decoding: template.dropLast(), as: UTF8.self)
        }

        /// Starts the staging index as a copy of the empty `template`.
        func copy(_ template: String) throws {
            do { try FileManager.default.copyItem(atPath: template, toPath: index) } catch {
                throw IndexError("cannot make a staging index in \(directory): \(error.localizedDescription)")
            }
        }

        func remove(logger: Logger) {
            do { try FileManager.default.removeItem(atPath: directory) } catch {
                logger.warning("cannot remove a staging folder", metadata: ["path": "\(directory)", "error": "\(error.localizedDescription)"])
            }
        }
    }
}
