// What a PostgreSQL query returns, read as text: a whole result (`PostgresRows`)
// or one streamed row (`PostgresRow`, the reader's `IndexRow` on PostgreSQL).

import CPostgres

/// The rows of a query, read as text.
final class PostgresRows {
    private let result: OpaquePointer

    init(result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
    }

    func int(_ row: Int, _ column: Int) -> Int64? { string(row, column).flatMap { Int64($0) } }
}

/// One row of a result, read as text; valid while its result is (inside `stream`'s visit).
struct PostgresRow: IndexRow {
    let result: OpaquePointer
    let row: Int32

    func string(_ column: Int32) -> String? {
        PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
    }

    /// An integer column; a boolean (`t`, `f`) reads as 1 or 0, as SQLite's comparisons do.
    func int(_ column: Int32) -> Int64 {
        guard let text = string(column) else { return 0 }
        if let value = Int64(text) { return value }
        return text == "t" ? 1 : 0
    }

    func double(_ column: Int32) -> Double { string(column).flatMap(Double.init) ?? 0 }
}
