// Archive members detected on two threads. An archive is one worker's job, and
// its members come out of one decompressor in order; a tar.gz of 50,000 small
// files detected them one after another on one core while the other had nothing
// to do. A member small enough to hold (`BufferedMember.limit`) is read whole —
// its bytes with the layout its extractor declared between them — and, once its
// status is settled, detected either by the farm's helper thread, when that is
// free, or by the worker itself. Each thread has its own detector, so a member's
// findings, lines and score are those of a one-thread walk; only the order in
// which members' outcomes reach the index changes, and a container's own outcome
// still comes after all of its members' (`waitUntilIdle` first).

import Foundation
import PhidexCore
import PhidexDetect
import PhidexExtract

/// A member read whole, waiting to be detected.
struct BufferedMember {
    /// The most bytes a member may have to be held whole (larger ones are read as they stream).
    static let limit = 4 << 20

    var item: ContentItem
    var bytes: [UInt8] = []
    /// Layout declared before the bytes from `at` on were read (rendered tables, carved runs).
    var layouts: [(at: Int, tables: [TableRows], carved: [CarvedRun])] = []

    init(_ item: ContentItem) { self.item = item }

    mutating func append(_ chunk: UnsafeRawBufferPointer, tables: [TableRows], carved: [CarvedRun]) {
        if !tables.isEmpty || !carved.isEmpty { layouts.append((bytes.count, tables, carved)) }
        bytes.append(contentsOf: chunk)
    }

    /// Replays the member into `detector`, as it was read.
    func replay(into detector: ContentDetector) {
        detector.start()
        bytes.withUnsafeBytes { all in
            var from = 0
            for layout in layouts {
                if layout.at > from { detector.feed(UnsafeRawBufferPointer(rebasing: all[from..<layout.at])) }
                from = max(from, layout.at)
                detector.declare(layout.tables, carved: layout.carved)
            }
            if from < all.count { detector.feed(UnsafeRawBufferPointer(rebasing: all[from...])) }
        }
    }
}

/// A member read whole and settled: what detecting it needs.
struct SettledMember {
    var member: BufferedMember
    var settled: ContentItem
}

/// One helper thread that detects batches of buffered members beside the worker.
final class MemberFarm: @unchecked Sendable {
    // @unchecked: `detector` is used by the helper thread alone; everything shared is behind `state`.
    /// Members handed over at once: a hand-off between threads costs more than a small member.
    static let batchMembers = 64
    static let batchBytes = 1 << 20

    private struct State {
        var job: (batch: [SettledMember], mode: UInt32)?
        var busy = false
        var closed = false
        var done: [(settled: ContentItem, result: ContentResult)] = []
    }

    private let detector: ContentDetector
    private let state = Locked(State())
    private let wake = NSCondition()
    private var thread: Thread?

    init(detector: ContentDetector) { self.detector = detector }

    /// Gives the helper `batch` when it is free; false when it is busy.
    func offer(_ batch: [SettledMember], mode: UInt32) -> Bool {
        let taken = state.withLock { state -> Bool in
            guard !state.busy else { return false }
            state.busy = true
            state.job = (batch, mode)
            return true
        }
        guard taken else { return false }
        if thread == nil {
            let thread = Thread { [self] in run() }
            thread.name = "phidex-members"
            self.thread = thread
            thread.start()
        }
        wake.lock()
        wake.signal()
        wake.unlock()
        return true
    }

    /// Members the helper has finished, with their results.
    func takeDone() -> [(settled: ContentItem, result: ContentResult)] {
        state.withLock { state in
            defer { state.done.removeAll() }
            return state.done
        }
    }

    /// Waits until the helper has finished what it was given.
    func waitUntilIdle() {
        wake.lock()
        while state.withLock({ $0.busy }) { wake.wait() }
        wake.unlock()
    }

    /// Stops the helper thread (after its current member).
    func close() {
        waitUntilIdle()
        state.withLock { $0.closed = true }
        wake.lock()
        wake.broadcast()
        wake.unlock()
    }

    private func run() {
        while true {
            wake.lock()
            var next: (batch: [SettledMember], mode: UInt32)?
            while true {
                let (job, closed) = state.withLock { state in
                    defer { state.job = nil }
                    return (state.job, state.closed)
                }
                if let job {
                    next = job
                    break
                }
                if closed {
                    wake.unlock()
                    return
                }
                wake.wait()
            }
            wake.unlock()
            guard let job = next else { continue }
            let results = job.batch.map { settled in
                settled.member.replay(into: detector)
                return (settled.settled, detector.finish(mode: job.mode))
            }
            state.withLock { state in
                state.done.append(contentsOf: results)
                state.busy = false
            }
            wake.lock()
            wake.broadcast()
            wake.unlock()
        }
    }
}
