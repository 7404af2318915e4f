// In-process measurements: how fast this machine reads from the page cache and
// inflates gzip with zlib (the ceilings), and Phidex's detection alone on one core.

import CZlib
import Foundation
import PhidexDetect

enum Ceilings {
    /// Reads every file in 1 MiB chunks; returns bytes read.
    static func read(_ files: [String]) throws -> Int {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        var total = 0
        for file in files {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { throw BenchError("cannot open \(file)") }
            defer { close(fd) }
            while true {
                let n = Foundation.read(fd, buffer.baseAddress, buffer.count)
                if n <= 0 { break }
                total += n
            }
        }
        return total
    }

    /// Runs Phidex's detection engine over every file on this thread, reading in 1 MiB
    /// chunks into the scanner's own buffer, as a scan worker does. Returns (bytes, matches).
    static func detect(_ files: [String], engine: DetectionEngine) throws -> (bytes: Int, matches: Int) {
        let scanner = StreamScanner(engine: engine, chunkSize: 1 << 20)
        var matches: [Match] = []
        var total = 0, found = 0
        for file in files {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { throw BenchError("cannot open \(file)") }
            defer { close(fd) }
            while try scanner.fill(into: &matches, { free -> Int in
                let n = Foundation.read(fd, free.baseAddress, free.count)
                if n < 0 { throw BenchError("read failed on \(file)") }
                return n
            }) > 0 {}
            total += Int(scanner.bytesSeen)
            scanner.finish(into: &matches)
            found += matches.count
            matches.removeAll(keepingCapacity: true)
        }
        return (total, found)
    }

    /// Inflates a gzip file with zlib in 1 MiB buffers; returns bytes produced.
    static func inflate(_ path: String) throws -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 20)
        defer { output.deallocate() }
        var stream = z_stream()
        guard phidex_inflate_init_auto(&stream) == Z_OK else { throw BenchError("inflateInit2 failed") }
        defer { inflateEnd(&stream) }
        var produced = 0
        try data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: UInt8.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while true {
                stream.next_out = output
                stream.avail_out = 1 << 20
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                produced += (1 << 20) - Int(stream.avail_out)
                if status == Z_STREAM_END { break }
                guard status == Z_OK else { throw BenchError("inflate failed (\(status))") }
            }
        }
        return produced
    }
}
