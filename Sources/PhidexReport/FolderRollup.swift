// One folder's share of a run's risk: what `report --by folder` lists, and how
// a run's files and people are rolled up into folders.

public import PhidexCore
public import PhidexIndex
import PhidexScore

/// One folder's share of a run's risk.
public struct FolderRollup: Sendable, Equatable {
    public var folder: String
    public var filesWithFindings = 0
    public var findings = 0
    public var highestRisk = 0
    /// Files (or members) encrypted or stopped at a limit: their risk is unknown.
    public var notFullyRead = 0
    /// Distinct people whose identifiers lie below the folder.
    public var individuals = 0

    public init(folder: String) { self.folder = folder }

    /// Per folder `depth` levels below the run's roots (archive members count in their archive's
    /// folder): files with findings, findings, the highest risk, files not fully read, and the
    /// distinct people exposed below it (the run-wide people of `types`, counted per folder),
    /// riskiest first.
    public static func rollups(from reader: IndexReader, run: RunRecord, types: [IdentifierType], depth: Int) throws -> [FolderRollup] {
        var estimator = PeopleEstimator()
        try reader.addPeople(run: run.id, types: types, to: &estimator)
        let people = estimator.peopleByFile()
        var folders: [String: FolderRollup] = [:]
        var personSets: [String: Set<Int>] = [:]
        try reader.files(run: run.id) { file in
            let folder = Self.folder(of: file.path, roots: run.roots, depth: depth)
            var entry = folders[folder] ?? FolderRollup(folder: folder)
            if file.findingCount > 0 { entry.filesWithFindings += 1 }
            entry.findings += file.findingCount
            entry.highestRisk = max(entry.highestRisk, file.riskScore)
            let status = file.status.rawValue
            if status == "encrypted" || status.hasPrefix("limit:") { entry.notFullyRead += 1 }
            folders[folder] = entry
            if let persons = people[file.id] { personSets[folder, default: []].formUnion(persons) }
        }
        for (folder, persons) in personSets { folders[folder]?.individuals = persons.count }
        return folders.values.sorted { ($0.highestRisk, $0.individuals, $1.folder) > ($1.highestRisk, $1.individuals, $0.folder) }
    }

    /// The folder a path is counted in: its root plus `depth` path components, never inside an archive.
    static func folder(of path: String, roots: [String], depth: Int) -> String {
        let outer = path.split(separator: "!", maxSplits: 1).first.map(String.init) ?? path
        guard let root = roots.filter({ outer == $0 || outer.hasPrefix($0 + "/") }).max(by: { $0.count < $1.count }) else { return outer }
        let rest = outer.dropFirst(root.count).split(separator: "/")
        let kept = rest.dropLast().prefix(depth)  // folders only: the last component is the file
        return kept.isEmpty ? root : root + "/" + kept.joined(separator: "/")
    }
}
