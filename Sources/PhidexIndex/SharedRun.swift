// A run on a PostgreSQL index shared by several scanner hosts: joining it (or
// creating it and planning its shards), claiming shards, and bringing a
// shard's rows in. The protocol and its failure cases are in docs/scale.md and
// Schema/postgres_queue.sql.

import Foundation
public import PhidexCore

/// A shard claimed by this host: which part of the walk, and the claim's fence.
public struct ClaimedShard: Sendable {
    public var id: Int64
    /// The claim's number: bringing the shard in checks it is still the latest.
    public var attempt: Int64
    /// Which root of the run (`SharedRun.roots`).
    public var rootIndex: Int
    /// The part of the walk, with the root as the index names it.
    public var shard: CrawlShard
}

/// Where the shards of a run stand.
public struct ShardCounts: Sendable, Equatable {
    public var pending = 0
    public var claimed = 0
    public var done = 0
    public var total: Int { pending + claimed + done }

    public init(pending: Int = 0, claimed: Int = 0, done: Int = 0) {
        self.pending = pending
        self.claimed = claimed
        self.done = done
    }
}

/// What bringing a shard in did.
public enum BringIn: Sendable, Equatable {
    /// Its rows are in; `finishedRun` when it was the run's last shard.
    case brought(files: Int, findings: Int, finishedRun: Bool)
    /// Another host claimed the shard meanwhile (this one was taken for stopped): nothing was brought.
    case fenced
}

/// One host's handle on a shared run. Not for concurrent use.
public final class SharedRun {
    public let runID: Int64
    /// The run's roots as the index names them.
    public let roots: [String]
    /// The run's name (`--run`, or one made from its roots).
    public let name: String
    /// Whether this host planned the run (false: it joined one under way).
    public let planned: Bool
    public let keyer: ValueKeyer
    /// This host and process, as recorded in the shards it claims.
    public let worker: String
    private let db: PostgresDatabase
    private let conninfo: String

    /// Joins the running run called `name` (by default, the one scanning `run.roots`), or creates it
    /// and its shards, `plan` cutting the walk. A host joining sees only the roots it names: they
    /// must be roots of the run.
    public init(
        index: PostgresIndex, name: String?, run: RunInfo, shardDepth: Int, worker: String,
        plan: () -> [(rootIndex: Int, shard: CrawlShard)]
    ) throws(IndexError) {
        let location = IndexLocation(path: index.conninfo, keyPath: index.keyPath)
        let key = access(index.keyPath, F_OK) == 0 ? try location.loadKey() : try location.createKey()
        keyer = ValueKeyer(key: key)
        self.worker = worker
        self.conninfo = index.conninfo
        let name = name ?? "roots " + JSONText.array(run.roots)
        self.name = name
        do { db = try PostgresDatabase(conninfo: index.conninfo) } catch { throw IndexError(error.message) }
        do {
            try db.execute("BEGIN")
            try db.execute("SELECT pg_advisory_xact_lock(7061696478)")  // one host plans, the others wait and join
            try PostgresIndex.prepare(db, keyer: keyer, keyPath: index.keyPath)
            let existing = try db.query(
                """
                SELECT j.run_id, j.roots, r.ruleset_version, r.phidex_version, j.reuse_key, j.shard_depth FROM scan_job j
                JOIN scan_run r ON r.id = j.run_id WHERE j.name = $1 AND r.status = 'running' ORDER BY j.run_id DESC LIMIT 1
                """, [name])
            if existing.count == 1 {
                let roots = IndexReader.decodeRoots(existing.string(0, 1) ?? "[]")
                guard run.roots.allSatisfy(roots.contains) else {
                    throw IndexError(
                        "the run '\(name)' scans \(roots.joined(separator: ", ")), not \(run.roots.joined(separator: ", ")): "
                            + "name each root as the index does, with --root-map LOCAL=INDEXED where this host mounts it elsewhere")
                }
                guard existing.string(0, 2) == run.rulesetVersion, existing.string(0, 3) == run.phidexVersion,
                    existing.string(0, 4) == run.reuseKey, existing.int(0, 5) == Int64(shardDepth)
                else {
                    throw IndexError(
                        "the run '\(name)' was started with other rules, limits, Phidex version or shard depth: "
                            + "every host of one run uses the same build and options")
                }
                runID = existing.int(0, 0) ?? 0
                self.roots = roots
                planned = false
            } else {
                runID = try db.query(
                    """
                    INSERT INTO scan_run (started_at, status, roots, options, ruleset_version, phidex_version, reuse_key)
                    VALUES ($1, 'running', $2, $3, $4, $5, $6) RETURNING id
                    """,
                    [Date().ISO8601Format(), JSONText.array(run.roots), run.optionsJSON, run.rulesetVersion, run.phidexVersion, run.reuseKey]
                ).int(0, 0) ?? 0
                let runText = String(runID)
                _ = try db.copy("COPY run_rule (run_id, rule_id, content_hash) FROM STDIN") { rows in
                    for (rule, hash) in run.ruleHashes.sorted(by: { $0.key < $1.key }) { rows.row([runText, rule, hash]) }
                    return false
                }
                try db.query(
                    "INSERT INTO scan_job (run_id, name, roots, reuse_key, shard_depth, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
                    [runText, name, JSONText.array(run.roots), run.reuseKey, String(shardDepth), worker])
                let shards = plan()
                try db.query("UPDATE scan_job SET shards = $2 WHERE run_id = $1", [runText, String(shards.count)])
                _ = try db.copy("COPY scan_shard (run_id, kind, root_index, relative, names) FROM STDIN") { rows in
                    for (rootIndex, shard) in shards {
                        let names = shard.kind == .entries ? Self.bytea(Array(shard.names.joined(separator: [0]))) : nil
                        rows.row([runText, shard.kind.rawValue, String(rootIndex), Self.bytea(shard.relative), names])
                    }
                    return false
                }
                roots = run.roots
                planned = true
            }
            try db.execute("COMMIT")
        } catch {
            _ = try? db.execute("ROLLBACK")  // its own failure is the one to report; the session's end rolls back anyway
            throw Self.indexError(error, "cannot join a run in \(db.target)")
        }
    }

