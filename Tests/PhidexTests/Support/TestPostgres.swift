// The PostgreSQL server of a test run: `make test` starts a throwaway one
// (scripts/postgres) and names it in PHIDEX_TEST_POSTGRES, its password in
// PGPASSFILE. Each test takes a database of its own on it.

import Foundation
import Testing

enum TestPostgres {
    /// The server's URL (its `phidex` database), without a password.
    static let server = ProcessInfo.processInfo.environment["PHIDEX_TEST_POSTGRES"]

    /// Why the PostgreSQL tests did not run, when they did not.
    static let absent: Comment = "no PostgreSQL test server: run the tests with `make test`, or under `scripts/postgres run swift test`"

    /// A new, empty database on the test server, by URL.
    static func database(_ name: String) throws -> String {
        let server = try #require(server)
        let database = "phidex_test_\(name)_\(UInt32.random(in: 0...UInt32.max))"
        try psql(server, "CREATE DATABASE \(database)")
        let cut = try #require(server.range(of: "/", options: .backwards))
        return String(server[..<cut.upperBound]) + database
    }

    /// Runs SQL with psql; its output, one row a line, fields separated by `|`.
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "psql: \(sql)")
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
