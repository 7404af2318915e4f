// Reading and detecting in two threads for one large archive. Decompression
// (libarchive, zlib) is as slow as detection, and one gzip stream cannot be
// split, so a single big tar.gz read by one worker would run at the sum of
// both costs. Here a helper thread walks the archive and decompresses into a
// ring of chunk buffers while the worker detects in the chunks before it.
//
// The helper owns the walker and the file until it signals the end; the worker
// only reads what the events hand it. Events keep the walk's order exactly, so
// findings, lines and statuses are those of a one-thread walk.

import Dispatch
import Foundation
import PhidexCore
import PhidexExtract
import Synchronization

/// A bounded hand-off of a walk's events and content bytes from a reading thread to a worker.
final class ContentPipe: @unchecked Sendable {
    enum Event {
        /// A piece of content begins.
        case content(ContentItem)
        /// Table rows the content's text declares (rendered documents) and UTF-16 runs carved out of
        /// binary content, before the bytes holding them.
        case layout([TableRows], [CarvedRun])
        /// `count` bytes of it are in ring slot `slot`.
        case bytes(slot: Int, count: Int)
        case contentEnd
        /// An item's status is final.
        case settled(ContentItem)
        /// The walk is over.
        case finished
    }

    static let slotCount = 4
    static let slotSize = 1 << 20

    private let slots: [UnsafeMutableRawBufferPointer]
    private let freeSlots = DispatchSemaphore(value: ContentPipe.slotCount)
    private let available = DispatchSemaphore(value: 0)
    private let events = Locked(FIFO<Event>())
    private var nextSlot = 0  // producer side only
    /// Set by the worker when its task is cancelled; the walk then stops early.
    let cancelled = Atomic(false)

    init() {
        slots = (0..<Self.slotCount).map { _ in .allocate(byteCount: Self.slotSize, alignment: 64) }
    }

    deinit { for slot in slots { slot.deallocate() } }

    // MARK: Producer (the reading thread)

    private func push(_ event: Event) {
        events.withLock { $0.append(event) }
        available.signal()
    }

    /// Passes the whole of `stream` through the ring.
    func send(_ item: ContentItem, _ stream: ContentStream) {
        push(.content(item))
        while true {
            freeSlots.wait()
            let slot = nextSlot
            let count = stream.read(into: slots[slot])
            guard count > 0 else {
                freeSlots.signal()
                break
            }
            nextSlot = (nextSlot + 1) % Self.slotCount
            let tables = stream.takeTables(), carved = stream.takeCarvedRuns()
            if !tables.isEmpty || !carved.isEmpty { push(.layout(tables, carved)) }
            push(.bytes(slot: slot, count: count))
        }
        push(.contentEnd)
    }

    func settle(_ item: ContentItem) { push(.settled(item)) }
    func finish() { push(.finished) }

    // MARK: Consumer (the worker)

    /// The next event, waiting for one.
    func next() -> Event {
        available.wait()
        return events.withLock { $0.popFirst()! }
    }

    /// The bytes of a `.bytes` event; call `release` when done with them.
    func bytes(slot: Int, count: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: slots[slot][..<count])
    }

    func release() { freeSlots.signal() }
}