    /// Claims a pending shard of the roots this host has (`rootIndexes`), or one whose claimant has
    /// not heart-beaten for `staleAfter` seconds; nil when there is none to claim now.
    public func claim(rootIndexes: [Int], staleAfter: Double) throws(IndexError) -> ClaimedShard? {
        do {
            let rows = try db.query(
                """
                UPDATE scan_shard SET state = 'claimed', attempt = attempt + 1, worker = $2, claimed_at = now(), heartbeat_at = now()
                WHERE id = (
                    SELECT id FROM scan_shard
                    WHERE run_id = $1 AND root_index = ANY($3::int[])
                      AND (state = 'pending' OR (state = 'claimed' AND heartbeat_at < now() - make_interval(secs => $4::float8)))
                    ORDER BY state = 'claimed', id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING id, attempt, kind, root_index, relative, names
                """,
                [String(runID), worker, "{" + rootIndexes.map(String.init).joined(separator: ",") + "}", String(staleAfter)])
            return rows.count == 1 ? claimed(rows, 0) : nil
        } catch {
            throw Self.indexError(error, "cannot claim a shard in \(db.target)")
        }
    }

    /// Claims a shard as `claim` does and, when it is a small group of a directory's entries, up to
    /// `more` pending small groups of the same root beside it (by id: the next directories of the
    /// plan). Each claim carries a fixed cost (a staging index, a transaction); a tree of small
    /// folders is mostly small groups. Nothing large is batched: trees, roots, files alone, groups
    /// of more than `smallNames` bytes of names, or of one name.
    ///
    /// A group of one name (a slow file alone, or a folder's only file) is batched only with other
    /// such groups, up to `alone` in all: as many as the host reads at once, so its workers each take
    /// one file instead of one worker reading while the others wait.
    public func claimBatch(
        rootIndexes: [Int], staleAfter: Double, more: Int = 15, smallNames: Int = 4096, alone: Int = 1
    ) throws(IndexError) -> [ClaimedShard] {
        guard let first = try claim(rootIndexes: rootIndexes, staleAfter: staleAfter) else { return [] }
        let size = first.shard.names.reduce(0) { $0 + $1.count + 1 }
        guard first.shard.kind == .entries, size < smallNames || first.shard.names.count == 1 else { return [first] }
        let single = first.shard.names.count == 1
        let extra = single ? alone - 1 : more
        guard extra > 0 else { return [first] }
        do {
            let rows = try db.query(
                """
                UPDATE scan_shard SET state = 'claimed', attempt = attempt + 1, worker = $2, claimed_at = now(), heartbeat_at = now()
                WHERE id IN (
                    SELECT id FROM scan_shard
                    WHERE run_id = $1 AND root_index = $3 AND state = 'pending' AND kind = 'entries'
                      AND CASE WHEN $7::bool THEN position('\\x00'::bytea in names) = 0
                               ELSE octet_length(names) < $4::int AND position('\\x00'::bytea in names) > 0 END
                      AND id > $5
                    ORDER BY id LIMIT $6 FOR UPDATE SKIP LOCKED)
                RETURNING id, attempt, kind, root_index, relative, names
                """,
                [String(runID), worker, String(first.rootIndex), String(smallNames), String(first.id), String(extra), single ? "true" : "false"])
            return ([first] + (0..<rows.count).compactMap { claimed(rows, $0) }).sorted { $0.id < $1.id }
        } catch {
            // The first claim stands on its own; the batch's failure is said.
            throw Self.indexError(error, "cannot claim shards beside \(first.id) in \(db.target)")
        }
    }

