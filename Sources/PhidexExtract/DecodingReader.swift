// A gzip, xz or bzip2 stream read with its own library (zlib, liblzma, libbz2) as
// a container of its one member, for the case libarchive cannot start: it reads a
// stream ahead (64 KiB of decoded bytes, and more while it recognizes a tar
// inside) before it hands out anything, so a stream cut short inside that
// read-ahead fails whole. These libraries hand out what they decode up to the
// cut, then the failure; a tar inside is then read member by member up to there
// like any nested archive. Concatenated streams are read one after another.
//
// What "up to the cut" holds depends on the format: gzip and xz decode byte by
// byte, so everything before the cut is read; bzip2 decodes whole blocks (900 kB
// of text each by default), so only the blocks before the cut are.

/// What a stream decoder reports after a step.
enum DecodeStatus: Equatable {
    case progress
    /// The end of one stream (another may follow).
    case streamEnd
    case failed(String)
}

/// One compression library's decoder.
protocol StreamDecoder: AnyObject {
    /// The format's name in reasons.
    var name: String { get }
    /// Starts (or, after a stream's end, restarts) decoding; false if the library cannot.
    func start() -> Bool
    /// Decodes from `input` into `output`: how many bytes each took and gave, and the status.
    func decode(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, status: DecodeStatus)
}

/// The decoded bytes of one compressed stream (all its concatenated parts), as one member.
final class DecodingReader: ContainerReader {
    private let source: any ByteSource
    private let decoder: any StreamDecoder
    private var started = false
    private var ended = false
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    private var pending = UnsafeRawBufferPointer(start: nil, count: 0)
    /// A failure met after bytes that were handed on: thrown by the next read.
    private var pendingFailure: ReadFailure?
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = true

    /// The reader for `format` (gzip, xz or bzip2), or nil for another format.
    init?(format: ContainerFormat, source: any ByteSource) {
        switch format {
        case .gzip: decoder = ZlibDecoder()
        case .xz: decoder = LZMADecoder()
        case .bzip2: decoder = BZip2Decoder()
        default: return nil
        }
        self.source = source
    }

    deinit { input.deallocate() }

    func next() -> ArchiveReader.Next {
        if started { return .end }
        started = true
        guard decoder.start() else { return .failure("\(decoder.name) could not start", encrypted: false) }
        return .member(ArchiveReader.Member(name: nil, mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false))
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if let failure = pendingFailure {
            pendingFailure = nil
            throw failure
        }
        guard started, !ended, buffer.count > 0 else { return 0 }
        var produced = 0
        /// Ends the stream with `failure`: thrown now when nothing was decoded in this call, else next.
        func fail(_ failure: ReadFailure) throws(ReadFailure) -> Int {
            ended = true
            guard produced > 0 else { throw failure }
            pendingFailure = failure
            return produced
        }
        while produced < buffer.count {
            if pending.isEmpty {
                let count = try source.read(into: input)
                if count == 0 {
                    return try fail(ReadFailure(reason: "the \(decoder.name) stream is cut short (read up to the cut)"))
                }
                bytesConsumed += Int64(count)
                pending = UnsafeRawBufferPointer(rebasing: input[..<count])
            }
            let step = decoder.decode(pending, into: UnsafeMutableRawBufferPointer(rebasing: buffer[produced...]))
            pending = UnsafeRawBufferPointer(rebasing: pending[step.consumed...])
            produced += step.produced
            switch step.status {
            case .progress:
                // Input left, room left, and nothing taken or given: the decoder is stuck.
                if step.consumed == 0 && step.produced == 0 && !pending.isEmpty {
                    return try fail(ReadFailure(reason: "the \(decoder.name) stream is damaged (no progress); what came before it was read"))
                }
            case .streamEnd:
                // Another stream may follow (concatenated streams); the end of the input ends it.
                if pending.isEmpty {
                    let count = try source.read(into: input)
                    if count == 0 {
                        ended = true
                        return produced
                    }
                    bytesConsumed += Int64(count)
                    pending = UnsafeRawBufferPointer(rebasing: input[..<count])
                }
                guard decoder.start() else { return try fail(ReadFailure(reason: "\(decoder.name) could not restart")) }
            case .failed(let why):
                return try fail(ReadFailure(reason: "the \(decoder.name) stream is damaged (\(why)); what came before it was read"))
            }
        }
        return produced
    }
}
