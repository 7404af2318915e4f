// The fuzz targets: each hands one input to one reader of untrusted bytes and reads
// everything it yields, as a scan would. A target may return nothing, record an
// error, or stop at a limit; it must not crash, hang or grow without bound.

import Foundation
import PhidexCore
@testable import PhidexDetect
@testable import PhidexExtract

/// One reader under test.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (UnsafeRawBufferPointer) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(name: "walk", summary: "the archive walk: archives, compressors and everything nested, then detection") { walk($0) },
        FuzzTarget(name: "hl7", summary: "detection over HL7 v2 messages (segments, fields, repetitions)") { detect($0) },
        FuzzTarget(name: "tables", summary: "detection over CSV/TSV headers, SQL dumps' CREATE TABLE and INSERT tuples") { detect($0) },
        FuzzTarget(name: "sqltuples", summary: "the SQL dump reader alone: CREATE TABLE, INSERT ... VALUES, COPY") { sqlTuples($0) },
        FuzzTarget(name: "dicom", summary: "DICOM data sets: preamble, explicit and implicit VR, sequences") { stream(DICOMTextSource(MemorySource(Array($0)), prefix: empty)) },
        FuzzTarget(name: "carving", summary: "carving text runs (ASCII, UTF-16) out of binaries") { stream(CarvingSource(MemorySource(Array($0)), prefix: empty)) },
        FuzzTarget(name: "utf16", summary: "UTF-16 decoding, both byte orders (the first byte chooses)") { utf16($0) },
        FuzzTarget(name: "markup", summary: "the markup renderers over libxml2: HTML, Word, sheet and OpenDocument XML (the first byte chooses)") { markup($0) },
        FuzzTarget(name: "mail", summary: "the mail shim over GMime: messages and mailboxes, MIME parts, attachments") { mail($0) },
        FuzzTarget(name: "pdf", summary: "the PDF shim over poppler, and its fallback to carving") { pdf($0) },
        FuzzTarget(name: "pst", summary: "Outlook PST/OST through libpff: folders, messages, attachments") { file($0, suffix: "pst") { path, size throws(ReadFailure) in try PSTReader(path: path, size: size) } },
        FuzzTarget(name: "disk", summary: "disk images through The Sleuth Kit: partition tables, FAT, NTFS, ext, deleted files") { file($0, suffix: "img") { path, _ throws(ReadFailure) in try DiskImageReader(path: path, readDeleted: true) } },
        FuzzTarget(name: "access", summary: "Access databases through mdbtools: catalog, tables, rows, memo fields") { container($0) { source throws(ReadFailure) in try AccessReader(source: source, prefix: empty, file: nil) } },
        FuzzTarget(name: "dbf", summary: "dBase/FoxPro tables: header, fields, records") { container($0) { source throws(ReadFailure) in try DBFReader(source: source, prefix: empty, file: nil) } },
        FuzzTarget(name: "sqlite", summary: "SQLite databases: schema, tables, rows") { container($0) { source throws(ReadFailure) in try SQLiteReader(source: source, prefix: empty, file: nil) } },
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

private var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }
private let engine: DetectionEngine = {
    do { return try DetectionEngine() } catch { fatalError("the built-in rules do not load: \(error)") }
}()

/// A private folder for inputs that readers take by path (libpff, The Sleuth Kit, the walk).
private let folder: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = "\(base)/phidex-fuzz-\(getpid())"
    mkdir(path, 0o700)
    return path
}()

private func write(_ data: UnsafeRawBufferPointer, suffix: String) -> FileEntry {
    let path = "\(folder)/input.\(suffix)"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    precondition(fd >= 0, "cannot write \(path)")
    var done = 0
    while done < data.count {
        let n = Glibc.write(fd, data.baseAddress! + done, data.count - done)
        precondition(n > 0, "cannot write \(path)")
        done += n
    }
    close(fd)
    var st = stat()
    stat(path, &st)
    return FileEntry(osPath: Array(path.utf8), stat: st)
}

/// libFuzzer runs one input at a time, on one thread.
nonisolated(unsafe) private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 64)

/// Reads a byte source to its end or its first error.
private func stream(_ source: any ByteSource) {
    do {
        while try source.read(into: chunk) > 0 {}
    } catch {
        _ = error.reason
    }
}