    /// A claimed shard from row `row` of `RETURNING id, attempt, kind, root_index, relative, names`.
    private func claimed(_ rows: PostgresRows, _ row: Int) -> ClaimedShard? {
        guard let id = rows.int(row, 0), let attempt = rows.int(row, 1), let rootIndex = rows.int(row, 3).map(Int.init),
            roots.indices.contains(rootIndex), let kind = CrawlShard.Kind(rawValue: rows.string(row, 2) ?? "")
        else { return nil }
        let names = rows.isNull(row, 5) ? [] : Self.bytes(rows.string(row, 5) ?? "").split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
        return ClaimedShard(
            id: id, attempt: attempt, rootIndex: rootIndex,
            shard: CrawlShard(kind: kind, root: roots[rootIndex], relative: Self.bytes(rows.string(row, 4) ?? ""), names: names))
    }

    /// Where the run's shards of the roots `rootIndexes` stand, and whether the run is still running.
    public func counts(rootIndexes: [Int]) throws(IndexError) -> (shards: ShardCounts, running: Bool) {
        do {
            let rows = try db.query(
                """
                SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'claimed'),
                       count(*) FILTER (WHERE state = 'done'), (SELECT status FROM scan_run WHERE id = $1)
                FROM scan_shard WHERE run_id = $1 AND root_index = ANY($2::int[])
                """, [String(runID), "{" + rootIndexes.map(String.init).joined(separator: ",") + "}"])
            let counts = ShardCounts(
                pending: Int(rows.int(0, 0) ?? 0), claimed: Int(rows.int(0, 1) ?? 0), done: Int(rows.int(0, 2) ?? 0))
            return (counts, rows.string(0, 3) == RunStatus.running.rawValue)
        } catch {
            throw Self.indexError(error, "cannot read the shards of run \(runID) in \(db.target)")
        }
    }

    /// Gives a claimed shard back (this host stops: interrupted, or its staging failed), for another to take.
    public func release(_ claimed: ClaimedShard) throws(IndexError) { try release([claimed]) }

    /// Gives claimed shards back: those this host still holds.
    public func release(_ claimed: [ClaimedShard]) throws(IndexError) {
        do {
            try db.query(
                """
                UPDATE scan_shard SET state = 'pending', worker = NULL
                WHERE state = 'claimed' AND (id, attempt) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
                """, Self.fence(claimed))
        } catch {
            throw Self.indexError(error, "cannot give back shard \(claimed.first?.id ?? 0) in \(db.target)")
        }
    }

    /// The ids and attempts of `claimed`, as two array parameters.
    static func fence(_ claimed: [ClaimedShard]) -> [String] {
        ["{" + claimed.map { String($0.id) }.joined(separator: ",") + "}", "{" + claimed.map { String($0.attempt) }.joined(separator: ",") + "}"]
    }

    /// Brings the rows of `staging` (a SQLite index holding one run: the shard's scan) into the
    /// run, and marks the shard done, in one transaction; nothing when the claim was taken over.
    /// Paths under `localRoot` are named under the run's root instead.
    public func bringIn(_ claimed: ClaimedShard, staging: String, localRoot: String) throws(IndexError) -> BringIn {
        try bringIn([claimed], staging: staging, localRoot: localRoot)
    }

