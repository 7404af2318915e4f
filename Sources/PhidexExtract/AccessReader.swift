// A Microsoft Access database (.mdb, Jet 3 and 4; .accdb, ACE) as a container
// of its tables, through mdbtools (the C side is Sources/CAccess): each user
// table is a member (`practice.mdb!Patients`) read as tab-separated text whose
// first line names the columns, rows streamed one at a time — as SQLite tables
// are read. Text comes decoded from Jet's UTF-16 and compressed Unicode, dates
// as ISO 8601. OLE object and binary columns are left empty (their bytes are not
// carved). A database inside another container is copied into memory first,
// up to `copyLimit`.

import CAccess
#if canImport(Glibc)
import Glibc
#endif

/// Reads the tables of an Access database, row by row. Owned by one task.
final class AccessReader: ContainerReader {
    /// The largest database read from inside another container.
    static let copyLimit = 256 << 20

    private let access: OpaquePointer
    /// The copy a nested database is read from (mdbtools does not own it).
    private var copy: UnsafeMutableRawBufferPointer?
    private(set) var bytesConsumed: Int64 = 0
    let isSingleStream = false
    /// Why the file as a whole is not fully readable (it ends inside a page: cut short); said after the last table.
    private var problem: String?

    init(source: any ByteSource, prefix: UnsafeRawBufferPointer, file: FileSource?) throws(ReadFailure) {
        var error = [CChar](repeating: 0, count: 512)
        let opened: OpaquePointer?
        if let file, prefix.isEmpty {
            var path = file.entry.osPath
            path.append(0)
            opened = path.withUnsafeBufferPointer { name in
                name.withMemoryRebound(to: CChar.self) { phidex_access_open($0.baseAddress, nil, 0, &error, error.count) }
            }
            bytesConsumed = file.entry.size
        } else {
            let bytes = try MemorySource.copy(prefix, then: source, limit: Self.copyLimit, what: "an Access database")
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
            copy = buffer
            bytesConsumed = Int64(bytes.count)
            opened = phidex_access_open(nil, buffer.baseAddress, bytes.count, &error, error.count)
        }
        guard let opened else {
            copy?.deallocate()
            throw ReadFailure(reason: error.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        }
        access = opened
        // Jet 3 pages are 2 KiB, Jet 4 and ACE pages 4 KiB (the version byte at 0x14): a file that ends
        // inside a page was cut short, and rows on the pages past the cut are lost.
        let pageSize: Int64 = prefix.count > 0x14 && prefix[0x14] == 0 ? 2048 : 4096
        if let file, prefix.isEmpty {
            var version: UInt8 = 1
            do throws(ReadFailure) {
                guard file.seek(to: 0x14, whence: SEEK_SET) == 0x14 else { throw ReadFailure(reason: "cannot seek to its version byte") }
                _ = try withUnsafeMutableBytes(of: &version) { (buffer) throws(ReadFailure) in try file.read(into: buffer) }
                let size = file.entry.size, page: Int64 = version == 0 ? 2048 : 4096
                if size % page != 0 { problem = "the file ends inside page \(size / page) (cut short?); rows on later pages are lost" }
            } catch {
                problem = "its page size could not be checked: \(error.reason)"
            }
        } else if bytesConsumed % pageSize != 0 {
            problem = "the file ends inside page \(bytesConsumed / pageSize) (cut short?); rows on later pages are lost"
        }
    }

    deinit {
        phidex_access_close(access)
        copy?.deallocate()
    }

    func next() -> ArchiveReader.Next {
        var readable: Int32 = 0
        guard let table = phidex_access_next_table(access, &readable) else {
            if let problem {
                self.problem = nil
                return .failure(problem, encrypted: false)
            }
            return .end
        }
        let name = String(cString: table).map { $0 == "!" || $0 == "/" ? "_" : $0 }
        return .member(ArchiveReader.Member(
            name: String(name), mtimeNanoseconds: nil, isRegularFile: true, isEncrypted: false,
            unreadable: readable != 0 ? nil : "table definition or columns not readable"))
    }

    func readData(into buffer: UnsafeMutableRawBufferPointer) throws(ReadFailure) -> Int {
        guard buffer.count > 0 else { return 0 }
        let count = phidex_access_read(access, buffer.baseAddress, buffer.count)
        guard count >= 0 else {
            throw ReadFailure(reason: "more rows than a file of its size can hold (damaged page links); the rest not read")
        }
        return count
    }

    /// Whether `prefix` starts a Jet (.mdb) or ACE (.accdb) database: page 0's `Standard Jet DB` /
    /// `Standard ACE DB` at offset 4.
    static func sniff(_ prefix: UnsafeRawBufferPointer) -> Bool {
        guard prefix.count >= 19, prefix[0] == 0, prefix[1] == 1, prefix[2] == 0, prefix[3] == 0 else { return false }
        return ContainerFormat.starts(prefix, "Standard Jet DB".utf8, at: 4) || ContainerFormat.starts(prefix, "Standard ACE DB".utf8, at: 4)
    }
}
