// `phidex report --by folder`: where the risk is, folder by folder — the
// question "what is the riskiest folder" — with the people exposed below each.

public import PhidexIndex
import PhidexCore
import PhidexScore

/// Folder roll-ups of one run as a table or JSON Lines.
public enum FolderReport {
    public static func rollups(from reader: IndexReader, run: RunRecord, depth: Int) throws -> [FolderRollup] {
        try FolderRollup.rollups(from: reader, run: run, types: RiskModel.builtIn.strongTypes.sorted(), depth: depth)
    }

    public static func text(_ folders: [FolderRollup], run: RunRecord, to emit: (String) throws -> Void) throws {
        try emit("Risk by folder, run \(run.id) (highest file score, people exposed below the folder)")
        var table = TextTable([("risk", .right), ("tier", .left), ("people", .right), ("files", .right), ("findings", .right), ("unknown", .right), ("folder", .left)])
        for folder in folders {
            table.add([
                "\(folder.highestRisk)", RiskTier(score: folder.highestRisk).rawValue, "\(folder.individuals)",
                "\(folder.filesWithFindings)", "\(folder.findings)", folder.notFullyRead > 0 ? "\(folder.notFullyRead)" : "", folder.folder,
            ])
        }
        for line in table.lines() { try emit(line) }
        try emit("unknown: files encrypted or stopped at a limit below the folder, whose risk could not be measured.")
    }

    public static func jsonLines(_ folders: [FolderRollup], to emit: (String) throws -> Void) throws {
        for folder in folders {
            var object = JSONObject()
            object.add("record", "folder")
            object.add("folder", folder.folder)
            object.add("highest_risk", folder.highestRisk)
            object.add("risk_tier", RiskTier(score: folder.highestRisk).rawValue)
            object.add("individuals", folder.individuals)
            object.add("files_with_findings", folder.filesWithFindings)
            object.add("findings", folder.findings)
            object.add("not_fully_read", folder.notFullyRead)
            try emit(object.rendered)
        }
    }
}
