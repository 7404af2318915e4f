// A dBase or FoxPro table (.dbf, as many practice-management systems keep
// their patients) as a container of one member, `(table)`: the field names as a
// header line, then each record as a tab-separated line — character fields
// trimmed, dates (D, T) as ISO 8601, integers and currency as numbers, and memo
// fields (M) read from the memo file beside the table (`.fpt` for FoxPro, `.dbt`
// for dBase III and IV) when the table is a file on the share. Records marked
// deleted are read too: their bytes are still in the file. Bytes above ASCII
// are read as Windows-1252's Latin-1 range.

#if canImport(Glibc)
import Glibc
#endif

/// Reads the records of a dBase table. Owned by one task.
final class DBFReader: ContainerReader {
    private struct Field {
        var name: String
        var type: UInt8
        var length: Int
    }

    private let input: BufferedInput
    private let fields: [Field]
    private let recordLength: Int
    private var recordsLeft: Int
    private let memo: MemoFile?
    private var started = false
    private var done = false
    private var line: [UInt8] = []
    private var lineOffset = 0
    private var record: [UInt8]
    /// Memo fields that point at a memo file not found beside the table, or at blocks not in it.
    private var memoMissing = false
    private var memoProblems = 0
    /// The table is a member of another container: no memo file can be looked for beside it.
    private let nested: Bool
    let isSingleStream = false
    var bytesConsumed: Int64 { input.consumed }

    init(source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) throws(ReadFailure) {
        input = BufferedInput(source: source, prefix: prefix)
        nested = file == nil
        let header = try input.take(32)
        guard header.count == 32, let layout = Self.layout(header) else { throw ReadFailure(reason: "not a dBase table header") }
        let descriptors = try input.take(layout.headerLength - 32)
        guard descriptors.count == layout.headerLength - 32 else { throw ReadFailure(reason: "the table header is cut short") }
        var fields: [Field] = []
        var at = 0
        while at + 32 <= descriptors.count, descriptors[at] != 0x0D {
            let raw = descriptors[at..<(at + 11)].prefix { $0 != 0 }
            let name = String(decoding: raw, as: UTF8.self)
            fields.append(Field(name: name, type: descriptors[at + 11], length: Int(descriptors[at + 16])))
            at += 32
        }
        guard !fields.isEmpty, fields.reduce(1, { $0 + $1.length }) <= layout.recordLength else {
            throw ReadFailure(reason: "the table's field descriptors do not match its record length")
        }
        self.fields = fields
        recordLength = layout.recordLength
        // A header's record count can be stale (a table copied while open, a crash): records the file
        // holds past it are read too.
        let held = file.map { Int(($0.entry.size - Int64(layout.headerLength)) / Int64(layout.recordLength)) } ?? 0
        recordsLeft = max(layout.records, held)
        record = [UInt8](repeating: 0, count: layout.recordLength)
        memo = fields.contains(where: { $0.type == 0x4D || $0.type == 0x47 }) ? file.flatMap { MemoFile(beside: $0.entry.osPath) } : nil
        line = fields.map(\.name).joined(separator: "\t").utf8.map { $0 } + [0x0A]
    }

    func next() -> ArchiveReader.Next {
        if started { return .end }
        started = true
        return .member(ArchiveReader.Member(name: "(table)", mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false))
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        var written = 0
        while written < buffer.count {
            if lineOffset == line.count {
                guard !done, recordsLeft > 0 else {
                    // Said once the rows are read: memos the table points at but that could not be read.
                    if memoMissing || memoProblems > 0, written == 0 {
                        let missing = memoMissing
                        memoMissing = false
                        let problems = memoProblems
                        memoProblems = 0
                        throw ReadFailure(reason: missing
                            ? nested
                                ? "its memo fields point at a memo file, not joined to a table inside another container; their text was not read"
                                : "its memo fields point at a memo file (.fpt, .dbt) not found beside the table; their text was not read"
                            : "\(problems) memo\(problems == 1 ? "" : "s") not readable in its memo file")
                    }
                    break
                }
                let bytes = try input.take(recordLength)
                recordsLeft -= 1
                // A record cut short (a truncated table) ends the rows; the ones before it were read.
                guard bytes.count == recordLength, bytes[0] != 0x1A else {
                    done = true
                    if bytes.count < recordLength && bytes.first != 0x1A && !bytes.isEmpty {
                        throw ReadFailure(reason: "the table ends inside a record; the rows before it were read")
                    }
                    break
                }
                render(bytes)
            }
            let count = min(buffer.count - written, line.count - lineOffset)
            line.withUnsafeBytes { buffer.baseAddress!.advanced(by: written).copyMemory(from: $0.baseAddress! + lineOffset, byteCount: count) }
            lineOffset += count
            written += count
        }
        return written
    }

