// One worker's pipeline for one file: Extract (read, open archives) -> Detect -> Score, and
// the conversion of matches into storable findings (masked, keyed). Each scan
// worker owns one FileScanner, so the read buffer is allocated once per worker
// and reused for every file it reads.

import Foundation
import PhidexCore
import PhidexDetect
import PhidexExtract
import PhidexIndex
import PhidexScore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

final class FileScanner {
    private let scanner: StreamScanner
    private let walker: ContentWalker
    /// Set when the writer stopped taking outcomes (its error ends the scan): stop reading.
    private let abandoned = Flag()
    private let limits: ArchiveLimits
    private let scorer: RiskScorer
    private let keyer: ValueKeyer
    private let followSymlinks: Bool
    private var matches: [Match] = []
    /// The score's running counts and clinical terms of the content being read.
    private var tally = RiskTally()
    private var clinicalTerms = 0

    init(
        engine: DetectionEngine, scorer: RiskScorer, keyer: ValueKeyer, chunkSize: Int, followSymlinks: Bool,
        limits: ArchiveLimits
    ) {
        self.scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
        let abandoned = self.abandoned
        self.walker = ContentWalker(limits: limits, shouldStop: { Task.isCancelled || abandoned.isSet })
        self.limits = limits
        self.scorer = scorer
        self.keyer = keyer
        self.followSymlinks = followSymlinks
    }

    /// Findings or outcomes gathered before they are handed on mid-file: an archive with
    /// millions of findings reaches the index while it is read, not all at its end.
    static let flushFindings = 16_384
    static let flushOutcomes = 1_024

    /// Reads and scans one regular file and, when it is an archive, every member inside it: one
    /// outcome per member reached, then the file's own. A failure becomes a status; findings
    /// made before a read error are kept. Outcomes ready while a large archive is still being
    /// read go to `flush` (which returns false when the scan is stopping); the rest are returned.
    func scan(_ entry: FileEntry, flush: ([FileOutcome]) -> Bool) -> [FileOutcome] {
        let source: FileSource
        do {
            source = try FileSource(opening: entry, followSymlinks: followSymlinks)
        } catch {
            return [FileOutcome(entry: entry, status: .error, reason: error.reason)]
        }
        let file = source.entry
        var pending: [FileOutcome] = []
        var pendingFindings = 0
        var scanned: (findings: [Finding], risk: RiskScore, clinicalTerms: Int)?
        func memberEntry(_ item: ContentItem) -> FileEntry {
            var member = file
            if item.depth > 0 {
                member.path = item.path
                member.size = item.bytesRead
                member.mtimeNanoseconds = item.mtimeNanoseconds ?? file.mtimeNanoseconds
            }
            return member
        }
        func hand(_ outcome: FileOutcome) {
            pending.append(outcome)
            pendingFindings += outcome.findings.count
            if pendingFindings >= Self.flushFindings || pending.count >= Self.flushOutcomes {
                if !flush(pending) { abandoned.set() }
                pending.removeAll()
                pendingFindings = 0
            }
        }
        func settle(_ item: ContentItem) {
            let content = item.container == nil ? scanned : nil
            scanned = nil
            hand(FileOutcome(
                entry: memberEntry(item), status: item.status, reason: item.reason, findings: content?.findings ?? [],
                risk: content?.risk ?? .zero, bytesRead: item.bytesRead, clinicalTerms: content?.clinicalTerms ?? 0,
                depth: item.depth))
        }
        /// Content with many findings (a 2 GB export) hands them on in batches while it is read.
        func handBatch(_ item: ContentItem) {
            guard matches.count >= Self.flushFindings else { return }
            hand(.partial(memberEntry(item), findings: findings(), depth: item.depth))
        }
        if file.size >= Self.pipelineThreshold, Self.isContainer(source) {
            pipelined(source, batch: handBatch, contentDone: { scanned = result(mode: exposure(of: file)) }, settle: settle)
        } else {
            walker.walk(source, path: entry.path) { item, stream in
                startContent()
                while scanner.fill(into: &matches, { buffer in
                    let count = stream.read(into: buffer)
                    scanner.declare(stream.takeTables())
                    scanner.declare(carved: stream.takeCarvedRuns())
                    return count
                }) > 0 {
                    handBatch(item)
                }
                scanner.finish(into: &matches)
                scanned = result(mode: exposure(of: file))
            } settled: { settle($0) }
        }
        return pending
    }

    /// Archives at least this large are read by a helper thread while this one detects.
    static let pipelineThreshold: Int64 = 16 << 20

