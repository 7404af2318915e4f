// errno as words people read in reports: `permission denied`, not `13`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A short, lowercase reason for an errno value, e.g. `permission denied`.
public func describeErrno(_ code: Int32) -> String {
    switch code {
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "vanished (no such file or directory)"
    case EIO: return "I/O error"
    case ELOOP: return "too many levels of symbolic links"
    case ENAMETOOLONG: return "file name too long"
    case EMFILE, ENFILE: return "too many open files"
    case ESTALE: return "stale file handle"
    default:
        if let text = strerror(code) { return String(cString: text).lowercased() }
        return "errno \(code)"
    }
}
