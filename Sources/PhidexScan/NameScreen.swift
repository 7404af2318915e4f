// Identifiers in file and folder names: `/share/hr/401-23-7788/w2.pdf` and
// `backup.zip!Quill 1962-03-14 MRN 00142816.txt` expose people by their names
// alone. Each logical path is read by the detectors as text (its folders and
// member names one per line); what they find is a finding of the file, located
// in its name, and the path the index stores (and every output shows) has each
// identifier replaced by its masked preview and a short tag of its keyed hash, so
// that two folders named after different people stay two folders:
// `/share/hr/***-**-7788~5c0f3a/w2.pdf`. `--names-in-clear` keeps names as they are.

import PhidexCore
import PhidexDetect
import PhidexIndex

/// Screens paths for identifiers. One per worker (it holds a stream scanner).
final class NameScreen {
    private let scanner: StreamScanner
    private let keyer: ValueKeyer
    private let masks: Bool
    private var matches: [Match] = []
    private var text: [UInt8] = []

    init(engine: DetectionEngine, keyer: ValueKeyer, masks: Bool) {
        self.scanner = StreamScanner(engine: engine, chunkSize: 4096)
        self.keyer = keyer
        self.masks = masks
    }

    /// Finds the identifiers in `outcome`'s path (for a member, in its names inside the file: the
    /// file's own path was masked before it was read), adds them to its findings unless it is a
    /// partial batch, and masks them in its path.
    func screen(_ outcome: inout FileOutcome) {
        let path = outcome.entry.path
        let start = outcome.depth > 0 ? (path.utf8.firstIndex(of: 0x21).map { path.utf8.distance(from: path.utf8.startIndex, to: $0) + 1 } ?? 0) : 0
        guard let (masked, found) = screen(path, from: start) else { return }
        outcome.entry.path = masked
        if !outcome.isPartial { outcome.findings.append(contentsOf: found) }
    }

    /// `entry` with the identifiers in its path masked, and their findings (for its outcome).
    func screenWithFindings(_ entry: FileEntry) -> (FileEntry, [Finding]) {
        guard let (masked, found) = screen(entry.path, from: 0) else { return (entry, []) }
        var entry = entry
        entry.path = masked
        return (entry, found)
    }

    /// The path with its identifiers from byte `start` on masked, and their findings; nil when it has none.
    private func screen(_ path: String, from start: Int) -> (String, [Finding])? {
        // Most paths hold no digit run and no `@`: they are ruled out without copying the path.
        guard start < path.utf8.count, Self.mayHoldIdentifier(path.utf8.dropFirst(start)) else { return nil }
        let bytes = Array(path.utf8)
        // Folders and members as lines; `_` as a space (names join words with it).
        text.removeAll(keepingCapacity: true)
        for byte in bytes[start...] { text.append(byte == 0x2F || byte == 0x21 ? 0x0A : byte == 0x5F ? 0x20 : byte) }
        matches.removeAll(keepingCapacity: true)
        text.withUnsafeBytes { scanner.feed($0, into: &matches) }
        scanner.finish(into: &matches)
        matches.removeAll { $0.type == .clinicalTerm || $0.span.length <= 0 }
        guard !matches.isEmpty else { return nil }
        // Longest first where they overlap; then from the end, so earlier offsets stay valid.
        matches.sort { $0.span.offset != $1.span.offset ? $0.span.offset < $1.span.offset : $0.span.length > $1.span.length }
        var kept: [Match] = []
        for match in matches where kept.last.map({ $0.span.offset + Int64($0.span.length) <= match.span.offset }) ?? true {
            kept.append(match)
        }
        var result = bytes
        var findings: [Finding] = []
        var shift = 0
        for match in kept {
            let key = keyer.key(for: match.normalized)
            let replacement = Array((match.masked + "~" + Self.tag(key)).utf8)
            let at = start + Int(match.span.offset) + shift
            if masks {
                result.replaceSubrange(at..<at + match.span.length, with: replacement)
            }
            var finding = Finding(
                rule: match.rule, type: match.type,
                span: ByteSpan(offset: Int64(at), length: masks ? replacement.count : match.span.length), line: 1,
                confidence: match.confidence, masked: match.masked, valueKey: key,
                reason: "in the file's name: " + match.reason)
            finding.inName = true
            findings.append(finding)
            if masks { shift += replacement.count - match.span.length }
        }
        return (String(decoding: result, as: UTF8.self), findings)
    }

    /// Six hex digits of a value's keyed hash: tells apart names masked alike, reveals nothing.
    private static func tag(_ key: Int64) -> String {
        let hex = String(UInt64(bitPattern: key) & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// Whether a name could hold an identifier at all: a run of digits (ignoring separators) at
    /// least five long, or an `@`. Most paths have neither and skip the detectors.
    static func mayHoldIdentifier(_ bytes: some Sequence<UInt8>) -> Bool {
        var digits = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                digits += 1
                if digits >= 5 { return true }
            case 0x2D, 0x2E, 0x20, 0x28, 0x29, 0x5F: continue  // - . space ( ) _
            case 0x40: return true
            default: digits = 0
            }
        }
        return false
    }
}
