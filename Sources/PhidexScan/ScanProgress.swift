// Live counters of a running scan, read by the progress line on stderr.

import Synchronization

/// Counters updated by scan workers, safe to read from any thread at any time.
public final class ScanProgress: Sendable {
    private let filesCounter = Atomic<Int>(0)
    private let bytesCounter = Atomic<Int>(0)
    private let findingsCounter = Atomic<Int>(0)
    private let problemsCounter = Atomic<Int>(0)

    public init() {}

    public var files: Int { filesCounter.load(ordering: .relaxed) }
    public var bytes: Int { bytesCounter.load(ordering: .relaxed) }
    public var findings: Int { findingsCounter.load(ordering: .relaxed) }
    /// Files that could not be read.
    public var errors: Int { problemsCounter.load(ordering: .relaxed) }

    func add(files: Int, bytes: Int, findings: Int, errors: Int) {
        filesCounter.add(files, ordering: .relaxed)
        bytesCounter.add(bytes, ordering: .relaxed)
        findingsCounter.add(findings, ordering: .relaxed)
        problemsCounter.add(errors, ordering: .relaxed)
    }
}
