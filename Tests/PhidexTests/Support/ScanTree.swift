// Scans a test tree through the library and returns what the index holds:
// findings as "type masked" by path, and every file's record by path.

import Foundation
import PhidexCore
import PhidexExtract
import PhidexIndex
import PhidexScan

func scanTree(_ tree: TestTree, limits: ArchiveLimits = ArchiveLimits()) async throws -> (found: [String: [String]], files: [String: FileRecord]) {
    let index = tree.root + ".db"
    try? FileManager.default.removeItem(atPath: index)
    let result = try await Scan.run(
        ScanOptions(roots: [tree.root], index: IndexLocation(path: index), jobs: 2, limits: limits), engine: Shared.engine)
    let reader = try IndexReader(location: IndexLocation(path: index))
    var found: [String: [String]] = [:]
    try reader.findings(run: result.runID) { found[$0.path, default: []].append("\($0.finding.type) \($0.finding.masked)") }
    var files: [String: FileRecord] = [:]
    try reader.files(run: result.runID) { files[$0.path] = $0 }
    return (found, files)
}
