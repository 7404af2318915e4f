// A task executor backed by a fixed set of OS threads, for work that blocks in
// system calls (readdir, open, read on a slow NFS/SMB mount).
//
// Swift's cooperative pool has one thread per core; a task blocked in read()
// holds one of them. Scans run their crawl and read tasks here instead
// (`addTask(executorPreference:)`), so the number of reads in flight is the
// I/O window the user chose, independent of the core count.

import Foundation

/// A `TaskExecutor` that runs jobs on `threadCount` dedicated threads.
public final class BlockingExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: every mutable field below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue = FIFO<UnownedJob>()
    private var stopping = false
    private var running = 0

    public let threadCount: Int

    /// Starts `threads` worker threads; call `shutdown()` (or use `withBlockingExecutor`) to stop them.
    public init(threads: Int, name: String = "phidex-io") {
        self.threadCount = max(1, threads)
        running = threadCount
        for index in 0..<threadCount {
            let label = "\(name)-\(index)"
            let thread = Thread { [self] in
                Thread.current.name = label
                self.work()
            }
            thread.start()
        }
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the queued jobs, then waits for them to exit.
    public func shutdown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }

    private func work() {
        while let job = take() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private func take() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !stopping { condition.wait() }
        guard let job = queue.popFirst() else {
            running -= 1
            condition.broadcast()
            return nil
        }
        return job
    }
}

/// Runs `body` with a `BlockingExecutor` of `threads` threads that is shut down when `body` returns.
public func withBlockingExecutor<R: Sendable>(
    threads: Int, _ body: (BlockingExecutor) async throws -> R
) async rethrows -> R {
    let executor = BlockingExecutor(threads: threads)
    defer { executor.shutdown() }
    return try await body(executor)
}