    /// One record as a tab-separated line.
    private func render(_ bytes: [UInt8]) {
        line.removeAll(keepingCapacity: true)
        lineOffset = 0
        var at = 1
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(0x09) }
            let value = bytes[at..<min(bytes.count, at + field.length)]
            at += field.length
            switch field.type {
            case 0x44:  // D: YYYYMMDD
                let digits = value.filter { $0 != 0x20 }
                if digits.count == 8 { append(digits[digits.startIndex..<digits.startIndex + 4]); line.append(0x2D); append(digits.dropFirst(4).prefix(2)); line.append(0x2D); append(digits.suffix(2)) }
            case 0x54 where field.length == 8:  // T: Julian day and milliseconds, little-endian
                let day = Int(Self.littleEndian(value.prefix(4)))
                if day > 0 { line.append(contentsOf: Self.isoDate(julianDay: day).utf8) }
            case 0x49 where field.length == 4:  // I: a signed 32-bit integer
                line.append(contentsOf: String(Int32(bitPattern: UInt32(Self.littleEndian(value)))).utf8)
            case 0x59 where field.length == 8:  // Y: currency, 1/10,000 units
                let raw = Int64(bitPattern: Self.littleEndian(value))
                let magnitude = raw.magnitude
                line.append(contentsOf: "\(raw < 0 ? "-" : "")\(magnitude / 10_000).\(String(magnitude % 10_000).leftPadded(4))".utf8)
            case 0x4D, 0x47:  // M (memo), G (general): a block number in the memo file
                let block = field.length == 4
                    ? Int(Self.littleEndian(value))
                    : Int(String(decoding: value.filter { $0 >= 0x30 && $0 <= 0x39 }.prefix(12), as: UTF8.self)) ?? 0
                if block > 0, field.type == 0x4D {
                    if let memo {
                        if let text = memo.text(at: block) { append(text[...]) } else { memoProblems += 1 }
                    } else {
                        memoMissing = true
                    }
                }
            case 0x42 where field.length == 8, 0x4F where field.length == 8, 0x30:  // B/O doubles, _NullFlags: not text
                break
            default:
                append(value)
            }
        }
        line.append(0x0A)
    }

    /// Text bytes trimmed of padding, tabs and line breaks as spaces, Latin-1 above ASCII as UTF-8.
    private func append(_ bytes: ArraySlice<UInt8>) {
        var slice = bytes
        while let last = slice.last, last == 0x20 || last == 0 { slice = slice.dropLast() }
        while let first = slice.first, first == 0x20 { slice = slice.dropFirst() }
        for byte in slice {
            switch byte {
            case 0x09, 0x0A, 0x0D, 0: line.append(0x20)
            case 0x80...: line.append(0xC0 | (byte >> 6)); line.append(0x80 | (byte & 0x3F))
            default: line.append(byte)
            }
        }
    }

    private static func littleEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The Gregorian date of a Julian day number (Fliegel and Van Flandern).
    private static func isoDate(julianDay: Int) -> String {
        var l = julianDay + 68569
        let n = 4 * l / 146_097
        l -= (146_097 * n + 3) / 4
        let i = 4000 * (l + 1) / 1_461_001
        l = l - 1461 * i / 4 + 31
        let j = 80 * l / 2447
        let day = l - 2447 * j / 80
        l = j / 11
        let month = j + 2 - 12 * l
        let year = 100 * (n - 49) + i + l
        return "\(year)-\(String(month).leftPadded(2))-\(String(day).leftPadded(2))"
    }

    /// The header's layout when `header` (its first 32 bytes) is a dBase table's.
    private static func layout(_ header: [UInt8]) -> (records: Int, headerLength: Int, recordLength: Int)? {
        let versions: Set<UInt8> = [0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB]
        guard header.count >= 32, versions.contains(header[0]), (1...12).contains(header[2]), (1...31).contains(header[3]) else { return nil }
        let records = Int(littleEndian(header[4..<8]))
        let headerLength = Int(header[8]) | Int(header[9]) << 8
        let recordLength = Int(header[10]) | Int(header[11]) << 8
        guard headerLength >= 65, recordLength >= 2, header[12...13].allSatisfy({ $0 == 0 }) else { return nil }
        return (records, headerLength, recordLength)
    }

    /// Whether `prefix` starts a dBase table: a known version byte, a plausible date, and field
    /// descriptors ending in 0x0D whose lengths add up to the record length.
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count >= 65, let layout = layout(Array(prefix[0..<32])), layout.headerLength <= prefix.count else { return false }
        var at = 32, total = 1
        while at < layout.headerLength {
            if prefix[at] == 0x0D { return total == layout.recordLength && at > 32 }
            guard at + 32 <= layout.headerLength else { return false }
            let type = prefix[at + 11]
            guard (0x41...0x5A).contains(type) || type == 0x30 || type == 0x2B || type == 0x40, prefix[at] >= 0x30 else { return false }
            total += Int(prefix[at + 16])
            at += 32
        }
        return false
    }
}

