// Walks a file as a tree: a plain file is one piece of content; an archive or
// compressed stream is opened (recognized by content, not name) and each member
// walked in turn, to any depth the limits allow, streaming from the outer level
// without temporary files. Visitors see only leaf content; containers come back
// as items with statuses that include their members' (an archive with an
// encrypted member is itself reported `encrypted`).

import PhidexCore
#if canImport(Glibc)
import Glibc
#endif

/// Walks files and the archives inside them. Owned by one task; reused from file to file.
public final class ContentWalker {
    public let limits: ArchiveLimits
    /// The first bytes of the content being recognized.
    private let peek: UnsafeMutableRawBufferPointer
    private var items: [ContentItem] = []
    private var budget = Budget(limits: ArchiveLimits(), fileSize: 0)

    public init(limits: ArchiveLimits = ArchiveLimits()) {
        self.limits = limits
        peek = .allocate(byteCount: ContainerFormat.sniffLength, alignment: 64)
    }

    deinit { peek.deallocate() }

    /// Walks `file`, whose logical path is `path`, calling `visit` for every piece of non-archive
    /// content (the file itself when it is not an archive) with its item index and stream.
    /// Returns every item reached, the file itself first; `visit`'s index points into it.
    public func walk(_ file: FileSource, path: String, visit: (Int, ContentItem, ContentStream) -> Void) -> [ContentItem] {
        items.removeAll(keepingCapacity: true)
        budget = Budget(limits: limits, fileSize: file.entry.size)
        items.append(ContentItem(path: path, depth: 0))
        let count: Int
        do {
            count = try fill(peek, from: file)
        } catch {
            items[0].status = .error
            items[0].reason = error.reason
            return items
        }
        let prefix = UnsafeRawBufferPointer(rebasing: peek[..<count])
        if let format = ContainerFormat.sniff(prefix), file.seek(to: 0, whence: SEEK_SET) == 0 {
            items[0].container = format
            do {
                let reader = try ArchiveReader(
                    format: format, source: file, prefix: UnsafeRawBufferPointer(start: nil, count: 0), seekable: file)
                walkMembers(of: reader, at: 0, visit: visit)
                items[0].bytesRead = max(reader.bytesConsumed, file.entry.size)
            } catch {
                items[0].status = .error
                items[0].reason = "not readable as \(format.rawValue): \(error.reason)"
            }
            // A file that only looked like an archive (no member could be read) is still content.
            if items[0].status == .error && !items.dropFirst().contains(where: { $0.status == .ok || $0.container != nil })
                && file.seek(to: 0, whence: SEEK_SET) == 0
            {
                let reason = items[0].reason
                items.removeSubrange(1...)
                items[0].container = nil
                items[0].members = 0
                let stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: file)
                visit(0, items[0], stream)
                items[0].bytesRead = stream.bytesRead
                items[0].reason = (reason ?? "") + "; scanned as raw bytes"
                if let failure = stream.failure { items[0].reason! += "; \(failure.reason)" }
            }
            return items
        }
        let stream = ContentStream(prefix: prefix, source: file)
        visit(0, items[0], stream)
        items[0].bytesRead = stream.bytesRead
        if let failure = stream.failure {
            items[0].status = .error
            items[0].reason = failure.reason
        }
        return items
    }

    /// Reads the members of the container at `items[index]`, then gives it the worst member status.
    private func walkMembers(of reader: ArchiveReader, at index: Int, visit: (Int, ContentItem, ContentStream) -> Void) {
        let containerPath = items[index].path
        let depth = items[index].depth + 1
        var children: [Int] = []
        walking: while budget.stopped == nil {
            switch reader.next() {
            case .end:
                break walking
            case .failure(let message, let encrypted):
                items[index].status = encrypted ? .encrypted : .error
                items[index].reason = items[index].members == 0
                    ? message : "stopped after \(items[index].members) members: \(message)"
                break walking
            case .member(let header):
                guard header.isRegularFile else { continue }
                budget.members += 1
                if budget.members > limits.members { budget.stop(.members) }
                if budget.checkTime() { break walking }
                if budget.stopped != nil { break walking }
                items[index].members += 1
                let name = memberName(header.name, reader: reader, container: containerPath)
                var item = ContentItem(path: containerPath + "!" + name, depth: depth, mtimeNanoseconds: header.mtimeNanoseconds)
                let itemIndex = items.count
                children.append(itemIndex)
                if header.isEncrypted {
                    item.status = .encrypted
                    item.reason = "encrypted member; content not readable without the password"
                    items.append(item)
                    continue
                }
                items.append(item)
                readMember(reader, at: itemIndex, visit: visit)
            }
        }
        if budget.stopped != nil && items[index].status == .ok {
            items[index].status = .limit(budget.stopped!.rawValue)
            items[index].reason = budget.reason
        }
        rollUp(children, into: index)
    }

    /// Reads the current member of `reader` as `items[index]`: a nested container or content.
    private func readMember(_ reader: ArchiveReader, at index: Int, visit: (Int, ContentItem, ContentStream) -> Void) {
        let data = MemberData(reader: reader, budget: budget)
        let count: Int
        do {
            count = try fill(peek, from: data)
        } catch {
            items[index].status = .error
            items[index].reason = error.reason
            items[index].bytesRead = data.bytesRead
            return
        }
        let prefix = UnsafeRawBufferPointer(rebasing: peek[..<count])
        if data.limitHit == nil, let format = ContainerFormat.sniff(prefix) {
            items[index].container = format
            if items[index].depth + 1 > limits.depth {
                items[index].status = .limit(ArchiveLimits.Name.depth.rawValue)
                items[index].reason = "an archive \(items[index].depth + 1) levels deep; not opened (limit \(limits.depth))"
                return
            }
            do {
                let nested = try ArchiveReader(format: format, source: data, prefix: prefix, seekable: nil)
                walkMembers(of: nested, at: index, visit: visit)
            } catch {
                items[index].status = .error
                items[index].reason = "not readable as \(format.rawValue): \(error.reason)"
            }
        } else {
            let stream = ContentStream(prefix: prefix, source: data)
            visit(index, items[index], stream)
            if let failure = stream.failure {
                items[index].status = .error
                items[index].reason = failure.reason
            }
        }
        items[index].bytesRead = data.bytesRead
        if let limit = data.limitHit, items[index].status == .ok || items[index].container != nil && !items[index].status.isLimit {
            items[index].status = .limit(limit.rawValue)
            items[index].reason = data.limitReason
        }
    }

    /// A container that read cleanly still reports its worst member: a limit, then encryption,
    /// then an error — an auditor must see that part of it went unread.
    private func rollUp(_ children: [Int], into index: Int) {
        guard items[index].status == .ok else { return }
        for wanted in [{ (s: FileStatus) in s.isLimit }, { $0 == .encrypted }, { $0 == .error }] {
            let hits = children.filter { wanted(items[$0].status) }
            guard let first = hits.first else { continue }
            items[index].status = items[first].status
            let name = items[first].path.split(separator: "!").last.map(String.init) ?? ""
            items[index].reason = hits.count == 1
                ? "member \(name): \(items[first].reason ?? items[first].status.rawValue)"
                : "\(hits.count) of \(children.count) members \(items[first].status.rawValue), first \(name)"
            return
        }
    }

    /// A member's name; a single compressed stream is named after its container minus the suffix.
    private func memberName(_ declared: String?, reader: ArchiveReader, container: String) -> String {
        if reader.isSingleStream || declared == nil || declared!.isEmpty {
            let last = container.split(separator: "!").last.map(String.init) ?? container
            let base = last.split(separator: "/").last.map(String.init) ?? last
            if let dot = base.lastIndex(of: "."), dot > base.startIndex {
                let suffix = base[base.index(after: dot)...].lowercased()
                if ["gz", "gzip", "bz2", "xz", "zst", "lz4", "lz", "z"].contains(suffix) { return String(base[..<dot]) }
                if suffix == "tgz" { return String(base[..<dot]) + ".tar" }
            }
            return "data"
        }
        return declared!
    }

    /// Reads until `buffer` is full or the source ends.
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, from source: any ByteSource) throws(ReadFailure) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

