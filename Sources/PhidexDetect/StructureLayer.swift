// The structure reader of one stream inside a StreamScanner: chosen by the stream's
// first bytes (HL7 v2, JSON, XML; none for anything else, at no cost), fed the same
// bytes as the detectors, holding the matches it found until the scanner releases
// their window, and the claimed spans that filter the detectors' matches.
//
// Timing: a reader reports a value when its field, object or element closes. The
// scanner processes a window only after feeding the reader every byte up to the
// window's end, so a claim is in time for any match that lies at least the
// scanner's overlap (over 1 KiB) before the construct's end: fields, identifier
// objects and attributes are far shorter. A longer construct's matches are still
// released, in the next window.

import Glibc
import PhidexCore

/// What structure knows about one stream.
struct StructureLayer {
    private let kit: StructureKit
    private var reader: (any StructureReader)?
    private var prefix: [UInt8] = []
    private var decided = false
    private var pending = StructureOutput()
    /// Claims sorted by start once per window, with the running maximum of their ends.
    private var claims: [ByteSpan] = []
    private var maximumEnds: [Int64] = []

    /// Whether the stream is a structured record from its first byte (HL7, JSON, XML); an HL7
    /// message found inside other text (a log, a mail body) is read, but the text is still text.
    var isActive: Bool { reader != nil && !foundInside }
    /// The reader was started at an HL7 message inside other text.
    private var foundInside = false
    /// The last bytes of the previous chunk, for a message start split between chunks.
    private var tail: [UInt8] = []

    /// Field names classified so far, kept from stream to stream of one scanning task.
    private let names: FieldNames

    init(kit: StructureKit) {
        self.kit = kit
        self.names = FieldNames(vocabulary: kit.policy.vocabulary)
    }

    mutating func reset() {
        reader = nil
        foundInside = false
        tail.removeAll(keepingCapacity: true)
        prefix.removeAll()
        decided = false
        pending = StructureOutput()
        claims.removeAll(keepingCapacity: true)
        maximumEnds.removeAll(keepingCapacity: true)
    }

    /// The stream's bytes from `offset` on.
    mutating func add(_ bytes: UnsafeRawBufferPointer, at offset: Int64) {
        guard !decided else { return feed(bytes, at: offset) }
        // Until the format is known, `prefix` holds the stream's bytes from 0 (every earlier
        // chunk fitted in it, or the format would be known).
        prefix.append(contentsOf: bytes.prefix(StructureFormat.sniffLength - prefix.count))
        guard let format = StructureFormat.sniff(prefix, complete: prefix.count >= StructureFormat.sniffLength) else { return }
        decided = true
        reader = format.map { kit.reader($0, names: names) }
        let seen = prefix
        prefix.removeAll()
        seen.withUnsafeBytes { feed($0, at: 0) }
        let consumed = seen.count - Int(offset)
        if consumed < bytes.count { feed(UnsafeRawBufferPointer(rebasing: bytes[consumed...]), at: offset + Int64(consumed)) }
    }

    /// Bytes of a stream whose format is known: to its reader, or searched for an HL7 message.
    private mutating func feed(_ bytes: UnsafeRawBufferPointer, at offset: Int64) {
        if let reader { reader.add(bytes, at: offset, into: &pending) } else { lookForMessage(in: bytes, at: offset) }
    }

    /// Text that is no structured record may still hold an HL7 message (a log line, a mail
    /// body): `MSH|` at a line start starts an HL7 reader there. The search is a `memchr` for
    /// `|`, far cheaper than detection.
    private mutating func lookForMessage(in bytes: UnsafeRawBufferPointer, at offset: Int64) {
        guard !bytes.isEmpty else { return }
        // The previous chunk's last bytes and this one's first, for a start split between them.
        var joined = tail
        joined.append(contentsOf: bytes.prefix(4))
        if let start = joined.withUnsafeBufferPointer({ Self.messageStart(in: $0) }) {
            startMessage(at: offset - Int64(tail.count) + Int64(start), with: bytes, at: offset)
            return
        }
        if let start = bytes.withMemoryRebound(to: UInt8.self, { Self.messageStart(in: $0) }) {
            startMessage(at: offset + Int64(start), with: bytes, at: offset)
            return
        }
        // The stream's last five bytes, however short the pieces it arrives in.
        tail.append(contentsOf: bytes.suffix(5))
        if tail.count > 5 { tail.removeFirst(tail.count - 5) }
    }

