// Binary content — disk images, legacy Office files, database pages, unknown
// formats — carries text two ways: as ASCII, which the detectors read as it is,
// and as UTF-16LE (`4\0 0\0 1\0`), which they cannot. Like bulk_extractor, this
// source finds runs of UTF-16LE characters in the ASCII range and rewrites each
// in place as its ASCII characters followed by NUL padding: the stream keeps
// its length, ASCII keeps its offsets, and each run is reported (`CarvedRun`)
// so a finding inside it is mapped back to the original bytes. UTF-16BE text is
// the same bytes shifted by one and is carved the same way.

import PhidexCore

/// Binary content with its UTF-16LE text runs rewritten as ASCII.
final class CarvingSource: ByteSource {
    private let source: any ByteSource
    private var pending: [UInt8]
    /// Stream offset of `pending[0]`.
    private var pendingStart: Int64 = 0
    /// `pending[..<head]` was handed out; `pending[..<finalEnd]` is carved and final.
    private var head = 0
    private var finalEnd = 0
    private var ended = false
    private var runs: [CarvedRun] = []
    private let input: UnsafeMutableRawBufferPointer

    /// Shortest run carved: enough for a label, short of random byte pairs.
    static let minimumCharacters = 6
    /// A run this long is cut and carved in pieces, so the held-back tail stays bounded.
    static let maximumCharacters = 32 << 10

    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer) {
        self.source = source
        pending = Array(prefix)
        input = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit { input.deallocate() }

    /// Whether `prefix` is binary: a NUL among its first 8 KiB (text in UTF-8 or a single-byte
    /// encoding has none; UTF-16 without a byte-order mark has one in every other byte).
    static func isBinary(_ prefix: UnsafeRawBufferPointer) -> Bool {
        prefix.holds(0, within: 8192)
    }

    /// The runs rewritten in the bytes read so far, since the last call.
    func takeRuns() -> [CarvedRun] {
        defer { runs.removeAll() }
        return runs
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        // More is read from the source only once every final byte was handed out: what is pending
        // is then a held-back tail, so carving never scans a byte twice and `pending` stays one
        // input read long, whatever the size of the reader's buffer.
        while head == finalEnd {
            if ended {
                guard head < pending.count else { return 0 }
                finalEnd = pending.count
                break
            }
            pending.removeFirst(head)
            pendingStart += Int64(head)
            head = 0
            let count = try source.read(into: input)
            if count == 0 { ended = true } else { pending.append(contentsOf: input[..<count]) }
            let final = carve()  // at the end too: a run may end with the stream
            finalEnd = ended ? pending.count : final
        }
        let count = min(buffer.count, finalEnd - head)
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + head, byteCount: count) }
        head += count
        return count
    }

    private static func isCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x20 && byte <= 0x7E) || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Rewrites the runs in `pending`; returns how many leading bytes are final (a run that may
    /// continue into the next read is held back).
    private func carve() -> Int {
        let count = pending.count
        var final = count
        pending.withUnsafeMutableBytes { bytes in
            var index = 0
            while index + 1 < count {
                guard Self.isCharacter(bytes[index]) && bytes[index + 1] == 0 else {
                    index += 1
                    continue
                }
                var end = index
                while end + 1 < count && Self.isCharacter(bytes[end]) && bytes[end + 1] == 0 && (end - index) / 2 < Self.maximumCharacters {
                    end += 2
                }
                let characters = (end - index) / 2
                if end + 1 >= count && !ended && characters < Self.maximumCharacters {
                    final = index  // may go on in the next read
                    return
                }
                if characters >= Self.minimumCharacters {
                    for character in 0..<characters { bytes[index + character] = bytes[index + 2 * character] }
                    for padding in (index + characters)..<end { bytes[padding] = 0 }
                    runs.append(CarvedRun(start: pendingStart + Int64(index), characters: characters))
                }
                index = end
            }
            if !ended && count > 0 { final = min(final, count - 1) }  // a pair may straddle the reads
        }
        return max(0, final)
    }
}
