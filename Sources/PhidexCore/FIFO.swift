// A first-in, first-out buffer with amortized O(1) removal from the front:
// an array and a head index, compacted once the consumed part dominates.
// Used by the blocking executor's job queue and the crawl-to-workers queue.

/// A FIFO queue of elements. A value type: guard it with a lock when shared.
///
/// A removed element is released at once: its slot is cleared, not kept until the next
/// compaction (the results queue once held every batch of findings of a run that way, up to
/// 1,024 batches of 16,384 findings).
public struct FIFO<Element> {
    private var items: [Element?] = []
    private var head = 0

    public init() {}

    public var count: Int { items.count - head }
    public var isEmpty: Bool { head == items.count }

    public mutating func append(_ element: Element) { items.append(element) }

    public mutating func popFirst() -> Element? {
        guard head < items.count else { return nil }
        let item = items[head].take()
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }
}

extension FIFO: Sendable where Element: Sendable {}
