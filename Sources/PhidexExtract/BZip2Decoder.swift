// bzip2 streams through libbz2, for DecodingReader. bzip2 decodes whole blocks:
// a stream cut inside a block gives the blocks before it.

import CBZip2

final class BZip2Decoder: StreamDecoder {
    private var stream = bz_stream()
    private var initialized = false
    let name = "bzip2"

    deinit { if initialized { BZ2_bzDecompressEnd(&stream) } }

    func start() -> Bool {
        if initialized { BZ2_bzDecompressEnd(&stream) }
        stream = bz_stream()
        initialized = BZ2_bzDecompressInit(&stream, 0, 0) == BZ_OK
        return initialized
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: DecodeStatus) {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: CChar.self))
        stream.avail_in = UInt32(min(input.count, Int(UInt32.max)))
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: CChar.self)
        stream.avail_out = UInt32(min(output.count, Int(UInt32.max)))
        let code = BZ2_bzDecompress(&stream)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        switch code {
        case BZ_STREAM_END: return (consumed, produced, .streamEnd)
        case BZ_OK: return (consumed, produced, .progress)
        case BZ_MEM_ERROR: return (consumed, produced, .failed("libbz2 ran out of memory"))
        default: return (consumed, produced, .failed("libbz2 error \(code)"))
        }
    }
}
