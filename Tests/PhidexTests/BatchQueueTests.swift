// The crawl-to-workers queue: order, backpressure, and release on finish.

import PhidexCrawl
import Synchronization
import Testing

@Suite struct BatchQueueTests {
    @Test func deliversEverythingInOrderToOneConsumer() async {
        let queue = BatchQueue<Int>(capacity: 3)
        async let produced: Void = {
            for n in 0..<100 { await queue.send(n) }
            queue.finish()
        }()
        var received: [Int] = []
        while let n = await queue.next() { received.append(n) }
        await produced
        #expect(received == Array(0..<100))
    }

    @Test func aProducerWaitsWhileTheQueueIsFull() async throws {
        let queue = BatchQueue<Int>(capacity: 2)
        let sent = Atomic<Int>(0)
        let producer = Task {
            for n in 0..<5 {
                await queue.send(n)
                sent.add(1, ordering: .relaxed)
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(sent.load(ordering: .relaxed) == 2, "the third send waits for room")
        #expect(await queue.next() == 0)
        try await Task.sleep(for: .milliseconds(100))
        #expect(sent.load(ordering: .relaxed) == 3)
        queue.finish()
        await producer.value
    }

    @Test func finishReleasesWaitingProducersAndConsumers() async {
        let queue = BatchQueue<Int>(capacity: 1)
        await queue.send(1)
        async let blocked = queue.send(2)
        async let drained: [Int?] = [queue.next(), queue.next()]
        queue.finish()
        _ = await blocked
        let values = await drained
        #expect(values.first == 1)
    }

    @Test func manyProducersAndConsumersLoseNothing() async {
        let queue = BatchQueue<Int>(capacity: 4)
        let total = await withTaskGroup(of: Int.self) { group in
            group.addTask {
                await withTaskGroup(of: Void.self) { producers in
                    for p in 0..<4 { producers.addTask { for n in 0..<250 { await queue.send(p * 1000 + n) } } }
                }
                queue.finish()
                return 0
            }
            for _ in 0..<3 {
                group.addTask {
                    var sum = 0
                    while let n = await queue.next() { sum += n }
                    return sum
                }
            }
            return await group.reduce(0, +)
        }
        let expected = (0..<4).reduce(0) { sum, p in sum + (0..<250).reduce(0) { $0 + p * 1000 + $1 } }
        #expect(total == expected)
    }

    /// A batch the consumer took is released when it is done with it, not kept by the queue
    /// (a run's findings once stayed in memory until the scan ended).
    @Test func aTakenBatchIsNotKeptByTheQueue() async {
        final class Batch: Sendable {}
        let queue = BatchQueue<Batch>(capacity: 4)
        weak var first: Batch?
        do {
            let batch = Batch()
            first = batch
            await queue.send(batch)
            await queue.send(Batch())
        }
        _ = await queue.next()
        #expect(first == nil, "the queue still holds a batch it handed out")
        #expect(await queue.next() != nil)
        queue.finish()
    }
}
