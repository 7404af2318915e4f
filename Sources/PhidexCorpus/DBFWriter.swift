// A FoxPro 2.x table (.dbf, version 0xF5) with its memo file (.fpt), as old
// practice-management systems keep their patients: fixed-width records of
// character (C), date (D, YYYYMMDD) and memo (M, a block number) fields, and
// the memos in 64-byte blocks of the .fpt (each a big-endian type and length,
// then the text). Written from the dBase/FoxPro file structure as Visual FoxPro's
// documentation gives it.

/// Builds a dBase table and its memo file.
public struct DBFWriter {
    public enum Field {
        case character(String, width: Int)
        case date(String)
        case memo(String)

        var name: String {
            switch self {
            case .character(let name, _), .date(let name), .memo(let name): name
            }
        }
    }

    public let fields: [Field]
    private var records: [[UInt8]] = []
    private var memo: [UInt8]
    private static let blockSize = 64

    public init(fields: [Field]) {
        self.fields = fields
        // The memo header: the next free block (big-endian), then the block size at 6.
        memo = [UInt8](repeating: 0, count: 512)
        memo[6] = 0
        memo[7] = UInt8(Self.blockSize)
    }

    private static func width(_ field: Field) -> Int {
        switch field {
        case .character(_, let width): width
        case .date: 8
        case .memo: 10
        }
    }

    /// Appends a record: one value per field (a date as `YYYYMMDD`, a memo's text).
    public mutating func append(_ values: [String]) {
        var record: [UInt8] = [0x20]  // not deleted
        for (field, value) in zip(fields, values) {
            let width = Self.width(field)
            switch field {
            case .character, .date:
                let bytes = Array(value.utf8.prefix(width))
                record += bytes + Array(repeating: 0x20, count: width - bytes.count)
            case .memo:
                let block = memo.count / Self.blockSize
                let text = Array(value.utf8)
                memo += [0, 0, 0, 1] + Self.bigEndian(UInt32(text.count)) + text
                memo += Array(repeating: 0, count: (Self.blockSize - memo.count % Self.blockSize) % Self.blockSize)
                let number = Array(String(block).utf8)
                record += Array(repeating: 0x20, count: width - number.count) + number
            }
        }
        records.append(record)
    }

    /// The table's bytes.
    public var table: [UInt8] {
        let headerLength = 32 + 32 * fields.count + 1
        let recordLength = 1 + fields.reduce(0) { $0 + Self.width($1) }
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[0] = 0xF5
        bytes[1] = 124  // last update 2024-06-30
        bytes[2] = 6
        bytes[3] = 30
        bytes.replaceSubrange(4..<8, with: Self.littleEndian(UInt32(records.count), 4))
        bytes.replaceSubrange(8..<10, with: Self.littleEndian(UInt32(headerLength), 2))
        bytes.replaceSubrange(10..<12, with: Self.littleEndian(UInt32(recordLength), 2))
        var offset = 1
        for field in fields {
            var descriptor = [UInt8](repeating: 0, count: 32)
            let name = Array(field.name.utf8.prefix(10))
            descriptor.replaceSubrange(0..<name.count, with: name)
            switch field {
            case .character: descriptor[11] = 0x43
            case .date: descriptor[11] = 0x44
            case .memo: descriptor[11] = 0x4D
            }
            descriptor.replaceSubrange(12..<16, with: Self.littleEndian(UInt32(offset), 4))
            descriptor[16] = UInt8(Self.width(field))
            offset += Self.width(field)
            bytes += descriptor
        }
        bytes.append(0x0D)
        for record in records { bytes += record }
        bytes.append(0x1A)
        return bytes
    }

    /// The memo file's bytes (its header names the next free block).
    public var memoFile: [UInt8] {
        var bytes = memo
        bytes.replaceSubrange(0..<4, with: Self.bigEndian(UInt32(memo.count / Self.blockSize)))
        return bytes
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * (3 - $0))) & 0xFF) } }
    private static func littleEndian(_ value: UInt32, _ width: Int) -> [UInt8] { (0..<width).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
