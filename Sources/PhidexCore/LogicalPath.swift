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

    /// A file name's or a path's bytes as text that keeps distinct names distinct and is safe to print:
    /// valid UTF-8 as it is; a byte that is not UTF-8 (a Latin-1 name on an old SMB share), a control
    /// character (a newline or an ESC sequence in a name would rewrite a terminal or a log) and the
    /// backslash itself as `\xNN`. `caf\xE9.txt` and `caf\xE8.txt` are two files, as on disk.
    public static func display(_ bytes: some Collection<UInt8>) -> String {
        // Most names are printable ASCII: nothing to decode or escape.
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C }) { return String(decoding: bytes, as: UTF8.self) }
        var text = ""
        var rest = Array(bytes)[...]
        while let first = rest.first {
            var decoder = UTF8()
            var input = rest.makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&input) {
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x5C {
                    text += escape(UInt8(scalar.value))
                } else {
                    text.unicodeScalars.append(scalar)
                }
                rest = rest.dropFirst(UTF8.width(scalar))
            } else {
                // Not UTF-8: this byte alone is escaped, and decoding starts again at the next.
                text += escape(first)
                rest = rest.dropFirst()
            }
        }
        return text
    }

    /// A name already held as text (an archive member's) made safe the same way.
    public static func display(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0x5C }) { return text }
        return display(Array(text.utf8))
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
