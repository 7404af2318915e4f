// Options every command that touches an index shares.

import ArgumentParser
import Foundation
import PhidexCore
import PhidexIndex

struct IndexOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The index: a SQLite file, or for reading, a PostgreSQL database (postgresql://user@host/db, service=NAME; the password in PGPASSFILE or ~/.pgpass).",
            valueName: "index"))
    var index: String = "phidex.db"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The index's secret key (default: the index path + .key). Keep it away from copies of the index: without it, values cannot be looked up.",
            valueName: "path"))
    var keyFile: String?

    var location: IndexLocation {
        let cwd = FileManager.default.currentDirectoryPath
        return IndexLocation(
            path: PostgresIndex.names(index) ? index : LogicalPath.absolute(index, currentDirectory: cwd),
            keyPath: keyFile.map { LogicalPath.absolute($0, currentDirectory: cwd) })
    }

    /// Whether the index is a PostgreSQL database (a `postgresql://` URL or libpq key=value pairs).
    var isPostgres: Bool { PostgresIndex.names(index) }

    static let passwordAdvice =
        "give the PostgreSQL password in PGPASSFILE or ~/.pgpass, not in the connection string (arguments show in `ps`)"

    /// Refuses a connection string with a password before anything connects or prints it.
    func validate() throws {
        if PostgresIndex.carriesPassword(index) { throw ValidationError(Self.passwordAdvice) }
    }

    /// Opens the index for reading, or explains why it cannot be.
    func reader() throws -> IndexReader {
        do { return try IndexReader(location: location) } catch { throw Failure(error.message) }
    }

    /// The run `id`, or the newest completed one.
    func selectRun(_ id: Int64?, in reader: IndexReader) throws -> RunRecord {
        do {
            if let id { return try reader.run(id: id) }
            return try reader.defaultRun()
        } catch {
            throw Failure(error.message)
        }
    }
}

/// A failure already explained in words: printed as `phidex: …`, exit status 2.
struct Failure: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
