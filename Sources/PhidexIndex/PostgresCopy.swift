// Rows for PostgreSQL's COPY in its text format, as `PostgresDatabase.copy`
// sends them.

/// Rows being written for `COPY … FROM STDIN` (text format): fields separated by tabs, NULL as
/// `\N`, backslash, tab, newline and carriage return escaped.
struct PostgresCopy {
    private(set) var bytes: [UInt8] = []
    /// Rows appended so far, sent or not.
    private(set) var rows = 0

    /// Forgets the bytes once they are sent; the row count stays.
    mutating func sent() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one row.
    mutating func row(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(0x09) }
            guard let field else {
                bytes.append(contentsOf: [0x5C, 0x4E])  // \N
                continue
            }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x0A)
        rows += 1
    }
}
