// A range of bytes in one file's (or member's) byte stream.

/// Where a finding sits: a byte offset from the start of the stream and a length.
public struct ByteSpan: Hashable, Sendable, Codable, CustomStringConvertible {
    public var offset: Int64
    public var length: Int

    public init(offset: Int64, length: Int) {
        self.offset = offset
        self.length = length
    }

    public var end: Int64 { offset + Int64(length) }
    public var description: String { "\(offset)+\(length)" }
}