    private mutating func startMessage(at start: Int64, with bytes: UnsafeRawBufferPointer, at offset: Int64) {
        foundInside = true
        let hl7 = kit.reader(.hl7, names: names)
        reader = hl7
        if start < offset {
            // `MSH|` began in the previous chunk's last bytes: they come first.
            let from = tail.count - Int(offset - start)
            tail[from...].withUnsafeBytes { hl7.add($0, at: start, into: &pending) }
        }
        let skip = Int(max(0, start - offset))
        if skip < bytes.count { hl7.add(UnsafeRawBufferPointer(rebasing: bytes[skip...]), at: offset + Int64(skip), into: &pending) }
        tail.removeAll()
    }

    /// Where `MSH|` follows a CR or an LF in `bytes` (the position of the `M`), if anywhere:
    /// `memchr` for the `|` (rare in text, and SIMD-fast), then a look at the four bytes before.
    static func messageStart(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, bytes.count >= 5 else { return nil }
        var from = 4
        while from < bytes.count {
            guard let found = memchr(base + from, 0x7C, bytes.count - from) else { return nil }
            let pipe = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if bytes[pipe - 3] == 0x4D, bytes[pipe - 2] == 0x53, bytes[pipe - 1] == 0x48, bytes[pipe - 4] == 0x0A || bytes[pipe - 4] == 0x0D {
                return pipe - 3
            }
            from = pipe + 1
        }
        return nil
    }

    /// The stream ended: a short stream is sniffed as it is, and every open construct closes.
    mutating func finish() {
        if !decided, !prefix.isEmpty, case let format?? = StructureFormat.sniff(prefix, complete: true) {
            decided = true
            reader = kit.reader(format, names: names)
            prefix.withUnsafeBytes { reader?.add($0, at: 0, into: &pending) }
        }
        reader?.finish(into: &pending)
    }

    /// Found matches starting before `hi`, in stream offsets; and the claims made so far,
    /// prepared for `isClaimed`.
    mutating func take(before hi: Int64) -> [Match] {
        if !pending.claims.isEmpty {
            claims.append(contentsOf: pending.claims)
            pending.claims.removeAll(keepingCapacity: true)
            claims.sort { $0.offset < $1.offset }
            maximumEnds.removeAll(keepingCapacity: true)
            var running = Int64.min
            for claim in claims {
                running = max(running, claim.offset + Int64(claim.length))
                maximumEnds.append(running)
            }
        }
        guard !pending.matches.isEmpty else { return [] }
        var taken: [Match] = []
        pending.matches.removeAll { match in
            guard match.span.offset < hi else { return false }
            taken.append(match)
            return true
        }
        return taken
    }

    /// Whether structure claimed any byte of `[start, start + length)` (stream offsets).
    func isClaimed(_ start: Int64, _ length: Int) -> Bool {
        guard !claims.isEmpty else { return false }
        let end = start + Int64(length)
        // The last claim starting before `end`.
        var low = 0, high = claims.count
        while low < high {
            let mid = (low + high) / 2
            if claims[mid].offset < end { low = mid + 1 } else { high = mid }
        }
        return low > 0 && maximumEnds[low - 1] > start
    }

    /// Claims ending at or before `offset` can no longer meet a match. (The running maxima
    /// of those kept stay valid: a forgotten claim's end is at most `offset`.)
    mutating func forget(before offset: Int64) {
        guard let cut = maximumEnds.firstIndex(where: { $0 > offset }) else {
            claims.removeAll(keepingCapacity: true)
            maximumEnds.removeAll(keepingCapacity: true)
            return
        }
        if cut > 0 {
            claims.removeFirst(cut)
            maximumEnds.removeFirst(cut)
        }
    }
}
