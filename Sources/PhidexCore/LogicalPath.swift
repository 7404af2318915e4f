// Paths as Phidex stores and compares them: absolute, `/`-separated, no `.`,
// `..` or repeated slashes, no trailing slash. Resolved lexically, not through
// symlinks, so the paths in the index are the ones the user typed
// (`/mnt/backups/hr`), not wherever a mount's symlink happens to point.

/// Path normalization shared by scan roots and query folders (`--under`).
public enum LogicalPath {
    /// `path` made absolute against `currentDirectory` and normalized lexically.
    public static func absolute(_ path: String, currentDirectory: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
