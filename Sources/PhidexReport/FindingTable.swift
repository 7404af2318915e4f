// `phidex query` output as a table: one line per finding, then a count.

import PhidexCore
public import PhidexIndex

/// Collects query hits and prints them as an aligned table.
public struct FindingTable {
    private var rows: [FindingRecord] = []

    public init() {}

    public mutating func add(_ record: FindingRecord) { rows.append(record) }

    public var isEmpty: Bool { rows.isEmpty }

    public func write(to emit: (String) throws -> Void) throws {
        let lineWidth = max(4, rows.map { String($0.finding.line).count }.max() ?? 0)
        let offsetWidth = max(6, rows.map { String($0.finding.span.offset).count }.max() ?? 0)
        let typeWidth = max(4, rows.map { $0.finding.type.rawValue.count }.max() ?? 0)
        let maskedWidth = max(6, rows.map { $0.finding.masked.count }.max() ?? 0)
        try emit(
            Formatting.rightAligned("line", lineWidth) + "  " + Formatting.rightAligned("offset", offsetWidth) + "  "
                + Formatting.padded("type", typeWidth) + "  " + Formatting.padded("masked", maskedWidth) + "  conf  path")
        for row in rows {
            let finding = row.finding
            try emit(
                Formatting.rightAligned("\(finding.line)", lineWidth) + "  "
                    + Formatting.rightAligned("\(finding.span.offset)", offsetWidth) + "  "
                    + Formatting.padded(finding.type.rawValue, typeWidth) + "  " + Formatting.padded(finding.masked, maskedWidth)
                    + "  " + Formatting.confidence(finding.confidence) + "  " + row.path)
        }
        let files = Set(rows.map(\.path)).count
        try emit("\(rows.count) finding\(rows.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
    }
}
