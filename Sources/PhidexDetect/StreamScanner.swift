// Runs the detectors over a byte stream that arrives in chunks, so that memory
// stays flat for a 10 GB file and a match straddling two chunks is found
// exactly once, with the same boundaries and context as in a whole scan.
//
// How: the buffer holds a window = carry + chunk. Matches are reported only
// when their first byte lies in [lo, hi), where lo is where the previous
// window stopped reporting and hi = window end - overlap (the stream's end for
// the last window). The carry into the next window starts at hi - overlap.
// With overlap >= every detector's reach, a match starting in [lo, hi) has all
// the bytes its detector looks at inside the window, and the [lo, hi) ranges
// of successive windows partition the stream: each match is reported once.

public import PhidexCore

/// Per-task streaming state: one buffer, reused from file to file. Not thread-safe.
public final class StreamScanner {
    public let engine: DetectionEngine
    public let chunkSize: Int
    private let workspace: DetectorWorkspace
    /// Clinical terms already reported in this stream.
    private var evidenceSeen: Set<String> = []
    let overlap: Int

    private let buffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    /// Stream offset of `buffer[0]`.
    private var windowStart: Int64 = 0
    /// Matches starting before this offset have been reported.
    private var reportedUpTo: Int64 = 0
    /// Newlines in the stream before `reportedUpTo`.
    private var linesBefore: Int64 = 0
    private var scratch: [Match] = []
    private var header = HeaderCollector()
    private var sql = SQLTables()
    /// HL7 v2, JSON and XML streams read by their structure.
    private var structure: StructureLayer
    /// Carved UTF-16 runs that matches may still fall in, by offset.
    private var carved: [CarvedRun] = []

    /// Bytes of the stream seen so far.
    public private(set) var bytesSeen: Int64 = 0

    /// - Parameter chunkSize: bytes read per window (1 MiB by default); any size >= 1 is correct.
    public init(engine: DetectionEngine, chunkSize: Int = 1 << 20) {
        self.engine = engine
        self.workspace = engine.makeWorkspace()
        self.chunkSize = max(1, chunkSize)
        self.overlap = max(1, engine.reach)
        self.structure = StructureLayer(kit: engine.structure)
        buffer = .allocate(byteCount: self.chunkSize + 2 * overlap, alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// Forgets the current stream, keeping the buffer for the next one.
    public func reset() {
        filled = 0
        windowStart = 0
        reportedUpTo = 0
        linesBefore = 0
        bytesSeen = 0
        header.reset()
        renderedTables = false
        sql.reset()
        structure.reset()
        carved.removeAll()
        evidenceSeen.removeAll(keepingCapacity: true)
    }

    /// Lets `read` write into the free part of the buffer and returns how many bytes it wrote
    /// (0 = end of stream). Matches completed by the new bytes are appended to `found`.
    public func fill<E: Error>(
        into found: inout [Match], _ read: (UnsafeMutableRawBufferPointer) throws(E) -> Int
    ) throws(E) -> Int {
        let free = UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])
        let count = try read(free)
        precondition(count >= 0 && count <= free.count, "read reported more bytes than it was given room for")
        if !header.isComplete { header.add(UnsafeRawBufferPointer(rebasing: free[..<count])) }
        sql.add(UnsafeRawBufferPointer(rebasing: free[..<count]), at: bytesSeen)
        structure.add(UnsafeRawBufferPointer(rebasing: free[..<count]), at: bytesSeen)
        filled += count
        bytesSeen += Int64(count)
        if filled == buffer.count { process(final: false, into: &found) }
        return count
    }

    /// Tells the scanner that rows with known columns begin at a stream offset it has not processed
    /// yet: an extractor rendered a table's header there. Call before feeding those bytes' window.
    public func declare(_ stretches: [TableRows]) {
        for stretch in stretches { sql.declare(stretch) }
        if !stretches.isEmpty { renderedTables = true }
    }

    /// Whether an extractor declared tables in this stream: it laid out a document (HTML, a
    /// sheet, a PDF) and knows where each table begins and ends, so a header found in the text
    /// itself would only stretch one table's columns over the rest of the document.
    private var renderedTables = false

    /// Tells the scanner that UTF-16 runs were rewritten as ASCII at stream offsets it has not
    /// processed yet; matches inside them are reported at the original bytes.
    public func declare(carved runs: [CarvedRun]) {
        carved.append(contentsOf: runs)
    }

    /// Copies `bytes` into the stream.
    public func feed(_ bytes: UnsafeRawBufferPointer, into found: inout [Match]) {
        var rest = bytes
        while !rest.isEmpty {
            let taken = fill(into: &found) { (free: UnsafeMutableRawBufferPointer) -> Int in
                let n = min(free.count, rest.count)
                free.copyMemory(from: UnsafeRawBufferPointer(rebasing: rest[..<n]))
                return n
            }
            rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
        }
    }

