// Compares an index run with a truth manifest. Values are never compared in clear:
// each planted value is normalized as its type and keyed with the index's own key,
// then matched against the value keys the index holds.

public import PhidexCorpus
public import PhidexIndex
import PhidexCore
import PhidexDetect

/// An evaluation that cannot be made (wrong directory, index without the corpus).
public struct EvalError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Scores an index run against a corpus manifest.
public enum Evaluator {
    /// How many unexpected findings to list.
    static let unexpectedListLimit = 25

    private struct Key: Hashable {
        var path: String
        var type: String
        var value: Int64
    }

    /// Evaluates `run` of `reader`, whose roots must include `shareRoot` (absolute). With
    /// `formats` or `containers`, only files of those kinds count (plants, decoys, findings).
    public static func evaluate(
        manifest: CorpusManifest, reader: IndexReader, run: RunRecord, shareRoot: String,
        minimumConfidence: Double = 0, formats: Set<String>? = nil, containers: Set<String>? = nil
    ) throws -> Evaluation {
        var manifest = manifest
        // A finding inside a document's own parts (`letter.docx!word/document.xml`) belongs to the
        // document the manifest lists.
        let listedFiles = Set(manifest.files.map(\.path))
        func document(_ path: String) -> String {
            var listed = path
            while !listedFiles.contains(listed), let bang = listed.lastIndex(of: "!") { listed = String(listed[..<bang]) }
            return listedFiles.contains(listed) ? listed : path
        }
        var keptFiles: Set<String>?
        if formats != nil || containers != nil {
            manifest.entries = manifest.entries.filter { entry in
                formats.map { $0.contains(entry.format) } ?? true && containers.map { $0.contains(entry.container) } ?? true
            }
            keptFiles = Set(manifest.files.map(\.path))
        }
        guard run.roots.contains(shareRoot) else {
            throw EvalError("run \(run.id) did not scan \(shareRoot) (its roots: \(run.roots.joined(separator: ", ")))")
        }
        let keyer: ValueKeyer
        do { keyer = try reader.requireKeyer() } catch { throw EvalError(error.message) }
        func relative(_ path: String) -> String? {
            path.hasPrefix(shareRoot + "/") ? String(path.dropFirst(shareRoot.count + 1)) : nil
        }
        func valueKey(_ value: String, as type: String) -> Int64? {
            ValueNormalizer.normalize(value, as: IdentifierType(type)).map(keyer.key(for:))
        }

        // Planted identifiers, as keys; those behind an expectation apart.
        var planted: [Key: TruthEntry] = [:]
        var unkeyable: [TruthEntry] = []  // distinct reachable plants whose type has no normalizer yet
        var behind = Set<Key>()
        var belowContainers = Set<Key>()
        var unkeyableSeen = Set<String>()
        for plant in manifest.plants {
            let type = plant.type ?? "", value = plant.value ?? ""
            guard let key = valueKey(value, as: type) else {
                let id = plant.path + "\u{0}" + type + "\u{0}" + value
                if plant.expect == nil, unkeyableSeen.insert(id).inserted { unkeyable.append(plant) }
                continue
            }
            let k = Key(path: plant.path, type: type, value: key)
            if plant.expect != nil { behind.insert(k); continue }
            if planted[k] == nil { planted[k] = plant }
            var container = plant.path
            while let bang = container.lastIndex(of: "!") {
                container = String(container[..<bang])
                belowContainers.insert(Key(path: container, type: type, value: key))
            }
        }

        // Decoys by path, keyed lazily per reported type.
        var decoysByPath: [String: [TruthEntry]] = [:]
        for decoy in manifest.decoys {
            var path = decoy.path
            decoysByPath[path, default: []].append(decoy)
            while let bang = path.lastIndex(of: "!") {
                path = String(path[..<bang])
                decoysByPath[path, default: []].append(decoy)
            }
        }

        // Findings, deduplicated to keys.
        var reported = Set<Key>()
        var decoyHits: [String: Set<Key>] = [:]  // decoy kind -> finding keys
        var decoyHitTypes: [String: Set<String>] = [:]
        var hitsByType: [String: (decoy: Set<Key>, unexpected: Set<Key>, container: Set<Key>)] = [:]
        var unexpectedList: [Evaluation.UnexpectedFinding] = []
        var decoyKeys: [String: Int64?] = [:]  // type + value -> key, so each decoy is keyed once per type
        var findingCount = 0
        do {
            try reader.findings(run: run.id, filter: FindingFilter(minimumConfidence: minimumConfidence)) { record in
                guard let path = relative(record.path).map(document), keptFiles?.contains(path) ?? true else { return }
                findingCount += 1
                let type = record.finding.type.rawValue
                let key = Key(path: path, type: type, value: record.finding.valueKey)
                guard reported.insert(key).inserted else { return }
                if planted[key] != nil || behind.contains(key) { return }
                var tally = hitsByType[type] ?? ([], [], [])
                defer { hitsByType[type] = tally }
                if belowContainers.contains(key) { tally.container.insert(key); return }
                // A decoy imitates one type (or the SSN family): only a finding of that type is
                // fooled by it. A phone finding on a "not an SSN" phone decoy is a phone finding.
                func decoyKey(_ decoy: TruthEntry) -> Int64? {
                    guard Self.family(decoy.type ?? "") == Self.family(type) else { return nil }
                    let id = type + "\u{0}" + (decoy.value ?? "")
                    if let cached = decoyKeys[id] { return cached }
                    let computed = valueKey(decoy.value ?? "", as: type)
                    decoyKeys[id] = computed
                    return computed
                }
                if let decoy = decoysByPath[path]?.first(where: { decoyKey($0) == key.value }) {
                    decoyHits[decoy.decoy ?? "?", default: []].insert(key)
                    decoyHitTypes[decoy.decoy ?? "?", default: []].insert(type)
                    tally.decoy.insert(key)
                    return
                }
                tally.unexpected.insert(key)
                if unexpectedList.count < unexpectedListLimit {
                    unexpectedList.append(Evaluation.UnexpectedFinding(
                        path: path, line: record.finding.line, type: type, masked: record.finding.masked,
                        confidence: record.finding.confidence, rule: record.finding.rule.rawValue))
                }
            }
        } catch {
            throw EvalError("cannot read findings: \(error)")
        }

        // Per type.
        var types: [Evaluation.TypeScore] = []
        let unkeyableByType = Dictionary(grouping: unkeyable) { $0.type ?? "" }.mapValues(\.count)
        let allTypes = Set(planted.keys.map(\.type)).union(hitsByType.keys).union(unkeyableByType.keys)
        for type in allTypes.sorted() {
            let keys = planted.keys.filter { $0.type == type }
            let hits = hitsByType[type] ?? ([], [], [])
            types.append(Evaluation.TypeScore(
                type: type, planted: keys.count + unkeyableByType[type, default: 0],
                found: keys.filter(reported.contains).count,
                decoyHits: hits.decoy.count, unexpected: hits.unexpected.count, atContainer: hits.container.count))
        }

        // Recall per format and per container chain (every planted identifier counts,
        // including types without a detector yet: those are gaps too).
        func groups(_ name: (TruthEntry) -> String) -> [Evaluation.GroupRecall] {
            var result: [String: Evaluation.GroupRecall] = [:]
            var files: [String: Set<String>] = [:]
            func add(_ entry: TruthEntry, found: Bool) {
                let group = name(entry)
                var g = result[group] ?? Evaluation.GroupRecall(group: group, files: 0, planted: 0, found: 0, taxIDPlanted: 0, taxIDFound: 0)
                g.planted += 1
                if found { g.found += 1 }
                if ["ssn", "itin"].contains(entry.type) {
                    g.taxIDPlanted += 1
                    if found { g.taxIDFound += 1 }
                }
                result[group] = g
                files[group, default: []].insert(entry.path)
            }
            for (key, entry) in planted { add(entry, found: reported.contains(key)) }
            for plant in unkeyable { add(plant, found: false) }
            return result.values.map { g in
                var g = g
                g.files = files[g.group]?.count ?? 0
                return g
            }.sorted { $0.group < $1.group }
        }

        // Decoys.
        var decoyKinds: [String: (imitates: String, values: Set<String>)] = [:]
        for decoy in manifest.decoys {
            let kind = decoy.decoy ?? "?"
            decoyKinds[kind, default: (decoy.type ?? "", [])].values.insert(decoy.path + "\u{0}" + (decoy.value ?? ""))
        }
        let decoys = decoyKinds.keys.sorted().map { kind in
            Evaluation.DecoyScore(
                kind: kind, imitates: decoyKinds[kind]!.imitates, planted: decoyKinds[kind]!.values.count,
                hits: decoyHits[kind]?.count ?? 0, reportedAs: (decoyHitTypes[kind] ?? []).sorted())
        }

        // Reach: which manifest files the index holds, and why the others are missing.
        var indexed: [String: FileRecord] = [:]
        do {
            try reader.files(run: run.id) { file in
                if let path = relative(file.path) { indexed[path] = file }
            }
        } catch {
            throw EvalError("cannot read files: \(error)")
        }
        let plantsByPath = Dictionary(grouping: planted.values, by: \.path).mapValues(\.count)
        var unreachedByOuter: [String: Evaluation.Unreached] = [:]
        let formats = Dictionary(manifest.files.map { ($0.path, $0.format) }, uniquingKeysWith: { a, _ in a })
        for file in manifest.files where indexed[file.path] == nil {
            var outer = file.path
            while indexed[outer] == nil, let bang = outer.lastIndex(of: "!") { outer = String(outer[..<bang]) }
            let record = indexed[outer]
            var row = unreachedByOuter[outer] ?? Evaluation.Unreached(
                path: outer, format: formats[outer] ?? "?", status: record?.status.rawValue ?? "absent",
                reason: record == nil ? "not in the index"
                    : record!.status == .ok ? "read as one file; its members were not opened" : record!.reason ?? "",
                membersNotReached: 0, plantsInside: 0)
            if outer != file.path { row.membersNotReached += 1 }
            row.plantsInside += plantsByPath[file.path, default: 0]
            unreachedByOuter[outer] = row
        }
        let errors = indexed.values.filter { $0.status != .ok }.map { file in
            Evaluation.Unreached(
                path: relative(file.path) ?? file.path, format: formats[relative(file.path) ?? ""] ?? "?",
                status: file.status.rawValue, reason: file.reason ?? "", membersNotReached: 0,
                plantsInside: plantsByPath[relative(file.path) ?? "", default: 0])
        }.sorted { $0.path < $1.path }

        // Expected outcomes: the outermost entry of each case.
        let expecting = manifest.files.filter { $0.expect != nil }
        let expectingPaths = Set(expecting.map(\.path))
        var expectations: [Evaluation.Expectation] = []
        for file in expecting {
            var parent = file.path, nestedInCase = false
            while let bang = parent.lastIndex(of: "!") {
                parent = String(parent[..<bang])
                if expectingPaths.contains(parent) { nestedInCase = true; break }
            }
            if nestedInCase { continue }
            let expected = file.expect!
            // Not in the index because an archive around it stopped at a limit or is encrypted:
            // the case behaves as expected when that archive says so.
            var observed = indexed[file.path].map { $0.status.rawValue } ?? "not reached"
            var outer = file.path
            while indexed[outer] == nil, let bang = outer.lastIndex(of: "!") { outer = String(outer[..<bang]) }
            if indexed[file.path] == nil, let around = indexed[outer], around.status == .encrypted || around.status.isLimit {
                observed = around.status.rawValue
            }
            expectations.append(Evaluation.Expectation(
                path: file.path, expected: expected, observed: observed,
                met: observed == expected || observed.hasPrefix(expected + ":")))
        }

        // Detector gaps: misses in loose files, for types found at least once, in formats where
        // something was found (a format never read at all is a format gap, shown per format).
        let detected = Set(types.filter { $0.found > 0 }.map(\.type))
        let readFormats = Set(planted.filter { reported.contains($0.key) }.map(\.value.format))
        let missed = planted.filter { key, entry in
            entry.container == "loose" && detected.contains(key.type) && readFormats.contains(entry.format)
                && !reported.contains(key)
        }.values.sorted { ($0.path, $0.type ?? "", $0.value ?? "") < ($1.path, $1.type ?? "", $1.value ?? "") }
        let missedList = missed.prefix(unexpectedListLimit).map { entry in
            Evaluation.MissedPlant(path: entry.path, type: entry.type ?? "", format: entry.format, masked: mask(entry.value ?? ""))
        }

        return Evaluation(
            seed: manifest.header.seed, scale: manifest.header.scale, run: run.id, root: shareRoot,
            minimumConfidence: minimumConfidence, manifestFiles: manifest.files.count, indexedFiles: indexed.count,
            findings: findingCount, types: types, formats: groups(\.format), containers: groups(\.container),
            decoys: decoys, unreached: unreachedByOuter.values.sorted { $0.path < $1.path }, errors: errors,
            expectations: expectations.sorted { $0.path < $1.path }, plantsBehindExpectations: behind.count,
            unexpectedFindings: unexpectedList, missedInLooseFiles: missedList)
    }

    /// The SSN family shares one value namespace; every other type stands alone.
    static func family(_ type: String) -> String {
        ["ssn", "itin", "atin", "irsn", "ssn_never_issued", "hicn"].contains(type) ? "tin" : type
    }

    /// All but the last four letters and digits replaced by `*`, separators kept.
    static func mask(_ value: String) -> String {
        var keep = 4
        return String(value.reversed().map { ch -> Character in
            guard ch.isLetter || ch.isNumber else { return ch }
            if keep > 0 { keep -= 1; return ch }
            return "*"
        }.reversed())
    }
}
