// Query hits in the output formats `phidex query` offers: an aligned table, JSON Lines
// (a list lookup's line label first), or CSV rows under the report's header.

import PhidexCore
public import PhidexIndex

/// Writes query hits as they come, in one format.
public struct FindingListing {
    public enum Format: String, Sendable, CaseIterable { case table, jsonl, csv }

    public let format: Format
    private var table: FindingTable
    private let labels: [Int64: String]
    public private(set) var count = 0

    /// `labels`: for a list lookup, each key's line label, shown in place of the value.
    public init(format: Format, labels: [Int64: String] = [:]) {
        self.format = format
        self.labels = labels
        table = FindingTable(valueLabels: labels)
    }

    /// The lines that come before any hit (the CSV header).
    public func start(to emit: (String) throws -> Void) throws {
        if format == .csv { try emit(CSVReport.header) }
    }

    public mutating func add(_ record: FindingRecord, to emit: (String) throws -> Void) throws {
        count += 1
        switch format {
        case .table: table.add(record)
        case .jsonl:
            var line = JSONLinesReport.findingRecord(record)
            if let label = labels[record.finding.valueKey] { line = "{\"value\":\(JSONText.string(label))," + line.dropFirst() }
            try emit(line)
        case .csv: try emit(CSVReport.row(record, file: nil))
        }
    }

    /// The lines that come after the hits (the table, which is sized to them).
    public func finish(to emit: (String) throws -> Void) throws {
        if format == .table { try table.write(to: emit) }
    }

    /// One line of a status listing (`query --status`): status, path and reason.
    public static func statusLine(_ file: FileRecord, format: Format) -> String {
        format == .jsonl ? JSONLinesReport.fileRecord(file) : "\(file.status.rawValue)\t\(file.path)\t\(file.reason ?? "")"
    }

    /// The lines of a linked-files listing (`query --linked`).
    public static func linkedLines(_ files: [LinkedFile], of path: String) -> [String] {
        ["shared  risk  types  path"]
            + files.map { "\($0.sharedValues)\t\($0.riskScore)\t\($0.types.map(\.rawValue).joined(separator: ","))\t\($0.path)" }
            + ["\(files.count) files share values with \(path)"]
    }
}
