// Text saved as UTF-16 (Windows tools write it, with a byte-order mark) read as
// UTF-8, streaming: the detectors see `401-23-7788`, not `4\0 0\0 1\0`. Offsets
// and lines of findings in such a file are those of the decoded UTF-8 text.

/// Decodes a UTF-16 byte stream into UTF-8, chunk by chunk; invalid code units become U+FFFD.
final class UTF16Source: ByteSource {
    enum Order { case littleEndian, bigEndian }

    private let source: any ByteSource
    private let order: Order
    private let input: UnsafeMutableRawBufferPointer
    /// Undecoded input carried between reads (an odd byte, a lone high surrogate).
    private var carry: [UInt8] = []
    private var output: [UInt8] = []
    private var outputOffset = 0
    private var ended = false

    /// The stream is `prefix` (what follows the byte-order mark, already read), then `source`.
    init(_ source: any ByteSource, order: Order, prefix: UnsafeRawBufferPointer) {
        self.source = source
        self.order = order
        carry = Array(prefix)
        input = .allocate(byteCount: 256 << 10, alignment: 16)
    }

    deinit { input.deallocate() }

    /// The byte order `prefix` declares with a byte-order mark, and the mark's length.
    static func byteOrderMark(_ prefix: UnsafeRawBufferPointer) -> Order? {
        guard prefix.count >= 2 else { return nil }
        if prefix[0] == 0xFF && prefix[1] == 0xFE && !(prefix.count >= 4 && prefix[2] == 0 && prefix[3] == 0) { return .littleEndian }
        if prefix[0] == 0xFE && prefix[1] == 0xFF { return .bigEndian }
        return nil
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        var written = 0
        while written < buffer.count {
            if outputOffset == output.count {
                if ended { break }
                try decodeMore()
                if outputOffset == output.count { continue }
            }
            let count = min(buffer.count - written, output.count - outputOffset)
            output.withUnsafeBytes { bytes in
                buffer.baseAddress!.advanced(by: written).copyMemory(from: bytes.baseAddress! + outputOffset, byteCount: count)
            }
            outputOffset += count
            written += count
        }
        return written
    }

    private func decodeMore() throws(ReadFailure) {
        output.removeAll(keepingCapacity: true)
        outputOffset = 0
        let count = try source.read(into: input)
        if count == 0 { ended = true }
        var units = carry
        carry.removeAll()
        units.append(contentsOf: UnsafeRawBufferPointer(rebasing: input[..<count]))
        let pairs = units.count / 2
        var codeUnits: [UInt16] = []
        codeUnits.reserveCapacity(pairs)
        for index in 0..<pairs {
            let a = UInt16(units[2 * index]), b = UInt16(units[2 * index + 1])
            codeUnits.append(order == .littleEndian ? a | b << 8 : a << 8 | b)
        }
        // Keep an odd byte and a trailing high surrogate for the next chunk.
        var keep = units.count - pairs * 2
        if !ended, let last = codeUnits.last, (0xD800...0xDBFF).contains(last) {
            codeUnits.removeLast()
            keep += 2
        }
        if keep > 0 { carry = Array(units.suffix(keep)) }
        if ended && !carry.isEmpty {  // a lone odd byte at the very end
            carry.removeAll()
            codeUnits.append(0xFFFD)
        }
        output.append(contentsOf: String(decoding: codeUnits, as: UTF16.self).utf8)
    }
}
