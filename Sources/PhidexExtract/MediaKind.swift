// Images, audio and video, recognized by their first bytes. Their payload is
// compressed samples that hold no text; their metadata (EXIF, ID3, XMP, a
// scanner's comments) sits at the start. So a media file is read up to
// `ArchiveLimits.mediaBytes` and the rest skipped, unless asked otherwise —
// a backup share full of camera footage then costs what its headers do.

/// A media format recognized by magic bytes.
enum MediaKind: String {
    case jpeg, png, gif, tiff, webp, heic, mp4, mov, avi, mkv, mp3, wav, flac, ogg

    static func sniff(_ prefix: UnsafeRawBufferPointer) -> MediaKind? {
        func starts(_ magic: some Collection<UInt8>, at offset: Int = 0) -> Bool {
            ContainerFormat.starts(prefix, magic, at: offset)
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts("GIF87a".utf8) || starts("GIF89a".utf8) { return .gif }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts("RIFF".utf8) {
            if starts("WEBP".utf8, at: 8) { return .webp }
            if starts("AVI ".utf8, at: 8) { return .avi }
            if starts("WAVE".utf8, at: 8) { return .wav }
        }
        if starts("ftyp".utf8, at: 4) {
            if starts("heic".utf8, at: 8) || starts("heix".utf8, at: 8) || starts("mif1".utf8, at: 8) { return .heic }
            if starts("qt  ".utf8, at: 8) { return .mov }
            return .mp4
        }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .mkv }
        if starts("ID3".utf8) || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) { return .mp3 }
        if starts("fLaC".utf8) { return .flac }
        if starts("OggS".utf8) { return .ogg }
        return nil
    }
}

/// The first `limit` bytes of `prefix` then `source`; notes whether more were there.
final class PrefixSource: ByteSource {
    private let source: any ByteSource
    private var prefix: [UInt8]
    private var left: Int64
    private(set) var truncated = false

    init(_ source: any ByteSource, prefix: UnsafeRawBufferPointer, limit: Int64) {
        self.source = source
        self.prefix = Array(prefix.prefix(Int(clamping: limit)))
        left = limit - Int64(self.prefix.count)
        truncated = prefix.count > self.prefix.count
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if !prefix.isEmpty {
            let count = min(buffer.count, prefix.count)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: count) }
            prefix.removeFirst(count)
            return count
        }
        guard left > 0 else {
            if !truncated {
                let probe = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
                defer { probe.deallocate() }
                truncated = try source.read(into: probe) > 0
            }
            return 0
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), left))]))
        left -= Int64(count)
        return count
    }
}
