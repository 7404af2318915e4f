// A gzip stream read with zlib as a container of its one member, for the case
// libarchive cannot start: it reads a stream ahead (64 KiB of decoded bytes,
// and more while it recognizes a tar inside) before it hands out anything, so a
// stream cut short inside that read-ahead fails whole. zlib hands out what it
// decodes up to the cut, then the failure; a tar inside is then read member by
// member up to there like any nested archive. Concatenated gzip members are read
// one after another.

import CZlib

/// The decoded bytes of one gzip stream (all its concatenated members), as one member.
final class GzipReader: ContainerReader {
    private let source: any ByteSource
    private var stream = z_stream()
    private var started = false
    private var initialized = false
    private var ended = false
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = true

    init(source: any ByteSource) { self.source = source }

    deinit {
        if initialized { inflateEnd(&stream) }
        input.deallocate()
    }

    func next() -> ArchiveReader.Next {
        if started { return .end }
        started = true
        initialized = phidex_inflate_init_auto(&stream) == Z_OK
        guard initialized else { return .failure("zlib could not start", encrypted: false) }
        return .member(ArchiveReader.Member(name: nil, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false))
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if let pending = pendingFailure {
            pendingFailure = nil
            throw pending
        }
        guard initialized, !ended, buffer.count > 0 else { return 0 }
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
        var produced: Int { buffer.count - Int(stream.avail_out) }
        /// Ends the stream with `failure`: thrown now when nothing was decoded in this call, else next.
        func fail(_ failure: ReadFailure) throws(ReadFailure) -> Int {
            ended = true
            guard produced > 0 else { throw failure }
            pendingFailure = failure
            return produced
        }
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                let count = try source.read(into: input)
                if count == 0 {
                    return try fail(ReadFailure(reason: "the gzip stream is cut short (read with zlib up to the cut)"))
                }
                bytesConsumed += Int64(count)
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(count)
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Another gzip member may follow (concatenated streams).
                if stream.avail_in == 0 {
                    let count = try source.read(into: input)
                    if count == 0 {
                        ended = true
                        break
                    }
                    bytesConsumed += Int64(count)
                    stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                    stream.avail_in = uInt(count)
                }
                inflateReset(&stream)
                continue
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                return try fail(ReadFailure(reason: "the gzip stream is damaged (zlib error \(status)); what came before it was read"))
            }
        }
        return produced
    }

    /// A failure met after bytes that were handed on: thrown by the next read.
    private var pendingFailure: ReadFailure?
}
