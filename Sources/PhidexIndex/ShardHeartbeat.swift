// A claim's heartbeat: a thread with its own connection stamps the shard every
// few seconds while the host scans it, so other hosts can tell a slow shard
// from one whose host has stopped. A host that dies stops stamping; after the
// run's stale interval another host claims the shard again.

import Dispatch
import Foundation
import PhidexCore

/// Stamps a claimed shard until stopped. `lost` turns true when the claim is found taken over.
public final class ShardHeartbeat: Sendable {
    private let stopped = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let state = Locked((lost: false, failures: 0))

    /// `fence`: the shards' ids and attempts as array parameters; `count` of them.
    init(conninfo: String, fence: [String], count: Int, every seconds: Double) {
        let stopped = self.stopped, finished = self.finished, state = self.state
        let thread = Thread {
            defer { finished.signal() }
            var db: PostgresDatabase?
            while stopped.wait(timeout: .now() + seconds) == .timedOut {
                do {
                    if db == nil { db = try PostgresDatabase(conninfo: conninfo) }
                    let stamped = try db?.query(
                        """
                        UPDATE scan_shard SET heartbeat_at = now()
                        WHERE state = 'claimed' AND (id, attempt) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[])) RETURNING id
                        """, fence)
                    if let stamped, stamped.count < count {
                        state.withLock { $0.lost = true }
                        return
                    }
                } catch {
                    // The server may be back at the next beat; a claim goes stale only after several missed.
                    db = nil
                    state.withLock { $0.failures += 1 }
                }
            }
        }
        thread.name = "phidex-heartbeat"
        thread.start()
    }

    /// Whether another host has claimed the shard since (this host was taken for stopped).
    public var lost: Bool { state.withLock { $0.lost } }
    /// Beats that could not reach the server.
    public var failures: Int { state.withLock { $0.failures } }

    /// Stops stamping and waits for the thread to end.
    public func stop() {
        stopped.signal()
        finished.wait()
    }
}
