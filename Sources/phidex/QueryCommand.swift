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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, csv
        var listing: FindingListing.Format { FindingListing.Format(rawValue: rawValue) ?? .table }
    }

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

    @Option(name: .long, help: ArgumentHelp("Only findings of this type (repeatable): ssn, itin, atin, irsn, ssn_never_issued, hicn, mbi, npi, dea, mrn, dob, member_id, phone, email, name, address.", valueName: "type"))
    var type: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only files at or below this path.", valueName: "path"))
    var under: String?

    @Option(name: .long, help: ArgumentHelp("Only findings at least this confident (0 to 1).", valueName: "x"))
    var minConfidence: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Look up every value in this file (one per line, or the --column of a CSV) as --type; output names each by its line number, never by value.",
            valueName: "file"))
    var valuesFrom: String?

    @Option(name: .long, help: ArgumentHelp("With --values-from: the CSV column holding the values.", valueName: "name"))
    var column: String?

    @Option(name: .long, help: ArgumentHelp("Files sharing identifier values with this file (the same patients elsewhere).", valueName: "path"))
    var linked: String?

    @Option(name: .long, help: ArgumentHelp("Only files of this risk tier (repeatable): none, low, medium, high, critical.", valueName: "tier"))
    var tier: [String] = []

    @Option(name: .long, help: ArgumentHelp("List files with this status (repeatable): error, encrypted, skipped, limit, …", valueName: "status"))
    var status: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only files owned by this user (name or uid).", valueName: "user"))
    var owner: String?

    @Flag(name: .long, help: "Only files anyone may read (the other-read permission bit).")
    var worldReadable = false

    @Option(name: .long, help: ArgumentHelp("Only files modified on or after this date (YYYY-MM-DD, UTC).", valueName: "date"))
    var modifiedAfter: String?

    @Option(name: .long, help: ArgumentHelp("Only files modified before this date (YYYY-MM-DD, UTC).", valueName: "date"))
    var modifiedBefore: String?

    @Option(name: .customLong("run"), help: "Query this run instead of the newest completed one.")
    var runID: Int64?

    @Option(name: .long, help: "Output format.")
    var format: Format = .table

    func validate() throws {
        if givenValues.count > 1 { throw ValidationError("give one value to look up, not \(givenValues.count)") }
        if value != nil && type.count != 1 { throw ValidationError("--value needs exactly one --type") }
        if valuesFrom != nil && (type.count != 1 || !givenValues.isEmpty) {
            throw ValidationError("--values-from needs exactly one --type and no other value")
        }
        let narrowing = !tier.isEmpty || owner != nil || worldReadable || modifiedAfter != nil || modifiedBefore != nil
        if givenValues.isEmpty && type.isEmpty && under == nil && valuesFrom == nil && linked == nil && status.isEmpty && !narrowing {
            throw ValidationError(
                "say what to look for: --ssn, --mbi, --mrn, … or --value with --type, --values-from, --linked, --status, --type, --under, --tier, …")
        }
        for name in tier where RiskTier(rawValue: name) == nil {
            throw ValidationError("unknown tier '\(name)'; known: none, low, medium, high, critical")
        }
        for date in [modifiedAfter, modifiedBefore].compactMap({ $0 }) where Self.nanoseconds(date) == nil {
            throw ValidationError("'\(date)' is not a date (YYYY-MM-DD)")
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
        filter.tiers = tier.compactMap { RiskTier(rawValue: $0) }
        filter.worldReadable = worldReadable
        filter.modifiedAfter = modifiedAfter.flatMap(Self.nanoseconds)
        filter.modifiedBefore = modifiedBefore.flatMap(Self.nanoseconds)
        if let owner {
            guard let uid = UInt32(owner) ?? getpwnam(owner).map({ $0.pointee.pw_uid }) else { throw Failure("no user \(owner)") }
            filter.owner = uid
        }
        let output = StandardOutput()
        if !status.isEmpty { return try listFiles(reader, run: runRecord.id, filter: filter, output: output) }
        if let linked { return try listLinked(reader, run: runRecord.id, output: output, path: linked) }
        var list: ValueList?
        if let valuesFrom {
            let listed = try valueList(valuesFrom, as: IdentifierType(rawValue: type[0]), reader: reader)
            filter.valueKeys = Array(listed.labels.keys)
            filter.types = []
            list = listed
        }
        var listing = FindingListing(format: format.listing, labels: list?.labels ?? [:])
        var foundKeys: Set<Int64> = []
        try listing.start(to: output.line)
        try reader.findings(run: runRecord.id, filter: filter) { record in
            foundKeys.insert(record.finding.valueKey)
            try listing.add(record, to: output.line)
        }
        try listing.finish(to: output.line)
        if let list, !list.labels.isEmpty {
            let matched = Set(list.labels.keys).intersection(foundKeys).count
            Terminal.note("phidex query: \(matched) of \(Set(list.labels.values.flatMap { $0.split(separator: ",") }).count) listed values found")
        }
        output.flush()
        if listing.count == 0 { throw ExitCode(1) }
    }

    /// The values of a list file, keyed; each labelled by its line numbers (`#3`), never by value.
    private func valueList(_ path: String, as type: IdentifierType, reader: IndexReader) throws -> ValueList {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw Failure("cannot read \(path) as UTF-8 text") }
        let keyer: ValueKeyer
        do { keyer = try reader.requireKeyer() } catch { throw Failure(error.message) }
        let list: ValueList
        do { list = try ValueList(text: text, column: column, type: type, keyer: keyer) } catch { throw Failure("\(path): \(error.message)") }
        if !list.unreadableLines.isEmpty {
            Terminal.note("phidex query: lines \(ValueList.lineList(list.unreadableLines)) of \(path) are not a \(type.rawValue); skipped")
        }
        return list
    }

    private func listFiles(_ reader: IndexReader, run: Int64, filter: FindingFilter, output: StandardOutput) throws {
        var found = false
        let wanted = Set(status)
        try reader.files(run: run) { file in
            let kind = file.status.isLimit ? "limit" : file.status.rawValue
            guard wanted.contains(kind) || wanted.contains(file.status.rawValue) else { return }
            guard filter.admits(path: file.path) else { return }
            found = true
            try output.line(FindingListing.statusLine(file, format: format.listing))
        }
        output.flush()
        if !found { throw ExitCode(1) }
    }

    private func listLinked(_ reader: IndexReader, run: Int64, output: StandardOutput, path: String) throws {
        let absolute = LogicalPath.absolute(path, currentDirectory: FileManager.default.currentDirectoryPath)
        let files: [LinkedFile]
        do { files = try reader.linkedFiles(run: run, path: absolute) } catch { throw Failure(error.message) }
        for line in FindingListing.linkedLines(files, of: absolute) { try output.line(line) }
        output.flush()
        if files.isEmpty { throw ExitCode(1) }
    }

    /// Midnight UTC of a YYYY-MM-DD date, in nanoseconds since the epoch.
    static func nanoseconds(_ date: String) -> Int64? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        // Nanoseconds since 1970 fit an Int64 until the year 2262; later dates clamp.
        return calendar.date(from: components).map { Int64(exactly: ($0.timeIntervalSince1970 * 1e9).rounded()) ?? ($0.timeIntervalSince1970 > 0 ? Int64.max : Int64.min) }
    }
}
