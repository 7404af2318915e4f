// A run's folders as a tree, each with the roll-up of everything below it: files, files with
// findings, findings, the highest risk, files whose risk is unknown (encrypted, over a limit)
// and the distinct people exposed below it. Archive members count in their archive's folder.
// Built in one pass over the run's files and its people; what the console browses.

public import PhidexCore
public import PhidexIndex
import PhidexScore

/// The folders of one run, rolled up.
public struct FolderTree: Sendable {
    public struct Node: Sendable, Equatable {
        public var path: String
        public var name: String
        public var files = 0
        public var filesWithFindings = 0
        public var findings = 0
        public var highestRisk = 0
        public var highestTier: RiskTier = .none
        public var unknownRisk = 0
        public var individuals = 0
        /// Files directly in the folder (not below it) that hold findings.
        public var ownFilesWithFindings = 0
        public var children: [String] = []
        public var parent: String?
    }

    public enum Order: String, Sendable, CaseIterable {
        case risk, people, files, unknown, name
    }

    public let roots: [String]
    public private(set) var nodes: [String: Node] = [:]

    public init(from reader: IndexReader, run: RunRecord, types: [IdentifierType]) throws {
        var estimator = PeopleEstimator()
        try reader.addPeople(run: run.id, types: types, to: &estimator)
        try self.init(from: reader, run: run, people: estimator.peopleByFile())
    }

    /// The tree of `run`, with each file's people (`PeopleEstimator.peopleByFile`) already known:
    /// one pass over the run's values serves the run's estimate and its folders.
    public init(from reader: IndexReader, run: RunRecord, people: [Int64: Set<Int>]) throws {
        let roots = run.roots.isEmpty ? ["/"] : run.roots
        var nodes: [String: Node] = [:]
        var personSets: [String: Set<Int>] = [:]
        for root in roots { nodes[root] = Node(path: root, name: root) }
        try reader.files(run: run.id) { file in
            let chain = Self.folders(of: file.path, roots: roots)
            let unknown = file.status == .encrypted || file.status.isLimit
            for (depth, folder) in chain.enumerated() {
                if nodes[folder] == nil {
                    let parent = depth > 0 ? chain[depth - 1] : nil
                    nodes[folder] = Node(path: folder, name: Self.lastComponent(folder), parent: parent)
                    if let parent { nodes[parent]?.children.append(folder) }
                }
                nodes[folder]!.add(file, unknown: unknown, own: depth == chain.count - 1)
                if let persons = people[file.id] { personSets[folder, default: []].formUnion(persons) }
            }
        }
        for (folder, persons) in personSets { nodes[folder]?.individuals = persons.count }
        self.roots = roots
        self.nodes = nodes
    }

    public func node(_ path: String) -> Node? { nodes[path] }

    /// The folders directly inside `path`, in `order` (most first; by name A to Z).
    public func children(of path: String, order: Order) -> [Node] {
        Self.sorted((nodes[path]?.children ?? []).compactMap { nodes[$0] }, order)
    }

    /// The folders holding risky files themselves, riskiest first: where to look first.
    public func riskiest(limit: Int) -> [Node] {
        Array(Self.sorted(nodes.values.filter { $0.ownFilesWithFindings > 0 }, .risk).prefix(limit))
    }

    /// The folders from a root down to `path`, for a breadcrumb.
    public func ancestry(of path: String) -> [Node] {
        var chain: [Node] = []
        var current = nodes[path]
        while let node = current {
            chain.insert(node, at: 0)
            current = node.parent.flatMap { nodes[$0] }
        }
        return chain
    }

    static func sorted(_ nodes: [Node], _ order: Order) -> [Node] {
        nodes.sorted { a, b in
            switch order {
            case .risk: (a.highestRisk, a.individuals, b.path) > (b.highestRisk, b.individuals, a.path)
            case .people: (a.individuals, a.highestRisk, b.path) > (b.individuals, b.highestRisk, a.path)
            case .files: (a.filesWithFindings, a.findings, b.path) > (b.filesWithFindings, b.findings, a.path)
            case .unknown: (a.unknownRisk, a.highestRisk, b.path) > (b.unknownRisk, b.highestRisk, a.path)
            case .name: a.path < b.path
            }
        }
    }

    /// The folders a file is counted in, from its root down to its own folder.
    private static func folders(of path: String, roots: [String]) -> [String] {
        let outer = path.split(separator: "!", maxSplits: 1).first.map(String.init) ?? path
        let root = roots.filter { outer == $0 || outer.hasPrefix($0 == "/" ? "/" : $0 + "/") }.max { $0.count < $1.count }
        guard let root else { return [roots[0]] }
        var chain = [root]
        var folder = root
        for component in outer.dropFirst(root.count).split(separator: "/").dropLast() {
            folder += (folder.hasSuffix("/") ? "" : "/") + component
            chain.append(folder)
        }
        return chain
    }

    private static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension FolderTree.Node {
    fileprivate mutating func add(_ file: FileRecord, unknown: Bool, own: Bool) {
        files += 1
        if file.findingCount > 0 {
            filesWithFindings += 1
            if own { ownFilesWithFindings += 1 }
        }
        findings += file.findingCount
        if file.riskScore > highestRisk {
            highestRisk = file.riskScore
            highestTier = file.riskTier
        }
        if unknown { unknownRisk += 1 }
    }
}