/// The limits' running totals for one top-level file.
private final class Budget {
    let limits: ArchiveLimits
    let fileSize: Int64
    let started = ContinuousClock.now
    var decoded: Int64 = 0
    var members = 0
    private(set) var stopped: ArchiveLimits.Name?

    init(limits: ArchiveLimits, fileSize: Int64) {
        self.limits = limits
        self.fileSize = fileSize
    }

    func stop(_ name: ArchiveLimits.Name) { if stopped == nil { stopped = name } }

    /// Stops the walk once its time is up; returns whether it is stopped.
    func checkTime() -> Bool {
        if started.duration(to: .now) > .milliseconds(Int64(limits.seconds * 1000)) { stop(.time) }
        return stopped != nil
    }

    /// Counts `count` decoded bytes against the whole-file limits.
    func add(_ count: Int) {
        decoded += Int64(count)
        if decoded > limits.archiveBytes { stop(.archiveBytes) }
        if decoded >= limits.ratioFloor && decoded / max(1, fileSize) > limits.ratio { stop(.ratio) }
        _ = checkTime()
    }

    var reason: String {
        switch stopped {
        case .archiveBytes: "over \(limits.archiveBytes) decoded bytes in one file; the rest not read"
        case .ratio: "decoded over \(limits.ratio) times the file's size (a compression bomb?); the rest not read"
        case .members: "over \(limits.members) members in one file; the rest not read"
        case .time: "over \(Int(limits.seconds)) s on one file; the rest not read"
        case .depth, .memberBytes, nil: ""
        }
    }
}

/// The decoded bytes of the current member, counted against the limits.
private final class MemberData: ByteSource {
    let reader: ArchiveReader
    let budget: Budget
    var bytesRead: Int64 = 0
    var limitHit: ArchiveLimits.Name?

    init(reader: ArchiveReader, budget: Budget) {
        self.reader = reader
        self.budget = budget
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        if let stopped = budget.stopped { limitHit = limitHit ?? stopped; return 0 }
        let room = budget.limits.memberBytes - bytesRead
        guard room > 0 else {
            limitHit = .memberBytes
            return 0
        }
        let count = try reader.readData(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<Int(min(Int64(buffer.count), room))]))
        bytesRead += Int64(count)
        budget.add(count)
        return count
    }

    var limitReason: String {
        limitHit == .memberBytes ? "over \(budget.limits.memberBytes) decoded bytes; the rest of the member not read" : budget.reason
    }
}
