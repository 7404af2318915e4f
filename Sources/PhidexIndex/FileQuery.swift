// Pages of a run's files, for browsing: the files directly in a folder, the members directly
// inside an archive, files with some statuses; sorted, counted, cut into pages. Ranges on the
// path (`folder/` up to `folder0`, `archive!` up to `archive"`) keep the queries on the
// index's (run, path) order instead of matching patterns.

public import PhidexCore

/// Which files of a run to list, in what order, which page.
public struct FileQuery: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Every file and member of the run.
        case all
        /// Files directly in this folder (not in its subfolders, not archive members).
        case folder(String)
        /// Members directly inside this archive (not members of archives inside it).
        case members(of: String)
    }

    public enum Order: String, Sendable, CaseIterable {
        case risk, path, findings
    }

    public var scope: Scope
    public var statuses: [FileStatus] = []
    /// Files whose content could not all be read: encrypted, or stopped at a limit.
    public var unknownRisk = false
    public var order: Order = .risk
    public var limit = 50
    public var offset = 0

    public init(scope: Scope = .all, order: Order = .risk, limit: Int = 50, offset: Int = 0) {
        self.scope = scope
        self.order = order
        self.limit = limit
        self.offset = offset
    }
}

extension IndexReader {
    /// One page of the files `query` selects.
    public func files(run: Int64, query: FileQuery) throws(IndexError) -> [FileRecord] {
        var (sql, values) = where_(run: run, query: query)
        sql = "SELECT \(Self.fileColumns) FROM file WHERE " + sql
        switch query.order {
        case .risk: sql += " ORDER BY risk_score DESC, finding_count DESC, path"
        case .findings: sql += " ORDER BY finding_count DESC, risk_score DESC, path"
        case .path: sql += " ORDER BY path"
        }
        sql += " LIMIT \(max(0, query.limit)) OFFSET \(max(0, query.offset))"
        return try rows(sql, values, Self.fileRecord)
    }

    /// How many files `query` selects, all pages together.
    public func fileCount(run: Int64, query: FileQuery) throws(IndexError) -> Int {
        let (sql, values) = where_(run: run, query: query)
        return try rows("SELECT COUNT(*) FROM file WHERE " + sql, values) { Int($0.int(0)) }.first ?? 0
    }

    /// The file `id` as `run` saw it, or nil when the run did not see it.
    public func file(run: Int64, id: Int64) throws(IndexError) -> FileRecord? {
        try rows(
            "SELECT \(Self.fileColumns) FROM file WHERE id = ?2 AND id IN (SELECT file_id FROM run_file WHERE run_id = ?1)",
            [run, id], Self.fileRecord
        ).first
    }

    /// Findings per identifier type in one file (its own, not its members').
    public func findingTypes(fileID: Int64) throws(IndexError) -> [IdentifierType: Int] {
        var counts: [IdentifierType: Int] = [:]
        for (type, count) in try rows(
            "SELECT type, COUNT(*) FROM finding WHERE file_id = ?1 GROUP BY type", [fileID], { (IdentifierType($0.string(0) ?? ""), Int($0.int(1))) })
        {
            counts[type] = count
        }
        return counts
    }

    /// The file at `path` as `run` saw it, or nil.
    public func file(run: Int64, path: String) throws(IndexError) -> FileRecord? {
        try rows(
            "SELECT \(Self.fileColumns) FROM file WHERE path = ?2 AND id IN (SELECT file_id FROM run_file WHERE run_id = ?1)",
            [run, path], Self.fileRecord
        ).first
    }

    private func where_(run: Int64, query: FileQuery) -> (String, [any SQLValue]) {
        var sql = "id IN (SELECT file_id FROM run_file WHERE run_id = ?1)"
        var values: [any SQLValue] = [run]
        let position = { (text: String) in
            switch self.engine {
            case .sqlite: "instr(\(text), ?\(values.count))"
            case .postgres: "strpos(\(text), ?\(values.count))"
            }
        }
        switch query.scope {
        case .all: break
        case .folder(let folder):
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            values += [prefix, String(prefix.dropLast()) + "0", Int64(prefix.unicodeScalars.count + 1)]
            let n = values.count
            sql += " AND path >= ?\(n - 2) AND path < ?\(n - 1)"
            values.append("/")
            sql += " AND " + position("substr(path, ?\(n))") + " = 0"
            values.append("!")
            sql += " AND " + position("path") + " = 0"
        case .members(let archive):
            values += [archive + "!", archive + "\"", Int64(archive.unicodeScalars.count + 2)]
            let n = values.count
            sql += " AND path >= ?\(n - 2) AND path < ?\(n - 1)"
            values.append("!")
            sql += " AND " + position("substr(path, ?\(n))") + " = 0"
        }
        if !query.statuses.isEmpty {
            let first = values.count + 1
            values += query.statuses.map(\.rawValue)
            sql += " AND status IN (" + (first..<values.count + 1).map { "?\($0)" }.joined(separator: ",") + ")"
        }
        if query.unknownRisk { sql += " AND (status = 'encrypted' OR status LIKE 'limit:%')" }
        return (sql, values)
    }
}
