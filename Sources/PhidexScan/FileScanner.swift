// One worker's pipeline for one file: Extract (read, open archives) -> Detect -> Score
// (ContentDetector), with an archive's small members detected on two threads
// (MemberFarm). Each scan worker owns one FileScanner, so the read buffers are
// allocated once per worker and reused for every file it reads.

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
    private let detector: ContentDetector
    /// The second detector, for the member farm's helper thread (made on the first archive).
    private var helperDetector: ContentDetector?
    private let engine: DetectionEngine
    private let walker: ContentWalker
    /// Set when the writer stopped taking outcomes (its error ends the scan): stop reading.
    private let abandoned = Flag()
    private let limits: ArchiveLimits
    private let scorer: RiskScorer
    private let keyer: ValueKeyer
    private let chunkSize: Int
    private let followSymlinks: Bool

    init(
        engine: DetectionEngine, scorer: RiskScorer, keyer: ValueKeyer, chunkSize: Int, followSymlinks: Bool,
        limits: ArchiveLimits
    ) {
        self.detector = ContentDetector(engine: engine, scorer: scorer, keyer: keyer, chunkSize: chunkSize)
        self.engine = engine
        let abandoned = self.abandoned
        self.walker = ContentWalker(limits: limits, shouldStop: { Task.isCancelled || abandoned.isSet })
        self.limits = limits
        self.scorer = scorer
        self.keyer = keyer
        self.chunkSize = chunkSize
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
        /// The inline detector's result for the content just read, until the item settles.
        var scanned: ContentResult?
        /// A member read whole, until it settles and is detected (here or by the farm).
        var buffered: BufferedMember?
        var farm: MemberFarm?
        var mode: UInt32?
        func exposure() -> UInt32 {
            if let mode { return mode }
            let found = self.exposure(of: file)
            mode = found
            return found
        }
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
        func outcome(_ item: ContentItem, _ content: ContentResult?) -> FileOutcome {
            FileOutcome(
                entry: memberEntry(item), status: item.status, reason: item.reason, findings: content?.findings ?? [],
                risk: content?.risk ?? .zero, bytesRead: item.bytesRead, clinicalTerms: content?.clinicalTerms ?? 0,
                depth: item.depth)
        }
        func collectFarm() {
            for (settled, result) in farm?.takeDone() ?? [] { hand(outcome(settled, result)) }
        }
        /// Settled members waiting to be detected as one batch.
        var batch: [SettledMember] = []
        var batchBytes = 0
        /// Hands the batch to the helper when it is free, else detects it here.
        func dispatchBatch() {
            guard !batch.isEmpty else { return }
            defer {
                batch.removeAll(keepingCapacity: true)
                batchBytes = 0
            }
            if farm == nil {
                if helperDetector == nil {
                    helperDetector = ContentDetector(engine: engine, scorer: scorer, keyer: keyer, chunkSize: chunkSize)
                }
                farm = MemberFarm(detector: helperDetector!)
            }
            if farm!.offer(batch, mode: exposure()) { return }
            for settled in batch {
                settled.member.replay(into: detector)
                hand(outcome(settled.settled, detector.finish(mode: exposure())))
            }
        }
        /// Queues a held member, settled as `item`, for its batch.
        func queue(_ member: BufferedMember, settled item: ContentItem) {
            batchBytes += member.bytes.count
            batch.append(SettledMember(member: member, settled: item))
        }
        func settle(_ item: ContentItem) {
            if let member = buffered, member.item.path != item.path {
                // Every member settles right after its content; should another item come first,
                // the held one is still detected, with the status its content began with.
                buffered = nil
                queue(member, settled: member.item)
            }
            if let member = buffered {
                buffered = nil
                queue(member, settled: item)
                if batch.count >= MemberFarm.batchMembers || batchBytes >= MemberFarm.batchBytes {
                    dispatchBatch()
                    collectFarm()
                }
                return
            }
            if item.container != nil {
                // A container's outcome comes after all of its members'.
                dispatchBatch()
                farm?.waitUntilIdle()
                collectFarm()
            }
            let content = item.container == nil ? scanned : nil
            scanned = nil
            hand(outcome(item, content))
        }
        /// Content with many findings (a 2 GB export) hands them on in batches while it is read.
        func handBatch(_ item: ContentItem) {
            guard detector.holdsBatch else { return }
            hand(.partial(memberEntry(item), findings: detector.takeFindings(), depth: item.depth))
        }
        /// Moves a member that outgrew the buffer to the inline detector; it streams from here on.
        func spill(_ member: BufferedMember) {
            member.replay(into: detector)
            handBatch(member.item)
        }
        if file.size >= Self.pipelineThreshold, Self.isPipelinedContainer(source) {
            pipelined(
                source,
                content: { item in
                    if item.depth > 0 {
                        buffered = BufferedMember(item)
                    } else {
                        detector.start()
                    }
                },
                layout: { tables, carved in
                    if buffered == nil {
                        detector.declare(tables, carved: carved)
                    } else {
                        buffered!.layouts.append((buffered!.bytes.count, tables, carved))
                    }
                },
                bytes: { chunk, item in
                    if var member = buffered {
                        buffered = nil
                        member.append(chunk, tables: [], carved: [])
                        if member.bytes.count <= BufferedMember.limit {
                            buffered = member
                        } else {
                            spill(member)
                        }
                    } else {
                        detector.feed(chunk)
                        handBatch(item)
                    }
                },
                contentDone: { if buffered == nil { scanned = detector.finish(mode: exposure()) } },
                settle: settle)
        } else {
            walker.walk(source, path: entry.path) { item, stream in
                if item.depth > 0 {
                    var member = BufferedMember(item)
                    if readWhole(stream, into: &member) {
                        buffered = member
                        return
                    }
                    spill(member)
                } else {
                    detector.start()
                }
                while detector.fill({ buffer in
                    let count = stream.read(into: buffer)
                    detector.declare(stream.takeTables(), carved: stream.takeCarvedRuns())
                    return count
                }) > 0 {
                    handBatch(item)
                }
                scanned = detector.finish(mode: exposure())
            } settled: { settle($0) }
        }
        if let member = buffered {  // never left by a walk that settles what it reads; detected all the same
            buffered = nil
            queue(member, settled: member.item)
        }
        dispatchBatch()  // members of a container whose walk ended early
        if let farm {
            farm.close()
            collectFarm()
        }
        return pending
    }

    /// Reads `stream` into `member` up to the buffer limit; true when it ended within it.
    private func readWhole(_ stream: ContentStream, into member: inout BufferedMember) -> Bool {
        while member.bytes.count <= BufferedMember.limit {
            let count = stream.read(into: memberChunk)
            let tables = stream.takeTables(), carved = stream.takeCarvedRuns()
            member.append(UnsafeRawBufferPointer(rebasing: memberChunk[..<count]), tables: tables, carved: carved)
            if count == 0 { return true }
        }
        return false
    }

    /// Where members are read before they are copied into their buffers.
    private let memberChunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)

    deinit { memberChunk.deallocate() }

    /// Archives at least this large are read by a helper thread while this one detects.
    static let pipelineThreshold: Int64 = 16 << 20

    /// Whether `source` is worth decompressing on a helper thread: an archive or compressed
    /// stream, except a zip whose directory lists members of under 256 KiB on average (then the
    /// helper's hand-offs per member cost more than decompression, and its members are detected on
    /// two threads instead, MemberFarm). `source` is rewound either way.
    private static func isPipelinedContainer(_ source: FileSource) -> Bool {
        let peek = UnsafeMutableRawBufferPointer.allocate(byteCount: ContainerFormat.sniffLength, alignment: 16)
        defer { peek.deallocate() }
        let count = (try? source.read(into: peek)) ?? 0
        let format = ContainerFormat.sniff(UnsafeRawBufferPointer(rebasing: peek[..<count]))
        guard source.seek(to: 0, whence: SEEK_SET) == 0, let format else { return false }
        guard format == .zip, let entries = ZipDirectory.entryCount(source), entries > 0 else { return true }
        return source.entry.size / Int64(entries) >= 256 << 10
    }

    /// Walks `source` on a helper thread (decompression) while this thread detects: the walk's
    /// events, in order, to the closures.
    private func pipelined(
        _ source: FileSource, content: (ContentItem) -> Void, layout: ([TableRows], [CarvedRun]) -> Void,
        bytes: (UnsafeRawBufferPointer, ContentItem) -> Void, contentDone: () -> Void, settle: (ContentItem) -> Void
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
                current = item
                content(item)
            case .layout(let stretches, let carved):
                layout(stretches, carved)
            case .bytes(let slot, let count):
                if let current { bytes(pipe.bytes(slot: slot, count: count), current) }
                pipe.release()
            case .contentEnd:
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
