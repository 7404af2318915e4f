// `phidex index`: moving an index between engines. `index copy` loads a SQLite
// index (and, run after run, several) into the shared PostgreSQL index.

import ArgumentParser

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Manage indexes: copy a SQLite index into a PostgreSQL one.",
        subcommands: [IndexCopyCommand.self])
}
