// The `phidex` command: parse, call the library, print. Thin on purpose.

import ArgumentParser
import CSupport
import Foundation

@main
struct Phidex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phidex",
        abstract: "Find protected health information (PHI) on file shares and index where it is.",
        discussion: """
            Phidex walks directory trees, reads every file, detects identifiers such as Social \
            Security numbers, and records where they are in an index (SQLite, ./phidex.db by \
            default). The index never holds identifier values: only masked previews and keyed hashes.

            Typical session:
              phidex scan /mnt/backups             # build or extend the index
              phidex report                        # findings, riskiest files first
              phidex query --ssn 078-05-1123       # where does this value appear?
              phidex query --type ssn --under /mnt/backups/hr

            Exit status: 0 success (query: found), 1 query found nothing, 2 could not run, \
            130 interrupted (143 on SIGTERM, 129 on SIGHUP).
            """,
        version: "0.1.0",
        subcommands: [
            ScanCommand.self, QueryCommand.self, ReportCommand.self, RulesCommand.self, CorpusCommand.self,
            EvalCommand.self, DiffCommand.self, CheckCommand.self, ExplainCommand.self, IndexCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command; usage errors exit 2 (not argument-parser's 64), like other failures.
    static func main() async {
        setlocale(LC_ALL, "C.UTF-8")
        signal(SIGPIPE, SIG_IGN)
        // glibc returns freed memory at the top of each thread's arena with madvise, and every
        // madvise flushes the TLB of every core. Scan workers free and reallocate per file, so on
        // 50,000 small files that cost 0.5-1.8 s of extra system time per scan, at random (make
        // bench). Keeping up to 128 MiB per arena removed the spikes; peak RSS is unchanged.
        _ = phidex_keep_freed_memory(128 << 20)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch let failure as Failure {
            Terminal.error(failure.message)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
            let message = fullMessage(for: error)
            if !message.isEmpty { Terminal.note(message) }
            Foundation.exit(2)
        }
    }
}