/// Reads every member of a container, as the walk would (without descending).
private func drain(_ reader: any ContainerReader) {
    var members = 0
    while members < 100_000 {
        switch reader.next() {
        case .end, .failure: return
        case .member(let header):
            members += 1
            guard header.isRegularFile, header.unreadable == nil, !header.isEncrypted else { continue }
            do {
                while try reader.readData(into: chunk) > 0 {}
            } catch {
                _ = error.reason
            }
        }
    }
}

private func container(_ data: UnsafeRawBufferPointer, _ open: (MemorySource) throws(ReadFailure) -> any ContainerReader) {
    do { drain(try open(MemorySource(Array(data)))) } catch { _ = error.reason }
}

private func file(_ data: UnsafeRawBufferPointer, suffix: String, _ open: ([UInt8], Int64) throws(ReadFailure) -> any ContainerReader) {
    let entry = write(data, suffix: suffix)
    do { drain(try open(entry.osPath, entry.size)) } catch { _ = error.reason }
}

private func walk(_ data: UnsafeRawBufferPointer) {
    let entry = write(data, suffix: "bin")
    let source: FileSource
    do { source = try FileSource(opening: entry) } catch { return }
    var limits = ArchiveLimits()
    limits.spoolFolder = folder
    let walker = ContentWalker(limits: limits)
    let scanner = StreamScanner(engine: engine, chunkSize: 64 << 10)
    var found: [Match] = []
    walker.walk(source, path: entry.path) { _, content in
        scanner.reset()
        while scanner.fill(into: &found, { buffer in
            let count = content.read(into: buffer)
            scanner.declare(content.takeTables())
            scanner.declare(carved: content.takeCarvedRuns())
            return count
        }) > 0 {}
        scanner.finish(into: &found)
        found.removeAll(keepingCapacity: true)
    } settled: { _ in }
}

private func detect(_ data: UnsafeRawBufferPointer) {
    let scanner = StreamScanner(engine: engine, chunkSize: 4096)
    var found: [Match] = []
    var offset = 0
    while scanner.fill(into: &found, { buffer in
        let count = min(buffer.count, data.count - offset)
        if count > 0 { buffer.baseAddress!.copyMemory(from: data.baseAddress! + offset, byteCount: count) }
        offset += count
        return count
    }) > 0 {}
    scanner.finish(into: &found)
}

private func sqlTuples(_ data: UnsafeRawBufferPointer) {
    var tables = SQLTables()
    var offset = 0
    // In pieces, as a stream arrives: statements cross piece boundaries.
    while offset < data.count {
        let count = min(777, data.count - offset)
        tables.add(UnsafeRawBufferPointer(rebasing: data[offset..<offset + count]), at: Int64(offset))
        offset += count
    }
}

private func utf16(_ data: UnsafeRawBufferPointer) {
    guard let first = data.first else { return }
    let rest = MemorySource(Array(data.dropFirst()))
    stream(UTF16Source(rest, order: first & 1 == 0 ? .littleEndian : .bigEndian, prefix: empty))
}

private func markup(_ data: UnsafeRawBufferPointer) {
    guard let first = data.first else { return }
    let rest = MemorySource(Array(data.dropFirst()))
    let rendering: any MarkupRendering
    let dialect: MarkupTextSource.Dialect
    switch first % 4 {
    case 0: (rendering, dialect) = (HTMLRendering(), .html)
    case 1: (rendering, dialect) = (WordRendering(), .xml)
    case 2: (rendering, dialect) = (SheetRendering(tables: nil), .xml)
    default: (rendering, dialect) = (OpenDocumentRendering(), .xml)
    }
    stream(MarkupTextSource(rest, prefix: empty, dialect: dialect, rendering: rendering))
}

private func mail(_ data: UnsafeRawBufferPointer) {
    let mailbox = data.starts(with: Array("From ".utf8))
    container(data) { source throws(ReadFailure) in try MailReader(mailbox: mailbox, source: source, prefix: empty, file: nil) }
}

private func pdf(_ data: UnsafeRawBufferPointer) {
    let entry = write(data, suffix: "pdf")
    do {
        let source = try FileSource(opening: entry)
        stream(PDFTextSource(source, prefix: empty, file: source))
    } catch {
        _ = error.reason
    }
}
