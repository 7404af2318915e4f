// Writing to stdout and stderr without touching C's global FILE streams (which
// Swift 6 rejects as shared mutable state): buffered write(2) on fd 1 and 2.

import ArgumentParser
import Foundation

/// Buffered line output to standard output. A closed pipe (`phidex report | head`) ends
/// the output quietly instead of killing the process.
final class StandardOutput {
    private var buffer: [UInt8] = []
    private(set) var closed = false

    init() { buffer.reserveCapacity(1 << 16) }

    deinit { flush() }

    func line(_ text: String) throws {
        guard !closed else { throw ExitCode.success }
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
        if closed { throw ExitCode.success }
    }

    func flush() {
        guard !buffer.isEmpty, !closed else { return }
        if !Terminal.writeAll(1, buffer) { closed = true }
        buffer.removeAll(keepingCapacity: true)
    }
}

enum Terminal {
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func error(_ message: String) {
        _ = writeAll(2, Array(("phidex: " + message + "\n").utf8))
    }

    static func note(_ message: String) {
        _ = writeAll(2, Array((message + "\n").utf8))
    }

    /// Writes all of `bytes` to `fd`; false if the other end is gone.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }
}
