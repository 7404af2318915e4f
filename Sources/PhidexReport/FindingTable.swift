// `phidex query` output as a table: one line per finding, then a count.

import PhidexCore
public import PhidexIndex

/// Collects query hits and prints them as an aligned table.
public struct FindingTable {
    private var rows: [FindingRecord] = []
    /// For a list lookup: each value key's label (`#3`: the value on line 3 of the list), shown
    /// in a first column instead of the value.
    private let valueLabels: [Int64: String]

    public init(valueLabels: [Int64: String] = [:]) { self.valueLabels = valueLabels }

    public mutating func add(_ record: FindingRecord) { rows.append(record) }

    public var isEmpty: Bool { rows.isEmpty }

    public func write(to emit: (String) throws -> Void) throws {
        let lineWidth = max(4, rows.map { String($0.finding.line).count }.max() ?? 0)
        let offsetWidth = max(6, rows.map { String($0.finding.span.offset).count }.max() ?? 0)
        let typeWidth = max(4, rows.map { $0.finding.type.rawValue.count }.max() ?? 0)
        let maskedWidth = max(6, rows.map { $0.finding.masked.count }.max() ?? 0)
        let labelWidth = valueLabels.isEmpty ? 0 : max(5, rows.map { (valueLabels[$0.finding.valueKey] ?? "").count }.max() ?? 0)
        let label = { (text: String) in labelWidth == 0 ? "" : Formatting.padded(text, labelWidth) + "  " }
        try emit(
            label("value") + Formatting.rightAligned("line", lineWidth) + "  " + Formatting.rightAligned("offset", offsetWidth) + "  "
                + Formatting.padded("type", typeWidth) + "  " + Formatting.padded("masked", maskedWidth) + "  conf  path")
        for row in rows {
            let finding = row.finding
            try emit(
                label(valueLabels[finding.valueKey] ?? "") + Formatting.rightAligned("\(finding.line)", lineWidth) + "  "
                    + Formatting.rightAligned("\(finding.span.offset)", offsetWidth) + "  "
                    + Formatting.padded(finding.type.rawValue, typeWidth) + "  " + Formatting.padded(finding.masked, maskedWidth)
                    + "  " + Formatting.confidence(finding.confidence) + "  " + row.path)
        }
        let files = Set(rows.map(\.path)).count
        try emit("\(rows.count) finding\(rows.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
    }
}
