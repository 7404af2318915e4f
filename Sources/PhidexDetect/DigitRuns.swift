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
    /// Calls `body` with each maximal run of digits `[start, end)` in `window`, in order.
    ///
    /// Branch-free classification of 64 bytes at a time into a bit mask, then one step per run
    /// (trailing-zero counts): text with many short numbers (versions, decimals, times) has a run
    /// every twenty-odd bytes, and a byte loop per run mispredicted its exits about three times.
    @inline(__always)
    static func forEach(in window: UnsafeRawBufferPointer, _ body: (Int, Int) -> Void) {
        let count = window.count
        guard count > 0, let base = window.baseAddress else { return }
        var block = 0
        /// Start of a run that reached the end of the previous block, or -1.
        var open = -1
        while block + 64 <= count {
            var bits = digitMask(base + block)
            if open >= 0 {
                let leading = (~bits).trailingZeroBitCount
                if leading == 64 {
                    block += 64
                    continue
                }
                body(open, block + leading)
                open = -1
                bits &= ~UInt64(0) << UInt64(leading)
            }
            while bits != 0 {
                let start = bits.trailingZeroBitCount
                let length = (~(bits >> UInt64(start))).trailingZeroBitCount
                if start + length == 64 {
                    open = block + start
                    break
                }
                body(block + start, block + start + length)
                bits &= bits &+ (bits & (0 &- bits))  // clears the lowest run of ones
            }
            block += 64
        }
        var index = block
        if open >= 0 {
            while index < count && ContextWords.isDigit(window[index]) { index += 1 }
            body(open, index)
        }
        while index < count {
            guard ContextWords.isDigit(window[index]) else {
                index += 1
                continue
            }
            var runEnd = index + 1
            while runEnd < count && ContextWords.isDigit(window[runEnd]) { runEnd += 1 }
            body(index, runEnd)
            index = runEnd
        }
    }

    /// Bit i set iff byte i of the 64 at `pointer` is an ASCII digit.
    @inline(__always)
    static func digitMask(_ pointer: UnsafeRawPointer) -> UInt64 {
        var mask: UInt64 = 0
        for lane in 0..<8 {
            mask |= digitBits(pointer.loadUnaligned(fromByteOffset: lane * 8, as: UInt64.self)) << UInt64(lane * 8)
        }
        return mask
    }

    /// Bit i set iff byte i of `word` (little-endian) is an ASCII digit. Exact per byte: no
    /// carries cross lanes.
    @inline(__always)
    static func digitBits(_ word: UInt64) -> UInt64 {
        let highs: UInt64 = 0x8080_8080_8080_8080
        let t = word ^ 0x3030_3030_3030_3030  // digits become 0...9
        let atLeastTen = ((t & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7676_7676_7676_7676) & highs
        let digits = ~(atLeastTen | t) & highs
        // Gathers each lane's flag (now bit 0 of the lane) into the top byte, lane i at bit i.
        return ((digits >> 7) &* 0x0102_0408_1020_4080) >> 56
    }
}
