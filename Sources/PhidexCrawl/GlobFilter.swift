// Include/exclude globs, matched with fnmatch(3). A glob without `/` matches a
// file or directory name anywhere (`*.tmp`, `node_modules`); a glob with `/`
// matches the path relative to the root (`hr/*/archive`), where `*` also
// crosses `/`.

#if canImport(Glibc)
import Glibc
#endif

struct GlobFilter: Sendable {
    private let include: [String]
    private let exclude: [String]

    init(include: [String], exclude: [String]) {
        self.include = include
        self.exclude = exclude
    }

    /// Whether there are no globs at all: then nothing is left out, and names need not be spelled out for it.
    var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Whether a directory (relative path, base name) is pruned.
    func excludesDirectory(relative: String, name: String) -> Bool {
        Self.anyMatches(exclude, relative: relative, name: name)
    }

    /// Whether a file is left out: excluded, or not matching any include glob.
    func excludesFile(relative: String, name: String) -> Bool {
        if Self.anyMatches(exclude, relative: relative, name: name) { return true }
        return !include.isEmpty && !Self.anyMatches(include, relative: relative, name: name)
    }

    private static func anyMatches(_ globs: [String], relative: String, name: String) -> Bool {
        globs.contains { glob in
            let subject = glob.contains("/") ? relative : name
            return fnmatch(glob, subject, 0) == 0
        }
    }
}
