// A container member's decoded bytes as a stream, counted against the member's
// own limits and its file's as they are read.

/// The decoded bytes of the current member, counted against the limits: its own (bytes, and the
/// ratio of what it decodes to what it takes from its archive) and its file's.
final class MemberData: ByteSource {
    let reader: any ContainerReader
    let budget: WalkBudget
    var bytesRead: Int64 = 0
    var limitHit: ArchiveLimits.Name?
    /// The limit is this member's own (`member-bytes`, or `ratio` measured on the member): its
    /// siblings are still read.
    private var ownLimit = false
    /// The archive's compressed bytes taken before this member's first byte.
    private let consumedBefore: Int64
    /// libarchive's read-ahead buffer (ArchiveReader's upstream reads).
    static let readAheadSlack: Int64 = 256 << 10

    init(reader: any ContainerReader, budget: WalkBudget) {
        self.reader = reader
        self.budget = budget
        consumedBefore = reader.bytesConsumed
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if ownLimit { return 0 }
        if let stopped = budget.stopped { limitHit = limitHit ?? stopped; return 0 }
        let room = budget.limits.memberBytes - bytesRead
        guard room > 0 else {
            limitHit = .memberBytes
            ownLimit = true
            return 0
        }
        let count = try reader.readData(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), room))]))
        bytesRead += Int64(count)
        // A member that decodes to over `ratio` times what it took from its archive is a bomb of
        // its own: it stops here, recorded `limit:ratio`, and the archive's next member is read.
        // The compressed bytes are counted as the archive reads them, a read-ahead buffer at a time:
        // a member whose bytes were already buffered took up to one buffer, not none.
        if reader.decompresses, bytesRead >= budget.limits.ratioFloor,
            bytesRead / max(reader.bytesConsumed - consumedBefore, Self.readAheadSlack) > budget.limits.ratio
        {
            limitHit = .ratio
            if reader.skipsMembersCheaply {
                ownLimit = true
                budget.forgiven += bytesRead
                budget.bombs += 1
                // Many bomb members are one bomb: past a few, the whole file stops at the ratio limit.
                if budget.bombs >= WalkBudget.bombMembers { budget.stop(.ratio) }
            } else {
                // Skipping the rest of a member of a compressed stream (a tar.gz, a solid 7z) means
                // decoding it, out of reach of every limit: the whole file stops here instead.
                budget.stop(.ratio)
            }
        }
        budget.add(count)
        return count
    }

    var limitReason: String {
        switch (limitHit, ownLimit) {
        case (.memberBytes, _): "over \(budget.limits.memberBytes) decoded bytes; the rest of the member not read"
        case (.ratio, true):
            "decoded over \(budget.limits.ratio) times its compressed size (a compression bomb?); the rest of the member not read, its siblings read"
        default: budget.reason
        }
    }
}
