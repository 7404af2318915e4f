// The console's side of the index: readers opened read-only and reused, queries run on
// threads of their own (a query blocks in SQLite or libpq; the event loop must not), and
// each completed run's overview (tallies, tiers, people, the folder tree) computed once and
// kept: a run never changes once completed, and these are the slow questions.

import Foundation
import Logging
import PhidexCore
import PhidexIndex
import PhidexReport
import PhidexScore

/// Read access to one index for many requests at once.
final class IndexService: Sendable {
    let location: IndexLocation
    private let executor: BlockingExecutor
    private let idle = Locked<[ReaderBox]>([])
    private let overviews = Locked<[Int64: RunOverview]>([:])
    /// Runs whose overview is being computed, so concurrent requests wait for one computation.
    private let computing = Locked<[Int64: Task<RunOverview, any Error>]>([:])
    private let diffs = Locked<[(key: String, diff: RunDiff)]>([])
    /// The identifier types people are counted by.
    let peopleTypes = RiskModel.builtIn.strongTypes.sorted()

    /// Opens one reader now, so a missing index or a wrong key is an error at start, not a page.
    init(location: IndexLocation, threads: Int = 4) throws(IndexError) {
        self.location = location
        executor = BlockingExecutor(threads: threads, name: "phidex-web")
        let first = try IndexReader(location: location)
        idle.withLock { $0.append(ReaderBox(reader: first)) }
    }

    func shutdown() { executor.shutdown() }

    /// Runs `body` with a reader on the query threads.
    func read<T: Sendable>(_ body: @escaping @Sendable (IndexReader) throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) {
            let box = try self.checkOut()
            defer { self.idle.withLock { $0.append(box) } }
            return try body(box.reader)
        }
    }

    /// The overview of `run`: computed once per completed run, every time for a run in progress.
    func overview(of run: RunRecord) async throws -> RunOverview {
        if let cached = overviews.withLock({ $0[run.id] }) { return cached }
        let completed = run.status == RunStatus.completed.rawValue
        let task = computing.withLock { tasks in
            if let task = tasks[run.id] { return task }
            let types = peopleTypes
            let task = Task { try await self.read { reader in try RunOverview(reader: reader, run: run, peopleTypes: types) } }
            tasks[run.id] = task
            return task
        }
        defer { computing.withLock { $0[run.id] = nil } }
        let overview = try await task.value
        if completed { overviews.withLock { $0[run.id] = overview } }
        return overview
    }

    /// Computes the overviews of the newest completed runs in the background, so the first
    /// auditor to open the dashboard does not wait for them.
    func warm(runs: Int, logger: Logger) {
        Task {
            do {
                let all = try await read { try $0.runs() }
                for run in all.suffix(runs).reversed() where run.status == RunStatus.completed.rawValue {
                    _ = try await overview(of: run)
                }
            } catch let error as IndexError {
                // The page that needs the overview computes it again and shows the failure.
                logger.error("console: the runs' overviews could not be computed ahead: \(error.message)")
            } catch {
                logger.error("console: the runs' overviews could not be computed ahead: \(String(describing: type(of: error)))")
            }
        }
    }

    /// The comparison of two runs; the last few are kept (runs do not change once completed).
    func diff(from earlier: Int64, to later: Int64) async throws -> RunDiff {
        let key = "\(earlier)-\(later)"
        if let cached = diffs.withLock({ $0.first { $0.key == key }?.diff }) { return cached }
        let diff = try await read { reader in
            _ = try reader.run(id: earlier)
            _ = try reader.run(id: later)
            return try RunDiff(reader, earlier: earlier, later: later)
        }
        diffs.withLock { kept in
            kept.append((key, diff))
            if kept.count > 4 { kept.removeFirst() }
        }
        return diff
    }

    /// Runs slow work that does not touch the index (a password check) on the query threads.
    func offLoop<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withTaskExecutorPreference(executor) { try body() }
    }

    private func checkOut() throws -> ReaderBox {
        if let box = idle.withLock({ $0.popLast() }) { return box }
        return ReaderBox(reader: try IndexReader(location: location))
    }
}

/// A reader handed between query threads, never used by two at once.
private final class ReaderBox: @unchecked Sendable {
    let reader: IndexReader
    init(reader: IndexReader) { self.reader = reader }
}
