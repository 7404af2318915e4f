// The identity and metadata of one file as the crawler saw it.
//
// `path` is what people and the index see. `osPath` holds the exact bytes the
// kernel knows the file by: Linux file names need not be UTF-8 (old SMB shares
// carry Latin-1 names), and a lossy String would not open them again.

#if canImport(Glibc)
public import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file (or, later, one archive member) with the metadata an auditor needs.
public struct FileEntry: Sendable, Hashable {
    /// The logical path, absolute, `/`-separated; bytes that are not UTF-8, control characters and
    /// backslashes appear as `\xNN` (`LogicalPath.display`), so distinct files keep distinct paths.
    public var path: String
    /// The path's bytes as the file system stores them (no trailing NUL).
    public var osPath: [UInt8]
    public var size: Int64
    /// Modification and status-change times, nanoseconds since the Unix epoch.
    public var mtimeNanoseconds: Int64
    public var ctimeNanoseconds: Int64
    public var device: UInt64
    public var inode: UInt64
    public var uid: UInt32
    public var gid: UInt32
    /// The full `st_mode`: file type bits and permission bits.
    public var mode: UInt32

    public init(
        path: String, osPath: [UInt8], size: Int64, mtimeNanoseconds: Int64, ctimeNanoseconds: Int64,
        device: UInt64, inode: UInt64, uid: UInt32, gid: UInt32, mode: UInt32
    ) {
        self.path = path
        self.osPath = osPath
        self.size = size
        self.mtimeNanoseconds = mtimeNanoseconds
        self.ctimeNanoseconds = ctimeNanoseconds
        self.device = device
        self.inode = inode
        self.uid = uid
        self.gid = gid
        self.mode = mode
    }

    /// An entry built from the bytes of a path and its `stat`.
    public init(osPath: [UInt8], stat st: stat) {
        self.init(
            path: LogicalPath.display(osPath),
            osPath: osPath,
            size: Int64(st.st_size),
            mtimeNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            ctimeNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec),
            device: UInt64(st.st_dev),
            inode: UInt64(st.st_ino),
            uid: UInt32(st.st_uid),
            gid: UInt32(st.st_gid),
            mode: UInt32(st.st_mode)
        )
    }

    /// An entry known only by its path (it could not be stat'ed).
    public init(osPath: [UInt8]) {
        self.init(
            path: LogicalPath.display(osPath), osPath: osPath, size: 0, mtimeNanoseconds: 0,
            ctimeNanoseconds: 0, device: 0, inode: 0, uid: 0, gid: 0, mode: 0)
    }

    /// Calls `body` with the path as a NUL-terminated C string.
    public func withCString<R>(_ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        try withCPath(osPath, body)
    }
}

/// Calls `body` with `bytes` as a NUL-terminated C string (for paths that need not be UTF-8).
public func withCPath<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
    try (bytes + [0]).withUnsafeBufferPointer { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
    }
}
