// Runs the built `phidex` executable, for tests of the command line itself
// (exit codes, messages, golden output). `swift test` builds it beside the
// test bundle.

import Foundation

struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum PhidexBinary {
    /// The `phidex` executable next to the running test binary.
    static var url: URL {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("phidex")
    }

    /// Runs `phidex arguments…`, optionally as another user through `setpriv` (prefix arguments).
    static func run(_ arguments: [String], prefix: [String] = [], in directory: String? = nil) throws -> CommandResult {
        let process = Process()
        if prefix.isEmpty {
            process.executableURL = url
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: prefix[0])
            process.arguments = Array(prefix.dropFirst()) + [url.path] + arguments
        }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