    /// Whether `source` starts like an archive or compressed stream (it is rewound either way).
    private static func isContainer(_ source: FileSource) -> Bool {
        let peek = UnsafeMutableRawBufferPointer.allocate(byteCount: ContainerFormat.sniffLength, alignment: 16)
        defer { peek.deallocate() }
        let count = (try? source.read(into: peek)) ?? 0
        let format = ContainerFormat.sniff(UnsafeRawBufferPointer(rebasing: peek[..<count]))
        return source.seek(to: 0, whence: SEEK_SET) == 0 && format != nil
    }

    /// Walks `source` on a helper thread (decompression) while this thread detects.
    private func pipelined(
        _ source: FileSource, batch: (ContentItem) -> Void, contentDone: () -> Void, settle: (ContentItem) -> Void
    ) {
        let pipe = ContentPipe()
        let walker = ContentWalker(limits: limits, shouldStop: { [pipe] in pipe.cancelled.load(ordering: .relaxed) })
        let job = UncheckedWalk(walker: walker, source: source, path: source.entry.path)
        let thread = Thread { [pipe, job] in
            job.walker.walk(job.source, path: job.path) { item, stream in pipe.send(item, stream) } settled: { pipe.settle($0) }
            pipe.finish()
        }
        thread.name = "phidex-inflate"
        thread.start()
        var current: ContentItem?
        events: while true {
            if Task.isCancelled || abandoned.isSet { pipe.cancelled.store(true, ordering: .relaxed) }
            switch pipe.next() {
            case .content(let item):
                startContent()
                current = item
            case .layout(let stretches, let carved):
                scanner.declare(stretches)
                scanner.declare(carved: carved)
            case .bytes(let slot, let count):
                scanner.feed(pipe.bytes(slot: slot, count: count), into: &matches)
                pipe.release()
                if let current { batch(current) }
            case .contentEnd:
                scanner.finish(into: &matches)
                contentDone()
            case .settled(let item):
                settle(item)
            case .finished:
                break events
            }
        }
    }

    /// Directories' permission bits by path (what a worker has looked up).
    private var directoryModes: [[UInt8]: UInt32] = [:]

    /// The file's permission bits as others can use them: its read bits count for "other" (or
    /// group) only when every directory above it lets them through (the x bit). A world-readable
    /// file in a private folder is not world-readable.
    private func exposure(of file: FileEntry) -> UInt32 {
        var mode = file.mode & 0o777
        guard mode & 0o044 != 0 else { return mode }
        var path = file.osPath
        while let slash = path.lastIndex(of: 0x2F), slash > 0 {
            path.removeSubrange(slash...)
            let directory: UInt32
            if let known = directoryModes[path] {
                directory = known
            } else {
                var st = stat()
                let found = (path + [0]).withUnsafeBufferPointer { stat(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), &st) } == 0
                directory = found ? UInt32(st.st_mode) & 0o777 : 0o777
                directoryModes[path] = directory
            }
            if directory & 0o001 == 0 { mode &= ~0o004 }
            if directory & 0o010 == 0 { mode &= ~0o040 }
            if mode & 0o044 == 0 { break }
        }
        return mode
    }

    private func startContent() {
        matches.removeAll(keepingCapacity: true)
        tally = RiskTally()
        clinicalTerms = 0
    }

    /// The matches so far as storable findings (masked, keyed), counted into the score; clinical
    /// context is evidence for the score, never a finding.
    private func findings() -> [Finding] {
        let terms = matches.count { $0.type == .clinicalTerm }
        if terms > 0 {
            clinicalTerms += terms
            matches.removeAll { $0.type == .clinicalTerm }
        }
        let records = scorer.add(matches, to: &tally)
        defer { matches.removeAll(keepingCapacity: true) }
        return zip(matches, records).map { match, record in
            var finding = Finding(
                rule: match.rule, type: match.type, span: match.span, line: match.line, confidence: match.confidence,
                masked: match.masked, valueKey: keyer.key(for: match.normalized), reason: match.reason)
            finding.record = record
            return finding
        }
    }

    /// The content's last findings and its score; `mode` is the permission bits of the file on disk
    /// (an archive member is as exposed as its archive).
    private func result(mode: UInt32) -> (findings: [Finding], risk: RiskScore, clinicalTerms: Int) {
        let last = findings()
        return (last, scorer.score(tally, mode: mode, clinicalTerms: clinicalTerms), clinicalTerms)
    }
}

/// The walk handed to the helper thread, which alone uses it until the pipe's `finished`.
private struct UncheckedWalk: @unchecked Sendable {
    let walker: ContentWalker
    let source: FileSource
    let path: String
}

/// A flag one thread sets and others read.
private final class Flag: Sendable {
    private let value = Atomic(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}
