// Runs a benchmark subject as a child process and measures it from outside:
// wall time around posix_spawn … wait4, and peak resident memory from wait4's rusage.

import Foundation

/// One finished run of a command.
struct ChildRun {
    var seconds: Double
    /// Peak resident set size of the child, bytes (Linux reports kilobytes).
    var peakRSS: Int
    var status: Int32
    var stderr: String
}

enum ChildProcess {
    /// Runs `argv` with stdout discarded and stderr captured; fails on a non-zero exit.
    static func run(_ argv: [String]) throws -> ChildRun {
        let errPath = NSTemporaryDirectory() + "/phidex-bench-\(getpid()).err"
        defer { unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let arguments = argv.map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            environment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawnp(&pid, argv[0], &actions, nil, arguments, environment)
        guard spawned == 0 else { throw BenchError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = start.duration(to: .now)
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        guard exit == 0 else {
            throw BenchError("\(argv.joined(separator: " ")) exited with status \(exit): \(stderr.suffix(500))")
        }
        return ChildRun(
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            peakRSS: Int(usage.ru_maxrss) * 1024, status: exit, stderr: stderr)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
