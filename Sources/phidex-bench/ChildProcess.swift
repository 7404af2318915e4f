// Runs a benchmark subject as a child process and measures it from outside: wall
// time around posix_spawn … waitpid, and the child's own peak resident memory.
//
// The peak comes from GNU time (`/usr/bin/time -f %M`), which starts the subject
// and reads its rusage: wait4's ru_maxrss of a child spawned straight from this
// process is not the child's alone. Linux carries the high-water mark of the
// memory a process had before execve into the new program's ru_maxrss, and a
// child made by posix_spawn (vfork) runs in this process's memory until it
// execs, so every subject "peaked" at this process's size (which reads the
// text corpus for the detection row). GNU time is small, so its child starts
// from its few megabytes.

import Foundation

/// One finished run of a command.
struct ChildRun {
    var seconds: Double
    /// Peak resident set size of the child itself, bytes.
    var peakRSS: Int
    var status: Int32
    var stderr: String
}

enum ChildProcess {
    /// What `argv` (looked up in PATH) prints on standard output.
    static func output(_ argv: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// GNU time, which measures each subject's own peak memory.
    static let time = "/usr/bin/time"

    /// Runs `argv` with stdout discarded and stderr captured; fails on a non-zero exit.
    static func run(_ argv: [String]) throws -> ChildRun {
        let errPath = NSTemporaryDirectory() + "/phidex-bench-\(getpid()).err"
        let peakPath = NSTemporaryDirectory() + "/phidex-bench-\(getpid()).peak"
        defer {
            unlink(errPath)
            unlink(peakPath)
        }
        guard access(time, X_OK) == 0 else {
            throw BenchError("\(time) is missing: install Debian's `time` package (scripts/bootstrap does)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let measured = [time, "-f", "%M", "-o", peakPath] + argv
        let arguments = measured.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, time, &actions, nil, arguments, environment)
        guard spawned == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = start.duration(to: .now)
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exit == 0 else {
            throw BenchError("\(argv.joined(separator: " ")) exited with status \(exit): \(stderr.suffix(500))")
        }
        // GNU time writes the kilobytes as the last line (after any "Command exited…" note).
        let report = (try? String(contentsOfFile: peakPath, encoding: .utf8)) ?? ""
        guard let kilobytes = report.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw BenchError("\(time) reported no peak memory for \(argv[0])")
        }
        return ChildRun(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakRSS: kilobytes * 1024, status: exit, stderr: stderr)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
