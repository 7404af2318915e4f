// What the dashboard and the folder pages show of one run, computed in one go: totals,
// findings by type, files per tier, people exposed, files of unknown risk and the folder
// tree with its roll-ups.

import PhidexCore
import PhidexIndex
import PhidexReport
import PhidexScore

/// One run, summarised.
struct RunOverview: Sendable {
    let run: RunRecord
    let tallies: [TypeTally]
    let tiers: [RiskTier: Int]
    let people: IndividualsEstimate
    let filesWithFindings: Int
    let unknownRisk: Int
    let tree: FolderTree

    init(reader: IndexReader, run: RunRecord, peopleTypes: [IdentifierType]) throws {
        self.run = run
        tallies = try reader.typeTallies(run: run.id)
        tiers = try reader.tierCounts(run: run.id)
        // One pass over the run's values for both the estimate and the people of each folder.
        var estimator = PeopleEstimator()
        try reader.addPeople(run: run.id, types: peopleTypes, to: &estimator)
        people = estimator.estimate()
        filesWithFindings = try reader.filesWithFindings(run: run.id)
        var query = FileQuery()
        query.unknownRisk = true
        unknownRisk = try reader.fileCount(run: run.id, query: query)
        tree = try FolderTree(from: reader, run: run, people: estimator.peopleByFile())
    }

    var filesSeen: Int { run.totals.filesOK + run.totals.filesError + run.totals.filesSkipped }

    var highestTier: RiskTier {
        RiskTier.allCases.reversed().first { (tiers[$0] ?? 0) > 0 && $0 != .none } ?? .none
    }
}
