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
    private var budget = WalkBudget(limits: ArchiveLimits(), fileSize: 0, shouldStop: { false })

    /// Asked between members and reads: true ends the walk early (the scan is being cancelled).
    private let shouldStop: () -> Bool

    public init(limits: ArchiveLimits = ArchiveLimits(), shouldStop: @escaping () -> Bool = { false }) {
        self.limits = limits
        self.shouldStop = shouldStop
        peek = .allocate(byteCount: ContainerFormat.sniffLength, alignment: 64)
    }

    deinit { peek.deallocate() }

    /// Walks `file`, whose logical path is `path`. `content` gets every piece of non-archive
    /// content — the file itself when it is not an archive — to read; `settled` gets every item
    /// once its status is final: a member right after it was read, a container after its
    /// members, the file itself last. Nothing is kept per member, so a backup with a million
    /// members walks in flat memory.
    public func walk(
        _ file: FileSource, path: String, content: (ContentItem, ContentStream) -> Void, settled: (ContentItem) -> Void
    ) {
        budget = WalkBudget(limits: limits, fileSize: file.entry.size, shouldStop: shouldStop)
        var item = ContentItem(path: path, depth: 0)
        let count: Int
        do {
            count = try fill(peek, from: file)
        } catch {
            item.status = .error
            item.reason = error.reason
            return settled(item)
        }
        let prefix = UnsafeRawBufferPointer(rebasing: peek[..<count])
        if let segment = DiskImageReader.laterSegment(file, prefix: prefix) {
            item.status = .skipped
            item.reason = segment
            return settled(item)
        }
        guard let format = ContainerFormat.sniff(prefix), file.seek(to: 0, whence: SEEK_SET) == 0 else {
            return settled(read(item, prefix: prefix, from: file, content: content))
        }
        item.container = format
        var readable = false
        let tables = format == .zip && DocumentPart.isOfficeOpenXML(prefix) ? spreadsheetTables(in: file) : nil
        do {
            let listed = format == .zip ? ZipDirectory.entryCount(file) : nil
            let names = listed.map { _ in MemberNames() }
            let reader = try ContainerOpener.open(format, source: file, prefix: UnsafeRawBufferPointer(start: nil, count: 0), file: file, limits: limits)
            readable = walkMembers(of: reader, container: &item, tables: tables, names: names, content: content, settled: settled)
            item.bytesRead = reader.bytesConsumed  // a zip read from its central directory skips what it need not read
            if let listed, let names, let archive = reader as? ArchiveReader, archive.headersRead < listed, budget.stopped == nil {
                readOrphans(of: file, item: &item, listed: listed, found: archive.headersRead, known: names.set, tables: tables, content: content, settled: settled)
            }
        } catch {
            item.status = .error
            item.reason = "not readable as \(format.rawValue): \(error.reason)"
            // libarchive reads a compressed stream ahead before it hands out anything, and a stream cut
            // short inside that read-ahead fails whole: its own library reads it up to the cut.
            if let reader = DecodingReader(format: format, source: file), file.seek(to: 0, whence: SEEK_SET) == 0 {
                item.status = .ok
                item.reason = nil
                readable = walkMembers(of: reader, container: &item, content: content, settled: settled)
                item.bytesRead = reader.bytesConsumed
            }
        }
        // A file that only looked like an archive (nothing in it could be read) is still content.
        if item.status == .error && !readable && file.seek(to: 0, whence: SEEK_SET) == 0 {
            let reason = item.reason ?? ""
            item.container = nil
            item.members = 0
            item.reason = nil
            item = read(item, prefix: UnsafeRawBufferPointer(start: nil, count: 0), from: file, content: content)
            item.status = .error
            item.reason = reason + "; scanned as raw bytes" + (item.reason.map { "; " + $0 } ?? "")
        }
        settled(item)
    }

    /// A zip whose central directory lists more entries than libarchive handed out members (two
    /// entries pointing at one local header): read again from its local headers, in order, for the
    /// members not seen the first time. The zip is then `error`: its directory does not describe it.
    private func readOrphans(
        of file: FileSource, item: inout ContentItem, listed: Int, found: Int, known: Set<String>, tables: SpreadsheetTables?,
        content: (ContentItem, ContentStream) -> Void, settled: (ContentItem) -> Void
    ) {
        guard file.seek(to: 0, whence: SEEK_SET) == 0 else { return }
        let before = item.members
        do {
            let stream = try ArchiveReader(format: .zip, source: file, prefix: UnsafeRawBufferPointer(start: nil, count: 0), seekable: nil)
            var again = item
            _ = walkMembers(of: stream, container: &again, tables: tables, skipping: known, content: content, settled: settled)
            item.members = again.members
            if again.status != .ok && item.status == .ok { item.status = again.status }
        } catch {
            // Read as far as the directory allowed: said below.
        }
        let orphans = item.members - before
        if item.status == .ok { item.status = .error }
        let note = "its central directory lists \(listed) entries but points at \(found) member header\(found == 1 ? "" : "s"); "
            + (orphans > 0 ? "\(orphans) member\(orphans == 1 ? "" : "s") nothing pointed at read from \(orphans == 1 ? "its local header" : "their local headers")"
                : "no other member found in its local headers")
        item.reason = item.reason.map { $0 + "; " + note } ?? note
    }

    /// `item` read as content: `prefix`, then the rest of `source`.
    private func read(
        _ item: ContentItem, prefix: UnsafeRawBufferPointer, from source: any ByteSource,
        part: DocumentPart? = nil, tables: SpreadsheetTables? = nil, carve: Bool = false,
        content: (ContentItem, ContentStream) -> Void
    ) -> ContentItem {
        var item = item
        let stream: ContentStream
        var media: (kind: MediaKind, prefix: PrefixSource)?
        if carve {
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: CarvingSource(source, prefix: prefix))
        } else if part == nil, let limit = limits.mediaBytes, let kind = MediaKind.sniff(prefix) {
            // Media: its first bytes (metadata) are read, carved like any binary; the rest skipped.
            let limited = PrefixSource(source, prefix: prefix, limit: limit)
            media = (kind, limited)
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: CarvingSource(limited, prefix: UnsafeRawBufferPointer(start: nil, count: 0)))
        } else if let part, let rendering = part.rendering(tables) {
            // An office document's text part (or a mail's HTML body): rendered as lines and tables.
            let text = MarkupTextSource(source, prefix: prefix, dialect: part.dialect, rendering: rendering)
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: text)
        } else if MarkupTextSource.looksLikeHTML(prefix) {
            let text = MarkupTextSource(source, prefix: prefix, dialect: .html, rendering: HTMLRendering())
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: text)
        } else if let order = UTF16Source.byteOrderMark(prefix) {
            // UTF-16 with a byte-order mark: detectors read it decoded to UTF-8.
            let decoder = UTF16Source(source, order: order, prefix: UnsafeRawBufferPointer(rebasing: prefix[2...]))
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: decoder)
        } else if DICOMTextSource.sniff(prefix) {
            // Before PDF: an encapsulated-PDF DICOM file may hold `%PDF-` in its first KiB, and its
            // patient fields are in the DICOM header.
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: DICOMTextSource(source, prefix: prefix))
        } else if PDFTextSource.sniff(prefix) {
            let text = PDFTextSource(source, prefix: prefix, file: item.depth == 0 ? source as? FileSource : nil)
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: text)
        } else if CarvingSource.isBinary(prefix) {
            // Binary: ASCII is read as it is, UTF-16 runs rewritten in place as ASCII.
            stream = ContentStream(prefix: UnsafeRawBufferPointer(start: nil, count: 0), source: CarvingSource(source, prefix: prefix))
        } else {
            stream = ContentStream(prefix: prefix, source: source)
        }
        content(item, stream)
        item.bytesRead = stream.bytesRead
        // Rendered text is shorter or longer than the file it came from: a file read to its end
        // counts its own size (members count their decoded bytes, set by the caller).
        if item.depth == 0, stream.failure == nil, media == nil, stream.rendered, let file = source as? FileSource {
            item.bytesRead = file.entry.size
        }
        if let failure = stream.failure {
            item.status = failure.encrypted ? .encrypted : .error
            item.reason = failure.reason
        } else if let media, media.prefix.truncated {
            item.status = .skipped
            item.reason = "\(media.kind.rawValue) media: its first \(limits.mediaBytes ?? 0) bytes (metadata) read, the rest skipped (--read-media reads it whole)"
        }
        return item
    }

    /// Walks the members of `container`, settling each, and gives `container` the worst member
    /// status. Returns whether any member was read cleanly or opened as an archive.
    private func walkMembers(
        of reader: any ContainerReader, container: inout ContentItem, tables: SpreadsheetTables? = nil,
        names: MemberNames? = nil, skipping known: Set<String>? = nil,
        content: (ContentItem, ContentStream) -> Void, settled: (ContentItem) -> Void
    ) -> Bool {
        var worst = WorstMembers()
        var readable = false
        walking: while budget.stopped == nil {
            switch reader.next() {
            case .end:
                break walking
            case .failure(let message, let encrypted):
                container.status = encrypted ? .encrypted : .error
                container.reason = container.members == 0
                    ? message : "stopped after \(container.members) member\(container.members == 1 ? "" : "s"): \(message)"
                break walking
            case .member(let header):
                if let name = header.name {
                    if known?.contains(name) == true { continue }
                    names?.set.insert(name)
                }
                guard header.isRegularFile else { continue }
                budget.members += 1
                if budget.members > limits.members { budget.stop(.members) }
                if budget.checkTime() { break walking }
                container.members += 1
                // Member names as file names are: control characters and backslashes escaped.
                let name = LogicalPath.display(memberName(header.name, reader: reader, container: container.path))
                var member = ContentItem(path: container.path + "!" + name, depth: container.depth + 1, mtimeNanoseconds: header.mtimeNanoseconds)
                let part = header.name.flatMap { DocumentPart(memberName: $0) }
                if let unreadable = header.unreadable {
                    member.status = .error
                    member.reason = unreadable
                } else if header.isEncrypted {
                    member.status = .encrypted
                    member.reason = "encrypted member; content not readable without the password"
                } else if let carved = header.carved {
                    member = readCarved(reader, member, because: carved, content: content)
                } else if part == .sharedStrings, let tables {
                    if let failure = tables.failure {
                        member.status = .error
                        member.reason = "its \(tables.stringCount) strings are read in the sheets that use them, but not all of the workbook's strings and styles were readable: \(failure)"
                    } else {
                        member.reason = "its \(tables.stringCount) strings are read in the sheets that use them"
                    }
                } else {
                    member = readMember(reader, member, part: part, tables: tables, content: content, settled: settled)
                    if header.deleted && member.status == .ok && member.reason == nil {
                        member.reason = "a deleted file (its directory entry is unallocated), read because --deleted was given"
                    }
                }
                // A carved volume was read (as raw bytes): the container is not rescanned whole.
                readable = readable || member.status == .ok || member.container != nil || header.carved != nil || member.bytesRead > 0
                worst.add(member)
                settled(member)
            }
        }
        if budget.interrupted && container.status == .ok {
            container.status = .error
            container.reason = "the scan was interrupted before the end of the archive"
        } else if let stopped = budget.stopped, container.status == .ok {
            container.status = .limit(stopped.rawValue)
            container.reason = budget.reason
        }
        worst.rollUp(into: &container)
        return readable
    }

    /// Reads the current member of `reader`: a nested container (walked in turn) or content.
    private func readMember(
        _ reader: any ContainerReader, _ member: ContentItem, part: DocumentPart?, tables: SpreadsheetTables?,
        content: (ContentItem, ContentStream) -> Void, settled: (ContentItem) -> Void
    ) -> ContentItem {
        var member = member
        let data = MemberData(reader: reader, budget: budget)
        let count: Int
        do {
            count = try fill(peek, from: data)
        } catch {
            member.status = .error
            member.reason = error.reason
            member.bytesRead = data.bytesRead
            return member
        }
        let prefix = UnsafeRawBufferPointer(rebasing: peek[..<count])
        if data.limitHit == nil, part?.isText != true, let format = ContainerFormat.sniff(prefix) {
            member.container = format
            if member.depth + 1 > limits.depth {
                member.status = .limit(ArchiveLimits.Name.depth.rawValue)
                member.reason = "an archive \(member.depth + 1) levels deep; not opened (limit \(limits.depth))"
                return member
            }
            do {
                if format.needsFile {
                    // A disk image or an Outlook store inside an archive or a mail: its library reads
                    // a file, so the member is copied to a private temporary file first.
                    let name = DiskImageReader.embeddedExtentName(prefix) ?? member.path.split(separator: "!").last.map(String.init) ?? "member"
                    let spool = try SpooledFile(copying: prefix, then: data, name: name, limit: limits.spoolBytes, in: limits.spoolFolder)
                    do {
                        let nested = try ContainerOpener.open(format, spooled: spool, limits: limits)
                        _ = walkMembers(of: nested, container: &member, content: content, settled: settled)
                    } catch {
                        // Not readable as what it looked like: its bytes are carved, as a file's would be.
                        member.container = nil
                        member = read(member, prefix: UnsafeRawBufferPointer(start: nil, count: 0), from: try spool.reader(), content: content)
                        member.status = .error
                        member.reason = "not readable as \(format.rawValue): \(error.reason); scanned as raw bytes"
                    }
                } else if format == .zip && DocumentPart.isOfficeOpenXML(prefix) {
                    let copy = try copyDocument(prefix, data)
                    // An office document inside an archive or a mail: read from memory, twice.
                    let tables = spreadsheetTables(in: copy)
                    let nested = try ArchiveReader(format: format, source: copy, prefix: UnsafeRawBufferPointer(start: nil, count: 0), seekable: copy)
                    _ = walkMembers(of: nested, container: &member, tables: tables, content: content, settled: settled)
                } else {
                    let nested = try ContainerOpener.open(format, source: data, prefix: prefix, file: nil, limits: limits)
                    _ = walkMembers(of: nested, container: &member, content: content, settled: settled)
                }
            } catch {
                member.status = .error
                member.reason = "not readable as \(format.rawValue): \(error.reason)"
            }
        } else {
            member = read(member, prefix: prefix, from: data, part: part, tables: tables, content: content)
        }
        member.bytesRead = data.bytesRead
        if budget.interrupted && data.limitHit != nil {
            member.status = .error
            member.reason = "the scan was interrupted while reading it"
        } else if let limit = data.limitHit, !member.status.isLimit {
            member.status = .limit(limit.rawValue)
            member.reason = data.limitReason
        }
        return member
    }

    /// Reads the current member of `reader` as raw bytes to carve (a volume without a file system
    /// Phidex reads), and records why: `error`, or `encrypted` for a BitLocker volume (not read).
    private func readCarved(
        _ reader: any ContainerReader, _ member: ContentItem, because reason: String, content: (ContentItem, ContentStream) -> Void
    ) -> ContentItem {
        var member = member
        let data = MemberData(reader: reader, budget: budget)
        do {
            let count = try fill(peek, from: data)
            let prefix = UnsafeRawBufferPointer(rebasing: peek[..<count])
            if DiskImageReader.isBitLocker(prefix) {
                member.status = .encrypted
                member.reason = "a BitLocker volume; its files are not readable without the recovery key"
            } else {
                member = read(member, prefix: prefix, from: data, carve: true, content: content)
                if member.status == .ok {
                    member.status = .error
                    member.reason = reason
                }
            }
        } catch {
            member.status = .error
            member.reason = error.reason
        }
        member.bytesRead = data.bytesRead
        if let limit = data.limitHit, !member.status.isLimit, member.status != .encrypted {
            member.status = .limit(limit.rawValue)
            member.reason = data.limitReason
        }
        return member
    }

    /// Reads xl/sharedStrings.xml and xl/styles.xml of the OOXML zip `source`, if it has them,
    /// and rewinds it. Nil when it has neither (a docx, a pptx) or cannot be read.
    private func spreadsheetTables(in source: any SeekableByteSource) -> SpreadsheetTables? {
        defer { _ = source.seek(to: 0, whence: SEEK_SET) }
        guard source.seek(to: 0, whence: SEEK_SET) == 0 else { return nil }
        let reader: ArchiveReader
        do {
            reader = try ArchiveReader(format: .zip, source: source, prefix: UnsafeRawBufferPointer(start: nil, count: 0), seekable: source)
        } catch {
            // The walk that follows opens the same zip and records why it cannot.
            return nil
        }
        let tables = SpreadsheetTables()
        var found = false
        let sink = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 16)
        defer { sink.deallocate() }
        while case .member(let header) = reader.next(), !header.isEncrypted {
            let rendering: any MarkupRendering
            switch header.name {
            case "xl/sharedStrings.xml": rendering = SpreadsheetTables.StringsReader(into: tables)
            case "xl/styles.xml": rendering = SpreadsheetTables.StylesReader(into: tables)
            case "xl/workbook.xml": rendering = SpreadsheetTables.WorkbookReader(into: tables)
            default: continue
            }
            found = true
            let data = MemberData(reader: reader, budget: budget)
            let markup = MarkupTextSource(data, prefix: UnsafeRawBufferPointer(start: nil, count: 0), dialect: .xml, rendering: rendering)
            do {
                while try markup.read(into: sink) > 0 {}
            } catch {
                // What was read before and after the fault is kept; the part says what went wrong.
                if tables.failure == nil { tables.failure = "\(header.name ?? "a part"): \(error.reason)" }
            }
        }
        return found ? tables : nil
    }

    /// Copies a nested document (its first bytes `prefix`, then `data`) into memory, when it is at
    /// most `documentCopyLimit` bytes.
    private func copyDocument(_ prefix: UnsafeRawBufferPointer, _ data: MemberData) throws(ReadFailure) -> MemorySource {
        MemorySource(try MemorySource.copy(prefix, then: data, limit: Self.documentCopyLimit, what: "an office document"))
    }

    /// The largest office document copied out of an archive to be read twice (sheets, then strings).
    static let documentCopyLimit = 256 << 20

    /// A member's name; a single compressed stream is named after its container minus the suffix.
    private func memberName(_ declared: String?, reader: any ContainerReader, container: String) -> String {
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

/// The names of the members a walk handed out (a zip's, to tell which its central directory missed).
final class MemberNames {
    var set: Set<String> = []
}

