// Temporary directory trees for tests, built from code so every fixture is
// visible where it is used. Values are synthetic: reference fixtures from
// shared/reference/identifiers.md and made-up numbers.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A temporary directory removed when the test is done with it.
final class TestTree: Sendable {
    let root: String

    init(_ name: String = "tree") throws {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/phidex-test-\(name)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        root = String(cString: made)
        chmod(root, 0o755)
    }

    deinit {
        // Give back permissions a test took away, then remove everything.
        _ = try? FileManager.default.subpathsOfDirectory(atPath: root).forEach { chmod(root + "/" + $0, 0o755) }
        try? FileManager.default.removeItem(atPath: root)
        // Tests keep indexes and baselines beside the tree (`root + ".db"` with its WAL and key,
        // `root + "-killed.db"`, ...), where a scan of the tree does not see them; those go too.
        let parent = (root as NSString).deletingLastPathComponent, name = (root as NSString).lastPathComponent
        for sibling in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where sibling.hasPrefix(name + ".") || sibling.hasPrefix(name + "-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + sibling)
        }
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `contents` at `relative`, creating folders; mode 0644 unless given.
    @discardableResult
    func file(_ relative: String, _ contents: String, mode: mode_t = 0o644) throws -> String {
        try bytes(relative, Array(contents.utf8), mode: mode)
    }

    @discardableResult
    func bytes(_ relative: String, _ contents: [UInt8], mode: mode_t = 0o644) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(contents).write(to: URL(fileURLWithPath: full))
        chmod(full, mode)
        return full
    }

    func directory(_ relative: String, mode: mode_t = 0o755) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
        chmod(path(relative), mode)
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }

    func fifo(_ relative: String) {
        mkfifo(path(relative), 0o644)
    }
}
