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
    static func run(_ arguments: [String], prefix: [String] = [], in directory: String? = nil, stdin: String? = nil) throws -> CommandResult {
        if prefix.isEmpty { return try runTool(url.path, arguments, in: directory, stdin: stdin) }
        return try runTool(prefix[0], Array(prefix.dropFirst()) + [url.path] + arguments, in: directory, stdin: stdin)
    }

    /// Runs any program, its output collected; `stdin` is written to its standard input.
    static func runTool(_ path: String, _ arguments: [String], in directory: String? = nil, stdin: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
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