/// A table's memo file (.fpt, .dbt), read by block number.
private final class MemoFile {
    private let descriptor: Int32
    private let blockSize: Int
    private let foxPro: Bool
    private let dBaseIV: Bool
    /// The longest memo read (longer ones are cut).
    static let limit = 1 << 20

    init?(beside table: [UInt8]) {
        guard let dot = table.lastIndex(of: 0x2E) else { return nil }
        let stem = Array(table[..<dot])
        var found: (Int32, Bool)?
        for suffix in ["fpt", "FPT", "dbt", "DBT"] {
            var path = stem + Array(".\(suffix)".utf8)
            path.append(0)
            let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) } }
            if fd >= 0 { found = (fd, suffix.lowercased() == "fpt"); break }
        }
        guard let (fd, foxPro) = found else { return nil }
        var header = [UInt8](repeating: 0, count: 512)
        guard pread(fd, &header, 512, 0) == 512 else { close(fd); return nil }
        descriptor = fd
        self.foxPro = foxPro
        if foxPro {
            blockSize = max(1, Int(header[6]) << 8 | Int(header[7]))
            dBaseIV = false
        } else {
            let size = Int(header[20]) | Int(header[21]) << 8
            dBaseIV = size > 0 && header[16] != 0x03
            blockSize = dBaseIV && size > 0 ? size : 512
        }
    }

    deinit { close(descriptor) }

    /// The text of the memo starting at `block`.
    func text(at block: Int) -> [UInt8]? {
        let (product, overflow) = block.multipliedReportingOverflow(by: blockSize)
        guard !overflow, product < Int64.max / 2 else { return nil }
        let offset = off_t(product)
        var head = [UInt8](repeating: 0, count: 8)
        guard pread(descriptor, &head, 8, offset) == 8 else { return nil }
        if foxPro || dBaseIV {
            let length = foxPro
                ? Int(head[4]) << 24 | Int(head[5]) << 16 | Int(head[6]) << 8 | Int(head[7])
                : (Int(head[4]) | Int(head[5]) << 8 | Int(head[6]) << 16 | Int(head[7]) << 24) - 8
            if foxPro && head[3] != 1 { return nil }  // a picture or an object, not text
            let count = min(max(0, length), Self.limit)
            var bytes = [UInt8](repeating: 0, count: count)
            let got = pread(descriptor, &bytes, count, offset + 8)
            return got > 0 ? Array(bytes[..<got]) : nil
        }
        // dBase III: text until 0x1A.
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        var at = offset
        while bytes.count < Self.limit {
            let got = pread(descriptor, &chunk, 512, at)
            guard got > 0 else { break }
            if let end = chunk[..<got].firstIndex(of: 0x1A) { bytes += chunk[..<end]; break }
            bytes += chunk[..<got]
            at += off_t(got)
        }
        return bytes
    }
}

/// `prefix`, then `source`, taken in exact counts.
private final class BufferedInput {
    let source: any ByteSource
    private var pending: [UInt8]
    private var offset = 0
    private(set) var consumed: Int64 = 0
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
    private var ended = false

    init(source: any ByteSource, prefix: UnsafeRawBufferPointer) {
        self.source = source
        pending = Array(prefix)
    }

    deinit { chunk.deallocate() }

    /// The next `count` bytes, fewer at the end.
    func take(_ count: Int) throws(ReadFailure) -> [UInt8] {
        while pending.count - offset < count && !ended {
            let got = try source.read(into: chunk)
            if got == 0 { ended = true; break }
            pending.removeFirst(offset)
            offset = 0
            pending.append(contentsOf: chunk[..<got])
        }
        let end = min(pending.count, offset + count)
        let bytes = Array(pending[offset..<end])
        offset = end
        consumed += Int64(bytes.count)
        return bytes
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
