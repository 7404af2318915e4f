// gzip (and zlib) streams through zlib, for DecodingReader.

import CZlib

final class ZlibDecoder: StreamDecoder {
    private var stream = z_stream()
    private var initialized = false
    let name = "gzip"

    deinit { if initialized { inflateEnd(&stream) } }

    func start() -> Bool {
        if initialized { return inflateReset(&stream) == Z_OK }
        initialized = phidex_inflate_init_auto(&stream) == Z_OK
        return initialized
    }

    func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: DecodeStatus) {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(min(input.count, Int(UInt32.max)))
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(min(output.count, Int(UInt32.max)))
        let code = inflate(&stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.avail_in)
        let produced = output.count - Int(stream.avail_out)
        switch code {
        case Z_STREAM_END: return (consumed, produced, .streamEnd)
        case Z_OK, Z_BUF_ERROR: return (consumed, produced, .progress)
        default: return (consumed, produced, .failed("zlib error \(code)"))
        }
    }
}