    /// Brings in the rows of shards scanned together into one staging index: all of them or none.
    /// When any was taken over, nothing is brought and the others are given back.
    public func bringIn(_ batch: [ClaimedShard], staging: String, localRoot: String) throws(IndexError) -> BringIn {
        guard let claimed = batch.first else { return .brought(files: 0, findings: 0, finishedRun: false) }
        let indexedRoot = roots[claimed.rootIndex]
        func rename(_ path: String) -> String {
            guard localRoot != indexedRoot, path.hasPrefix(localRoot) else { return path }
            let rest = path.dropFirst(localRoot.count)
            guard rest.isEmpty || rest.first == "/" || rest.first == "!" || localRoot.hasSuffix("/") else { return path }
            return indexedRoot + rest
        }
        do {
            let sqlite = try SQLiteDatabase(path: staging, readOnly: true)
            try db.execute("BEGIN")
            let fence = try db.query(
                "SELECT id FROM scan_shard WHERE state = 'claimed' AND (id, attempt) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[])) FOR UPDATE",
                Self.fence(batch))
            guard fence.count == batch.count else {
                try db.execute("ROLLBACK")
                if batch.count > 1 { try release(batch) }
                return .fenced
            }
            let load = PostgresLoad(
                sqlite: sqlite, db: db, run: { [runID] _ in runID },
                fileOffset: try PostgresLoad.reserve(db, table: "file", count: PostgresLoad.maxID(sqlite, "file")),
                findingOffset: try PostgresLoad.reserve(db, table: "finding", count: PostgresLoad.maxID(sqlite, "finding")),
                path: rename)
            let files = try load.files()
            let findings = try load.findings(reasons: try load.reasons())
            try load.links()
            let totals = try sqlite.prepare("SELECT files_ok, files_error, files_skipped, bytes_scanned, findings FROM scan_run")
            guard try totals.step() else { throw IndexError("the staging index of shard \(claimed.id) holds no run") }
            // The run's row is locked from here to the commit: bring-ins of its last shards finish one
            // after the other, so the last of them sees all the others done.
            try db.query(
                """
                UPDATE scan_run SET files_ok = files_ok + $2, files_error = files_error + $3, files_skipped = files_skipped + $4,
                       bytes_scanned = bytes_scanned + $5, findings = findings + $6 WHERE id = $1
                """, [String(runID)] + (0...4).map { String(totals.int($0)) })
            // A batch's files and findings are counted on its first shard.
            try db.query(
                """
                UPDATE scan_shard SET state = 'done', done_at = now(),
                       files = CASE WHEN id = $3 THEN $4::bigint ELSE 0 END, findings = CASE WHEN id = $3 THEN $5::bigint ELSE 0 END
                WHERE (id, attempt) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))
                """, Self.fence(batch) + [String(claimed.id), String(files), String(findings)])
            let left = try db.query(
                "SELECT count(*) FROM scan_shard WHERE run_id = $1 AND state <> 'done'", [String(runID)]
            ).int(0, 0) ?? 1
            if left == 0 {
                try db.query(
                    "UPDATE scan_run SET status = 'completed', finished_at = $2 WHERE id = $1", [String(runID), Date().ISO8601Format()])
                // The queue names directories and files in clear (they are walked by those names): it
                // goes with the run's end, leaving the index's screened paths only.
                try db.query(
                    "UPDATE scan_job SET claimed_again = (SELECT count(*) FROM scan_shard WHERE run_id = $1 AND attempt > 1) WHERE run_id = $1",
                    [String(runID)])
                try db.query("DELETE FROM scan_shard WHERE run_id = $1", [String(runID)])
                try db.execute("SET LOCAL maintenance_work_mem = '256MB'")
                try db.execute(Schema.lookupIndexes)
                try db.execute("ANALYZE scan_run, run_rule, file, reason, finding, run_file")
            }
            try db.execute("COMMIT")
            return .brought(files: files, findings: findings, finishedRun: left == 0)
        } catch {
            _ = try? db.execute("ROLLBACK")  // the session's end rolls back too; the first failure is the one to say
            throw Self.indexError(error, "cannot bring shard \(claimed.id) into \(db.target)")
        }
    }

    /// Keeps claims alive from a thread of its own (with a connection of its own) while the shards are scanned.
    public func heartbeat(for claimed: ClaimedShard, every seconds: Double) -> ShardHeartbeat {
        heartbeat(for: [claimed], every: seconds)
    }

    public func heartbeat(for batch: [ClaimedShard], every seconds: Double) -> ShardHeartbeat {
        ShardHeartbeat(conninfo: conninfo, fence: Self.fence(batch), count: batch.count, every: seconds)
    }

    // MARK: - Encoding

    /// A bytea value in PostgreSQL's hex input form.
    static func bytea(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a bytea value in PostgreSQL's hex output form.
    static func bytes(_ text: String) -> [UInt8] {
        let hex = Array(text.utf8.dropFirst(2))
        func value(_ digit: UInt8) -> UInt8 { digit >= 0x61 ? digit - 0x61 + 10 : digit >= 0x41 ? digit - 0x41 + 10 : digit - 0x30 }
        return stride(from: 0, to: hex.count - 1, by: 2).map { value(hex[$0]) << 4 | value(hex[$0 + 1]) }
    }

    static func indexError(_ error: any Error, _ context: String) -> IndexError {
        if let error = error as? IndexError { return error }
        let message = (error as? PostgresError)?.message ?? (error as? SQLiteError)?.message ?? "\(error)"
        return IndexError("\(context): \(message)")
    }
}
