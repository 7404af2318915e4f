// How many distinct people a run's findings expose. Values of the identifier
// types that name one person each (an SSN, an MRN) are linked when they appear
// in one record (a CSV row, an HL7 message, a note's labelled lines); each group
// of linked values is one person, counted once however many files hold it. A
// union-find over value keys, fed in file and record order.

public import PhidexCore

/// How many distinct people a run's findings expose, estimated.
public struct IndividualsEstimate: Sendable, Equatable {
    /// People: groups of identifier values linked by appearing in one record (a row, a message, a
    /// note), every value counted once however many files hold it.
    public var estimate: Int
    /// At least this many: the distinct values of the most common identifier type (no two people
    /// share an SSN or an MRN). The truth lies between this and `estimate` when a person's
    /// identifiers never appear together.
    public var lowerBound: Int
    /// Distinct values per identifier type used.
    public var byType: [IdentifierType: Int]

    public init(estimate: Int, lowerBound: Int, byType: [IdentifierType: Int]) {
        self.estimate = estimate
        self.lowerBound = lowerBound
        self.byType = byType
    }
}

/// Links identifier values into people. Feed every value of a run in file, then record, order.
public struct PeopleEstimator {
    /// Value key -> node.
    private var nodes: [Int64: Int] = [:]
    private var parent: [Int] = []
    private var byType: [IdentifierType: Set<Int64>] = [:]
    private var fileNodes: [Int64: [Int]] = [:]
    private var lastRecord: (file: Int64, record: Int64)?
    private var recordRoot: Int?

    public init() {}

    /// One value: its file's row, its record in the file (0: unknown, never linked), its type and key.
    public mutating func add(file: Int64, record: Int64, type: IdentifierType, valueKey: Int64) {
        let node: Int
        if let known = nodes[valueKey] {
            node = known
        } else {
            node = parent.count
            parent.append(node)
            nodes[valueKey] = node
        }
        byType[type, default: []].insert(valueKey)
        fileNodes[file, default: []].append(node)
        // Record 0 is "unknown" (findings indexed before records were kept): never linked.
        if let last = lastRecord, last == (file, record), record != 0, let root = recordRoot {
            let a = find(root), b = find(node)
            if a != b { parent[b] = a }
        } else {
            recordRoot = node
        }
        lastRecord = (file, record)
    }

    /// The estimate over everything added.
    public mutating func estimate() -> IndividualsEstimate {
        let people = (0..<parent.count).count { find($0) == $0 }
        return IndividualsEstimate(estimate: people, lowerBound: byType.values.map(\.count).max() ?? 0, byType: byType.mapValues(\.count))
    }

    /// Each file's people (by file row), as ids comparable across files: a folder's people are
    /// the union of its files'.
    public mutating func peopleByFile() -> [Int64: Set<Int>] {
        var result: [Int64: Set<Int>] = [:]
        for (file, nodes) in fileNodes { result[file] = Set(nodes.map { find($0) }) }
        return result
    }

    private mutating func find(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }
}
