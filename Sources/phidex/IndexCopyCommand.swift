// `phidex index copy`: a SQLite index (one host's, or several, one after
// another) loaded into the shared PostgreSQL index, in one transaction.

import ArgumentParser
import Foundation
import PhidexCore
import PhidexIndex

struct IndexCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Load a SQLite index into a PostgreSQL index, in one transaction.",
        discussion: """
            The PostgreSQL database gets the index's schema if it has none. Every run, file, \
            finding and link of the SQLite index is loaded, or, on any failure, none is. Copying \
            several SQLite indexes (one per offline host) into one database merges them: each \
            copy's runs keep their own ids, shifted past those already there. All of them must \
            have been made with the same key file: the database remembers the first key's \
            fingerprint and refuses another.

            TO is a libpq connection string: postgresql://user@host:port/db (add \
            ?sslmode=verify-full for TLS), service=NAME (PGSERVICE), or key=value pairs. Give \
            the password in PGPASSFILE or ~/.pgpass, never on the command line.

            Example:
              phidex index copy --index /srv/phidex/host1.db postgresql://scanner@db.example/phidex
            """)

    @OptionGroup var indexOptions: IndexOptions

    @Argument(help: ArgumentHelp("The PostgreSQL index to load into.", valueName: "to"))
    var target: String

    func validate() throws {
        if indexOptions.isPostgres { throw ValidationError("--index names the SQLite index to copy from") }
        guard PostgresIndex.names(target) else {
            throw ValidationError("the target must be a PostgreSQL connection string (postgresql://…, service=…)")
        }
        if PostgresIndex.carriesPassword(target) { throw ValidationError(IndexOptions.passwordAdvice) }
    }

    func run() throws {
        let source = indexOptions.location
        let index = PostgresIndex(conninfo: target, keyPath: source.keyPath)
        let totals: PostgresIndex.CopyTotals
        do { totals = try index.copy(from: source) } catch { throw Failure(error.message) }
        let shift = totals.runOffset == 0 ? "" : " (as runs \(totals.runOffset + 1)-\(totals.runOffset + Int64(totals.runs)), after those already there)"
        Terminal.note("phidex index copy: \(totals.runs) runs, \(totals.files) files, \(totals.findings) findings copied\(shift)")
    }
}
