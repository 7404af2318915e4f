// The hand-off between the crawler and the scan workers: a bounded FIFO of
// batches. A producer that finds the queue full waits, so a fast walk of a huge
// share cannot run ahead of the readers and fill memory with pending paths.
// (An unbounded AsyncStream would give no such backpressure.)

import PhidexCore

/// A multi-producer, multi-consumer queue of `Element`s that holds at most `capacity` of them.
public final class BatchQueue<Element: Sendable>: Sendable {
    private struct State {
        var items = FIFO<Element>()
        var finished = false
        var consumers: [CheckedContinuation<Element?, Never>] = []
        var producers: [CheckedContinuation<Bool, Never>] = []

    }

    private enum SendStep { case done(Bool), wait }
    private enum NextStep { case value(Element?), wait, wake(CheckedContinuation<Bool, Never>, Element) }

    private let state = Locked(State())
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds `element`, waiting while the queue is full. Returns false if the queue was finished
    /// (the consumers are gone): the producer should stop.
    @discardableResult
    public func send(_ element: Element) async -> Bool {
        while true {
            let step: SendStep = state.withLock { state in
                if state.finished { return .done(false) }
                if !state.consumers.isEmpty {
                    state.consumers.removeFirst().resume(returning: element)
                    return .done(true)
                }
                if state.items.count < capacity {
                    state.items.append(element)
                    return .done(true)
                }
                return .wait
            }
            switch step {
            case .done(let accepted): return accepted
            case .wait:
                let open = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                    let resumeNow: Bool? = state.withLock { state in
                        if state.finished { return false }
                        if state.items.count < capacity { return true }
                        state.producers.append(continuation)
                        return nil
                    }
                    if let resumeNow { continuation.resume(returning: resumeNow) }
                }
                if !open { return false }
            }
        }
    }

    /// The next element, waiting for one; nil once the queue is finished and drained.
    public func next() async -> Element? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
            let step: NextStep = state.withLock { state in
                if let item = state.items.popFirst() {
                    if !state.producers.isEmpty { return .wake(state.producers.removeFirst(), item) }
                    return .value(item)
                }
                if state.finished { return .value(nil) }
                state.consumers.append(continuation)
                return .wait
            }
            switch step {
            case .value(let item): continuation.resume(returning: item)
            case .wake(let producer, let item):
                producer.resume(returning: true)
                continuation.resume(returning: item)
            case .wait: break
            }
        }
    }

    /// No more elements will come: waiting consumers get nil once the queue drains, and
    /// waiting producers are released with `false`.
    public func finish() {
        let (consumers, producers) = state.withLock { state in
            state.finished = true
            let waiting = (state.consumers, state.producers)
            state.consumers = []
            state.producers = []
            return waiting
        }
        for consumer in consumers { consumer.resume(returning: nil) }
        for producer in producers { producer.resume(returning: false) }
    }
}
