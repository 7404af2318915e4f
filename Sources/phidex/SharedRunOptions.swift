// The options of a scan that shares its run with other hosts (a PostgreSQL index).

import ArgumentParser
import PhidexCore

struct SharedRunOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Join the running run of this name, or start one (default: the running run of the same roots).", valueName: "name"))
    var run: String?

    @Option(name: .long, help: ArgumentHelp(
        "Where this host mounts a path the index names otherwise (repeatable): roots under LOCAL are recorded under INDEXED.",
        valueName: "LOCAL=INDEXED"))
    var rootMap: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Directory levels below each root that cut a new run into shards (0: one shard per root).", valueName: "levels"))
    var shardDepth = 2

    @Option(name: .long, help: ArgumentHelp(
        "Seconds without a heartbeat after which another host takes a shard over.", valueName: "seconds"))
    var staleAfter: Double = 120

    /// Whether any of these options was given (they mean nothing for a SQLite index).
    var given: Bool { run != nil || !rootMap.isEmpty || shardDepth != 2 || staleAfter != 120 }

    func validate() throws {
        if shardDepth < 0 || shardDepth > 16 { throw ValidationError("--shard-depth must be between 0 and 16") }
        if !(staleAfter >= 1) { throw ValidationError("--stale-after must be at least 1 second") }
        _ = try mappings()
    }

    /// The --root-map pairs, local and indexed paths, both absolute.
    private func mappings() throws -> [(local: String, indexed: String)] {
        try rootMap.map { pair in
            guard let equals = pair.firstIndex(of: "=") else { throw ValidationError("--root-map takes LOCAL=INDEXED, not \(pair)") }
            let local = String(pair[..<equals]), indexed = String(pair[pair.index(after: equals)...])
            guard local.hasPrefix("/"), indexed.hasPrefix("/") else {
                throw ValidationError("--root-map takes absolute paths on both sides: \(pair)")
            }
            return (LogicalPath.absolute(local, currentDirectory: "/"), LogicalPath.absolute(indexed, currentDirectory: "/"))
        }
    }

    /// Each root as the index names it: under the longest LOCAL that holds it, moved to its INDEXED.
    func indexedRoots(_ roots: [String]) throws -> [String] {
        let maps = try mappings().sorted { $0.local.count > $1.local.count }
        return roots.map { root in
            for map in maps {
                let holds = root == map.local || root.hasPrefix(map.local == "/" ? "/" : map.local + "/")
                guard holds else { continue }
                let rest = root.dropFirst(map.local.count)
                return map.indexed == "/" && rest.hasPrefix("/") ? String(rest) : map.indexed + rest
            }
            return root
        }
    }
}