    /// Ends the stream: reports what is left and readies the scanner for the next stream.
    public func finish(into found: inout [Match]) {
        header.finish()
        structure.finish()
        process(final: true, into: &found)
        reset()
    }

    private func process(final: Bool, into found: inout [Match]) {
        let window = UnsafeRawBufferPointer(rebasing: buffer[..<filled])
        let windowEnd = windowStart + Int64(filled)
        let hi = final ? windowEnd : max(reportedUpTo, windowEnd - Int64(overlap))

        scratch.removeAll(keepingCapacity: true)
        let context = StreamContext(
            windowStart: windowStart, table: renderedTables ? nil : header.header, rows: sql.rows.isEmpty ? nil : TableRowsIndex(rows: sql.rows),
            workspace: workspace)
        for detector in engine.detectors { detector.detect(in: window, context: context, into: &scratch) }
        let structured = structure.take(before: hi)
        // Kept matches are moved to the front in place, in order: copying a match (four strings)
        // retains and releases each of them, and a window can hold thousands of matches.
        var kept = 0
        for index in scratch.indices {
            let start = windowStart + scratch[index].span.offset
            guard start >= reportedUpTo && start < hi else { continue }
            let type = scratch[index].type
            // Where structure says what a value is, its reading wins.
            if type != .clinicalTerm, structure.isClaimed(start, scratch[index].span.length) { continue }
            if scratch[index].withoutContext, structure.isActive { continue }
            // Clinical evidence: one match per term per stream, its first occurrence. (Each term
            // reports once per window; the first occurrence in the stream is always the one its
            // window reports, so chunked and whole scans keep the same match.)
            if type == .clinicalTerm, !evidenceSeen.insert(scratch[index].normalized).inserted { continue }
            if kept != index { scratch.swapAt(kept, index) }
            kept += 1
        }
        scratch.removeSubrange(kept...)
        for var match in structured {
            // Stream offsets to window offsets, as the detectors report them.
            match.span.offset -= windowStart
            if let anchor = match.recordAnchor { match.recordAnchor = anchor - windowStart }
            scratch.append(match)
        }
        scratch.sort { ($0.span.offset, $0.rule) < ($1.span.offset, $1.rule) }

        // Line numbers: count newlines from `reportedUpTo` forward, match by match, then to hi.
        var cursor = Int(reportedUpTo - windowStart)
        for index in scratch.indices {
            let start = Int(scratch[index].span.offset)
            // A structured value found late (its construct longer than the overlap) starts
            // before the lines counted so far: it takes the current line.
            linesBefore += Self.newlines(in: window, from: cursor, to: start)
            cursor = max(cursor, start)
            scratch[index].line = linesBefore + 1
            scratch[index].span.offset += windowStart
            if let anchor = scratch[index].recordAnchor { scratch[index].recordAnchor = anchor + windowStart }
            if !carved.isEmpty, let run = carved.first(where: { $0.holds(scratch[index].span.offset) }) {
                let original = run.original(offset: scratch[index].span.offset, length: scratch[index].span.length)
                scratch[index].span = ByteSpan(offset: original.offset, length: original.length)
            }
        }
        found.append(contentsOf: scratch)
        scratch.removeAll(keepingCapacity: true)
        linesBefore += Self.newlines(in: window, from: cursor, to: Int(hi - windowStart))
        reportedUpTo = hi
        structure.forget(before: hi)
        carved.removeAll { $0.start + Int64($0.characters) <= hi }

        if !final {
            let keepFrom = max(windowStart, hi - Int64(overlap))
            let shift = Int(keepFrom - windowStart)
            if shift > 0 {
                let kept = filled - shift
                if kept > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + shift, byteCount: kept) }
                filled = kept
                windowStart = keepFrom
            }
            sql.forget(before: keepFrom)
        }
    }

    private static func newlines(in window: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int64 {
        guard start < end else { return 0 }
        var count = 0
        var index = start
        // Eight bytes at a time: a byte equal to '\n' becomes 0x80 in its lane.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
        while index + 8 <= end {
            let word = window.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
            let zeroLanes = (word &- ones) & ~word & highs
            if zeroLanes != 0 { count += exactZeroLanes(word) }
            index += 8
        }
        while index < end {
            if window[index] == 0x0A { count += 1 }
            index += 1
        }
        return Int64(count)
    }

    /// The number of zero bytes in `word` (exact, unlike the borrow trick's quick test).
    private static func exactZeroLanes(_ word: UInt64) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let nonZero = ((word & low7) &+ low7) | word
        return 8 - (nonZero & 0x8080_8080_8080_8080).nonzeroBitCount
    }
}
