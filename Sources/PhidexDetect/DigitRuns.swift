// One pass over the digit runs of a window for every byte-scanning detector
// (SSN family, NPI): finding the runs is most of their cost on text with many
// numbers, so it is done once per window, not once per detector.

/// A detector that looks only at maximal runs of ASCII digits (and what borders them).
protocol DigitRunDetector: Detector, AnyObject {
    /// Looks at the digit run `[start, end)` of `window`; the bytes around it are readable.
    func digitRun(in window: UnsafeRawBufferPointer, start: Int, end: Int, context: StreamContext, into matches: inout [Match])
}

extension DigitRunDetector {
    public func detect(in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match]) {
        DigitRuns.forEach(in: window) { start, end in digitRun(in: window, start: start, end: end, context: context, into: &matches) }
    }
}

/// The byte scanners sharing one pass over the digit runs. Concrete final classes, unwrapped
/// once per window: a call per run through an array of existentials, or on a struct copied
/// out of an optional (rules and all), cost up to a quarter of all scan time here.
struct DigitDetector: Detector {
    let ssn: SSNDetector?
    let number: NumberDetector?
    let alphanumeric: AlphanumericDetector?

    var rules: [Rule] { (ssn?.rules ?? []) + (number?.rules ?? []) + (alphanumeric?.rules ?? []) }
    var reach: Int { max(ssn?.reach ?? 0, number?.reach ?? 0, alphanumeric?.reach ?? 0) }

    func detect(in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match]) {
        let ssn = self.ssn, number = self.number, alphanumeric = self.alphanumeric
        DigitRuns.forEach(in: window) { start, end in
            ssn?.digitRun(in: window, start: start, end: end, context: context, into: &matches)
            number?.digitRun(in: window, start: start, end: end, context: context, into: &matches)
            alphanumeric?.digitRun(in: window, start: start, end: end, context: context, into: &matches)
        }
    }
}

enum DigitRuns {
    /// Calls `body` with each maximal run of digits `[start, end)` in `window`.
    @inline(__always)
    static func forEach(in window: UnsafeRawBufferPointer, _ body: (Int, Int) -> Void) {
        let count = window.count
        var index = 0
        while index < count {
            index = nextDigit(in: window, from: index)
            guard index < count else { break }
            var runEnd = index + 1
            while runEnd < count && ContextWords.isDigit(window[runEnd]) { runEnd += 1 }
            body(index, runEnd)
            index = runEnd
        }
    }

    /// The offset of the first ASCII digit at or after `start`, or `window.count`. Eight bytes
    /// at a time (SWAR): most bytes of most files are not digits.
    @inline(__always)
    static func nextDigit(in window: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        let count = window.count
        let ones: UInt64 = 0x0101_0101_0101_0101
        while index + 8 <= count {
            // A lane holds a digit iff, after XOR 0x30, its high nibble is 0 and its low nibble < 10;
            // `bad` is then zero in exactly the digit lanes.
            let t = window.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ (0x30 &* ones)
            let bad = (t & (0xF0 &* ones)) | (((t & (0x0F &* ones)) &+ (0x06 &* ones)) & (0x10 &* ones))
            if (bad &- ones) & ~bad & (0x80 &* ones) != 0 { break }
            index += 8
        }
        while index < count && !ContextWords.isDigit(window[index]) { index += 1 }
        return index
    }
}
