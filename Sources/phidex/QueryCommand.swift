// `phidex query`: where does a value appear, which files hold a type below a folder.

import ArgumentParser
import Foundation
import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexReport

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find where identifiers appear: by value, by type, below a folder.",
        discussion: """
            A value given with --ssn, --mbi, --mrn, … or --value is normalized and hashed with the \
            index's key, then looked up; it is never stored, logged or printed. Output shows masked \
            values only.

            Exit status: 0 when something was found, 1 when nothing was, 2 when the query could \
            not run.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl }

    @OptionGroup var indexOptions: IndexOptions

    @Option(name: .long, help: ArgumentHelp("A Social Security number (any of 078-05-1123, 078 05 1123, 078051123).", valueName: "ssn"))
    var ssn: String?

    @Option(name: .long, help: ArgumentHelp("A Medicare Beneficiary Identifier (with or without dashes).", valueName: "mbi"))
    var mbi: String?

    @Option(name: .long, help: ArgumentHelp("A legacy Medicare claim number (HICN).", valueName: "hicn"))
    var hicn: String?

    @Option(name: .long, help: ArgumentHelp("A medical record number.", valueName: "mrn"))
    var mrn: String?

    @Option(name: .long, help: ArgumentHelp("A date of birth (1962-03-14, 03/14/1962, March 14, 1962).", valueName: "date"))
    var dob: String?

    @Option(name: .customLong("member-id"), help: ArgumentHelp("A health-plan member, subscriber, policy or Medicaid ID.", valueName: "id"))
    var memberID: String?

    @Option(name: .long, help: ArgumentHelp("A person's name, in any order (\"Quill, Avery\" finds AVERY QUILL).", valueName: "name"))
    var name: String?

    @Option(name: .long, help: ArgumentHelp("A National Provider Identifier.", valueName: "npi"))
    var npi: String?

    @Option(name: .long, help: ArgumentHelp("A DEA registration number.", valueName: "dea"))
    var dea: String?

    @Option(name: .long, help: ArgumentHelp("A value to look up; give its --type.", valueName: "value"))
    var value: String?

    /// The value options given, with the type each names.
    private var givenValues: [(type: IdentifierType, value: String)] {
        let options: [(IdentifierType, String?)] = [
            (.ssn, ssn), (.mbi, mbi), (.hicn, hicn), (.mrn, mrn), (.dob, dob), (.memberID, memberID), (.name, name),
            (.npi, npi), (.dea, dea),
            (IdentifierType(type.first ?? ""), value),
        ]
        return options.compactMap { type, value in value.map { (type, $0) } }
    }

    @Option(name: .long, help: ArgumentHelp("Only findings of this type (repeatable): ssn, itin, atin, irsn, ssn_never_issued, hicn, mbi, npi, dea, mrn, dob, member_id.", valueName: "type"))
    var type: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only files at or below this path.", valueName: "path"))
    var under: String?

    @Option(name: .long, help: ArgumentHelp("Only findings at least this confident (0 to 1).", valueName: "x"))
    var minConfidence: Double?

    @Option(name: .customLong("run"), help: "Query this run instead of the newest completed one.")
    var runID: Int64?

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    func validate() throws {
        if givenValues.count > 1 { throw ValidationError("give one value to look up, not \(givenValues.count)") }
        if value != nil && type.count != 1 { throw ValidationError("--value needs exactly one --type") }
        if givenValues.isEmpty && type.isEmpty && under == nil {
            throw ValidationError("say what to look for: --ssn, --mbi, --mrn, … or --value with --type, --type or --under")
        }
        let known = Set(RuleCatalogue.builtIn.rules.map(\.type.rawValue))
        for name in type where !known.contains(name) {
            throw ValidationError("unknown type '\(name)'; known: \(known.sorted().joined(separator: ", "))")
        }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be between 0 and 1") }
    }

    func run() throws {
        let reader = try indexOptions.reader()
        let lookup = givenValues.first
        // A value given by its own option matches every type sharing its namespace (an SSN also
        // finds the ITIN-typed finding of the same nine digits); --value --type is exact.
        var filter = FindingFilter(
            types: lookup == nil || value != nil ? type.map { IdentifierType(rawValue: $0) } : [],
            minimumConfidence: minConfidence)
        if let under {
            filter.under = LogicalPath.absolute(under, currentDirectory: FileManager.default.currentDirectoryPath)
        }
        if let (valueType, given) = lookup {
            // The value itself never appears in a message.
            guard let normalized = ValueNormalizer.normalize(given, as: valueType) else {
                throw Failure(ssn != nil ? "--ssn must be nine digits, optionally separated by '-', ' ' or '.'" : "the value is not a valid \(valueType)")
            }
            do {
                filter.valueKey = try reader.requireKeyer().key(for: normalized)
            } catch { throw Failure(error.message) }
        }
        let runRecord = try indexOptions.selectRun(runID, in: reader)

        let output = StandardOutput()
        var table = FindingTable()
        var found = false
        try reader.findings(run: runRecord.id, filter: filter) { record in
            found = true
            switch format {
            case .table: table.add(record)
            case .jsonl: try output.line(JSONLinesReport.findingRecord(record))
            }
        }
        if format == .table { try table.write(to: output.line) }
        output.flush()
        if !found { throw ExitCode(1) }
    }
}
