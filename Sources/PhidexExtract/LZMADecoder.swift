// xz streams through liblzma, for DecodingReader.

import CLZMA

final class LZMADecoder: StreamDecoder {
    private var stream = lzma_stream()
    private var initialized = false
    let name = "xz"

    deinit { if initialized { lzma_end(&stream) } }

    func start() -> Bool {
        // A new decoder for each stream (lzma_stream_decoder ends the one before itself).
        initialized = lzma_stream_decoder(&stream, UInt64.max, 0) == LZMA_OK
        return initialized
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: DecodeStatus) {
        stream.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.avail_in = input.count
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.avail_out = output.count
        let code = lzma_code(&stream, LZMA_RUN)
        let consumed = input.count - stream.avail_in
        let produced = output.count - stream.avail_out
        switch code {
        case LZMA_STREAM_END: return (consumed, produced, .streamEnd)
        case LZMA_OK, LZMA_BUF_ERROR: return (consumed, produced, .progress)
        case LZMA_MEMLIMIT_ERROR, LZMA_MEM_ERROR: return (consumed, produced, .failed("liblzma ran out of memory"))
        case LZMA_FORMAT_ERROR: return (consumed, produced, .failed("not an xz stream"))
        case LZMA_OPTIONS_ERROR: return (consumed, produced, .failed("options liblzma does not support"))
        default: return (consumed, produced, .failed("liblzma error \(code.rawValue)"))
        }
    }
}
