// Identifiers found by what surrounds them, in one Vectorscan pass over each
// window, then read in Swift on the candidates only:
//   - labels: a word such as `MRN` or `member ID`, the value read after it;
//   - prefixes: structure a label cannot say (FHIR's identifier typed MR, C-CDA's
//     patientRole/id), the value starting where the pattern ends;
//   - table columns (CSV/TSV header names): every cell of a named column.
// Shapes anchored on digits (SSN, NPI, MBI, DEA) stay with the byte scanners:
// they are what multi-pattern engines do worst (shared/reference/performance.md).

import PhidexCore

/// Finds the identifiers of `Rules/patterns.json`.
public struct PatternDetector: Detector {
    public let rules: [Rule]
    /// A table row's start may be 512 bytes before a cell; labels, separators and values
    /// are far shorter. (HL7 v2 fields are read by `HL7Reader`, by their data types.)
    public var reach: Int { TableHeader.lookBehind + 96 }

    enum Role {
        case label(Int)
        case prefix(Int)
    }

    let patterns: PatternSet
    private let roles: [Role]
    /// Table column name -> index into `rules`.
    private let columnRules: [String: Int]
    /// Identifier type -> index into `rules`, for columns named by their words.
    private let typeRules: [IdentifierType: Int]
    /// Per rule: whether its labels are themselves the evidence (clinical context), not labels of a value.
    private let isEvidence: [Bool]

    /// Words that may sit between a label and its value (`MRN no.`, `DOB value="`, `member ID we
    /// have on file is`, `DOB (mm/dd/yyyy):`): `label_fillers` of `Rules/structure.json`.
    private let fillers: Set<String>

    /// What a name must not be (organizations, placeholders): `not_names` of `Rules/structure.json`.
    private let policy: StructurePolicy

    init(rules: [Rule], policy: StructurePolicy = .builtIn) throws {
        self.fillers = policy.labelFillers
        self.policy = policy
        self.rules = rules
        var expressions: [String] = [], caseless: [Bool] = [], singleMatch: [Bool] = [], roles: [Role] = []
        var columnRules: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            // Evidence patterns report once per window: each is one kind of clinical evidence seen.
            let evidence = rule.value == "evidence"
            for label in rule.labels {
                expressions.append(label); caseless.append(true); singleMatch.append(evidence); roles.append(.label(index))
            }
            for prefix in rule.prefixes {
                expressions.append(prefix); caseless.append(true); singleMatch.append(false); roles.append(.prefix(index))
            }
            for column in rule.columns { columnRules[column] = index }
            if rule.value == nil { throw CatalogueError(message: "\(rule.id): a pattern rule needs a value kind") }
        }
        isEvidence = rules.map { $0.value == "evidence" }
        var typeRules: [IdentifierType: Int] = [:]
        for (index, rule) in rules.enumerated() where rule.value != "evidence" && typeRules[rule.type] == nil { typeRules[rule.type] = index }
        self.typeRules = typeRules
        self.patterns = try PatternSet(expressions: expressions, caseless: caseless, singleMatch: singleMatch)
        self.roles = roles
        self.columnRules = columnRules
    }

    public func detect(in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match]) {
        let workspace = context.workspace ?? DetectorWorkspace(patterns: patterns)
        guard let scratch = workspace.patternScratch else { return }
        workspace.hits.removeAll(keepingCapacity: true)
        patterns.scan(window, scratch: scratch, into: &workspace.hits)
        let first = matches.count
        for hit in workspace.hits {
            switch roles[Int(hit.pattern)] {
            case .label(let rule) where isEvidence[rule]:
                matches.append(Match(
                    rule: rules[rule].id, type: .clinicalTerm, span: ByteSpan(offset: Int64(hit.end - 1), length: 1),
                    confidence: 0.5, reason: "clinical term", normalized: "clinical:\(hit.pattern)", masked: ""))
            case .label(let rule):
                value(of: rule, at: valueStart(afterLabelEndingAt: hit.end, in: window), in: window, how: "label", into: &matches)
            case .prefix(let rule): value(of: rule, at: hit.end, in: window, how: "structure", into: &matches)
            }
        }
        if let table = context.table, !columnRules.isEmpty { columns(of: table, in: window, context: context, into: &matches) }
        if let rows = context.rows, !columnRules.isEmpty { columns(of: rows, in: window, context: context, into: &matches) }
        Self.removeRepeats(&matches, from: first)
    }

    // MARK: Labels and structure


    /// Where the value after a label starts: past separators, quotes and filler words.
    private func valueStart(afterLabelEndingAt end: Int, in window: UnsafeRawBufferPointer) -> Int {
        var i = end
        let limit = min(window.count, end + 32)
        while i < limit {
            let byte = window[i]
            switch byte {
            case 0x20, 0x09, 0x3A, 0x23, 0x3D, 0x22, 0x27, 0x3E, 0x2E, 0x28, 0x29, 0x5B, 0x2D, 0x5F, 0x0D, 0x0A, 0x2F:
                i += 1  // space tab : # = " ' > . ( ) [ - _ CR LF /
            default:
                guard ContextWords.isLetter(byte) else { return i }
                var wordEnd = i
                while wordEnd < limit && ContextWords.isLetter(window[wordEnd]) { wordEnd += 1 }
                let word = String(decoding: (i..<wordEnd).map { ContextWords.lower(window[$0]) }, as: UTF8.self)
                guard fillers.contains(word) else { return i }
                i = wordEnd
            }
        }
        return i
    }

    /// Reads the value of rule `index` starting at `start` and appends it if it is one.
    private func value(of index: Int, at start: Int, in window: UnsafeRawBufferPointer, how: String, into matches: inout [Match], cellEnd: Int? = nil) {
        let rule = rules[index]
        guard start < window.count else { return }
        switch rule.value {
        case "date":
            guard let date = DateShape.read(window, at: start) else { return }
            if let cellEnd, start + date.length != cellEnd { return }
            matches.append(Match(
                rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: date.length),
                confidence: rule.confidence, reason: "date after \(how)", normalized: date.normalized,
                masked: "****-**-**"))
        case "email":
            // local@domain.tld, local part of letters, digits and . _ % + -
            var at = start
            let limit = min(window.count, start + 96)
            while at < limit && Self.isEmailLocal(window[at]) { at += 1 }
            guard at > start, at < limit, window[at] == 0x40 else { return }
            var end = at + 1
            while end < limit && (ContextWords.isAlphanumeric(window[end]) || window[end] == 0x2D || window[end] == 0x2E) {
                end += 1
            }
            while end > at + 1 && window[end - 1] == 0x2E { end -= 1 }  // a sentence's full stop
            guard let lastDot = (at + 1..<end).last(where: { window[$0] == 0x2E }), lastDot > at + 1,
                end - lastDot - 1 >= 2,
                (lastDot + 1..<end).allSatisfy({ ContextWords.isLetter(window[$0]) })
            else { return }
            if let cellEnd, end != cellEnd { return }
            let bytes = UnsafeRawBufferPointer(rebasing: window[start..<end])
            let lower = String(decoding: bytes.map(ContextWords.lower), as: UTF8.self)
            let domain = String(lower[lower.index(after: lower.firstIndex(of: "@")!)...])
            matches.append(Match(
                rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: end - start),
                confidence: rule.confidence, reason: "address after \(how)", normalized: "email:" + lower,
                masked: "***@" + domain))
        case "name":
            let end = Self.nameEnd(window, start, limit: min(window.count, cellEnd ?? (start + 64)))
            guard end > start else { return }
            if let cellEnd, end != cellEnd { return }
            let bytes = UnsafeRawBufferPointer(rebasing: window[start..<end])
            guard let normalized = ValueNormalizer.name(bytes), !policy.isNotAName(normalized) else { return }
            matches.append(Match(
                rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: end - start),
                confidence: rule.confidence, reason: "name after \(how)", normalized: normalized,
                masked: Self.maskName(bytes)))
        case "address":
            // A street line to the end of the line (or cell): a house number, then words.
            let limit = min(window.count, cellEnd ?? (start + 120))
            var end = start
            while end < limit && window[end] != 0x0A && window[end] != 0x0D && window[end] != 0x09 && window[end] != 0x7C { end += 1 }
            while end > start && (window[end - 1] == 0x20 || window[end - 1] == 0x2E || window[end - 1] == 0x2C) { end -= 1 }
            guard end > start, ContextWords.isDigit(window[start]) else { return }
            var digits = start
            while digits < end && ContextWords.isDigit(window[digits]) { digits += 1 }
            guard digits - start <= 6, digits < end, window[digits] == 0x20 else { return }
            let bytes = UnsafeRawBufferPointer(rebasing: window[start..<end])
            let text = String(decoding: bytes, as: UTF8.self)
            guard let normalized = ValueNormalizer.normalize(text, as: .address) else { return }
            matches.append(Match(
                rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: end - start),
                confidence: rule.confidence, reason: "street line after \(how)", normalized: normalized,
                masked: FieldValues.maskWords(text)))
        case "token":
            var end = start
            var digits = 0
            let limit = min(window.count, cellEnd ?? (start + 32))
            while end < limit {
                let byte = window[end]
                if ContextWords.isDigit(byte) { digits += 1 } else if !(ContextWords.isLetter(byte) || byte == 0x2D) { break }
                end += 1
            }
            while end > start && window[end - 1] == 0x2D { end -= 1 }
            let length = end - start
            guard (4...24).contains(length), digits >= 2 else { return }
            if let cellEnd, end != cellEnd { return }
            if end < window.count && (ContextWords.isAlphanumeric(window[end]) || window[end] == 0x40) { return }  // longer, or an email
            let bytes = UnsafeRawBufferPointer(rebasing: window[start..<end])
            let canonical = String(decoding: bytes.compactMap { ContextWords.isAlphanumeric($0) ? Self.upper($0) : nil }, as: UTF8.self)
            matches.append(Match(
                rule: rule.id, type: rule.type, span: ByteSpan(offset: Int64(start), length: length),
                confidence: rule.confidence, reason: "\(length) characters after \(how)",
                normalized: ValueNormalizer.namespace(rule.type) + canonical, masked: Self.mask(bytes)))
        default:
            return
        }
    }

    private static func split(_ window: UnsafeRawBufferPointer, _ start: Int, _ end: Int, by separator: UInt8) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var partStart = start
        for position in start...end where position == end || window[position] == separator {
            parts.append(partStart..<position)
            partStart = position + 1
        }
        return parts
    }

    private static func equals(_ window: UnsafeRawBufferPointer, _ range: Range<Int>, _ text: String) -> Bool {
        range.count == text.utf8.count && zip(range, text.utf8).allSatisfy { window[$0] == $1 }
    }

    // MARK: Table columns

    /// What this detector reads in a table column.
    enum ColumnRole: Equatable {
        /// A value of the rule at this index.
        case value(Int)
        /// A part of one name per row: 0 first (given), 1 middle, 2 last (family).
        case namePart(Int)
        /// A street line, and the city, state and ZIP joined to it per row.
        case street, city, state, zip
    }

    /// The roles of a table's columns: a rule's own column names first, then what a name's words
    /// say (`pt_mrn`, `Chart #`, `BirthDt`, `Ins Member No`, `FIRST`, `LAST`, `ADDRESS`).
    func roles(of columns: [String], listsPeople: Bool, context: StreamContext) -> [Int: ColumnRole] {
        let key = listsPeople ? columns + ["\u{1}people"] : columns
        if let known = context.workspace?.columnRoles[key] { return known }
        let roles = computeRoles(of: columns, listsPeople: listsPeople, context: context)
        if let workspace = context.workspace, workspace.columnRoles.count < 1024 { workspace.columnRoles[key] = roles }
        return roles
    }

    private func computeRoles(of columns: [String], listsPeople: Bool, context: StreamContext) -> [Int: ColumnRole] {
        var roles: [Int: ColumnRole] = [:]
        for (column, name) in columns.enumerated() {
            let key = Self.columnKey(name)
            var type: IdentifierType?
            if let rule = columnRules[key] {
                type = rules[rule].type
                roles[column] = .value(rule)
            } else if let kind = context.kind(ofColumn: name) {
                if case .identifier(let named) = kind, let rule = typeRules[named] {
                    type = named
                    roles[column] = .value(rule)
                } else if kind == .other {
                    let words = Set(FieldVocabulary.split(name))
                    if words.contains("city") { roles[column] = .city }
                    else if words.contains("state") { roles[column] = .state }
                    else if words.contains("zip") || words.contains("zipcode") || words.contains("postal") || words.contains("postcode") { roles[column] = .zip }
                }
            } else if (key == "name" || key == "patient" || key == "full_name"), listsPeople, let rule = typeRules[.name] {
                // `Name` or `Patient` beside SSN, DOB or MRN columns: a person's name.
                type = .name
                roles[column] = .value(rule)
            }
            if type == .name {
                let words = Set(FieldVocabulary.split(name).flatMap { $0 == "firstname" ? ["first"] : $0 == "lastname" || $0 == "surname" ? ["last"] : [$0] })
                if words.contains("first") || words.contains("given") || words.contains("fname") { roles[column] = .namePart(0) }
                else if words.contains("middle") || words.contains("mi") { roles[column] = .namePart(1) }
                else if words.contains("last") || words.contains("family") || words.contains("lname") { roles[column] = .namePart(2) }
            }
            if type == .address { roles[column] = .street }
        }
        if !roles.values.contains(.street) { roles = roles.filter { ![.city, .state, .zip].contains($0.value) } }
        return roles
    }

    /// Reports one row's cells (window positions) by their columns' roles.
    private func report(
        row cells: [(column: Int, cell: Range<Int>)], roles: [Int: ColumnRole], names: [String], in window: UnsafeRawBufferPointer,
        context: StreamContext, labelCells: Bool = false, into matches: inout [Match]
    ) {
        var nameParts: [(order: Int, column: Int, cell: Range<Int>)] = []
        var street: Range<Int>?, city: Range<Int>?, state: Range<Int>?, zip: Range<Int>?
        for (column, cell) in cells {
            guard let role = roles[column], !cell.isEmpty, !Self.equals(window, cell, "NULL"), !Self.equals(window, cell, "\\N") else { continue }
            switch role {
            case .value(let rule):
                // In a document's table (HTML, PDF, sheet), a name column's cell that is itself a
                // field's name (`MRN`, `Address`) is a label: the "header" was the table's first
                // label and value. (A CSV's header is its own; its cells are not checked.)
                if labelCells, rules[rule].type == .name, cell.count <= 40, !window[cell].contains(0x2C),
                    context.kind(ofColumn: String(decoding: UnsafeRawBufferPointer(rebasing: window[cell]), as: UTF8.self)) != nil
                {
                    continue
                }
                value(of: rule, at: cell.lowerBound, in: window, how: "column '\(names[column])'", into: &matches, cellEnd: cell.upperBound)
            case .namePart(let order): nameParts.append((order, column, cell))
            case .street: street = cell
            case .city: city = cell
            case .state: state = cell
            case .zip: zip = cell
            }
        }
        let text = { (cell: Range<Int>) in String(decoding: UnsafeRawBufferPointer(rebasing: window[cell]), as: UTF8.self) }
        if !nameParts.isEmpty, let rule = typeRules[.name] {
            nameParts.sort { $0.order < $1.order }
            let whole = nameParts.map { text($0.cell) }.joined(separator: " ")
            let anchor = nameParts.last!.cell
            if whole.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || " '-.,".unicodeScalars.contains($0) }),
                let normalized = ValueNormalizer.normalize(whole, as: .name), !policy.isNotAName(normalized)
            {
                matches.append(Match(
                    rule: rules[rule].id, type: .name, span: ByteSpan(offset: Int64(anchor.lowerBound), length: anchor.count),
                    confidence: rules[rule].confidence, reason: "name from columns " + nameParts.map { "'\(names[$0.column])'" }.joined(separator: ", "),
                    normalized: normalized, masked: FieldValues.maskWords(whole)))
            }
        }
        if let street, let rule = typeRules[.address] {
            let whole = RecordInterpreter.address(lines: [text(street)], city: city.map(text), state: state.map(text), zip: zip.map(text))
            if let normalized = ValueNormalizer.normalize(whole, as: .address) {
                matches.append(Match(
                    rule: rules[rule].id, type: .address, span: ByteSpan(offset: Int64(street.lowerBound), length: street.count),
                    confidence: rules[rule].confidence, reason: "address from its row's street, city, state and ZIP columns",
                    normalized: normalized, masked: FieldValues.maskWords(whole)))
            }
        }
    }

    /// Every cell of a column whose name says what it holds, in rows starting in this window.
    private func columns(of table: TableHeader, in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match]) {
        let wanted = roles(of: table.columns, listsPeople: table.listsPeople, context: context)
        guard !wanted.isEmpty else { return }
        let headerEndInWindow = Int(table.end - context.windowStart)
        var lineStart = 0
        // Only rows whose start this window sees (after a newline, or the stream's first row).
        if !(headerEndInWindow >= 0 && headerEndInWindow <= window.count) {
            guard let newline = window.firstIndex(of: 0x0A) else { return }
            lineStart = newline + 1
        } else {
            lineStart = headerEndInWindow
        }
        var cells: [(column: Int, cell: Range<Int>)] = []
        while lineStart < window.count {
            var column = 0, cellStart = lineStart, quoted = false, position = lineStart
            cells.removeAll(keepingCapacity: true)
            while position <= window.count {
                let atLineEnd = position == window.count || window[position] == 0x0A
                let byte = atLineEnd ? 0x0A : window[position]
                if byte == 0x22 { quoted.toggle() }
                if atLineEnd || (byte == table.delimiter && !quoted) {
                    if wanted[column] != nil {
                        var s = cellStart, e = position
                        if e > s && window[e - 1] == 0x0D { e -= 1 }
                        while s < e && (window[s] == 0x20 || window[s] == 0x22) { s += 1 }
                        while e > s && (window[e - 1] == 0x20 || window[e - 1] == 0x22) { e -= 1 }
                        cells.append((column, s..<e))
                    }
                    column += 1
                    cellStart = position + 1
                    if atLineEnd { break }
                }
                position += 1
            }
            // A row the window ends in is the stream's last (a row a read boundary cuts lies in
            // the overlap, after where this window reports, and the next window reads it whole;
            // only a cell longer than the overlap could be cut before that).
            report(row: cells, roles: wanted, names: table.columns, in: window, context: context, into: &matches)
            if position >= window.count { return }
            lineStart = position + 1
        }
    }

    /// Every cell of a named column in declared rows (SQL tuples, COPY lines, rendered tables) that open in this window.
    private func columns(of sql: TableRowsIndex, in window: UnsafeRawBufferPointer, context: StreamContext, into matches: inout [Match]) {
        let peopleWords = ["ssn", "birth", "dob", "mrn"]
        for (index, stretch) in sql.rows.enumerated() {
            let listsPeople = stretch.columns.contains { name in peopleWords.contains { name.lowercased().contains($0) } }
            let wanted = roles(of: stretch.columns, listsPeople: listsPeople, context: context)
            guard !wanted.isEmpty else { continue }
            let from = max(0, Int(clamping: stretch.start - context.windowStart))
            let to = index + 1 < sql.rows.count ? min(window.count, Int(clamping: max(0, sql.rows[index + 1].start - context.windowStart))) : window.count
            guard from < to else { continue }
            switch stretch.style {
            case .tuples:
                var position = from
                while position < to {
                    guard window[position] == 0x28, TableRowsIndex.isTupleOpening(position, in: window, stretchStart: stretch.start - context.windowStart)
                    else { position += 1; continue }
                    guard let tuple = TableRowsIndex.cells(of: position, in: window) else { break }  // runs past the window
                    report(row: tuple.cells.enumerated().map { ($0.offset, $0.element) }, roles: wanted, names: stretch.columns, in: window, context: context, labelCells: true, into: &matches)
                    position = tuple.close + 1
                }
            case .lines(let delimiter):
                var lineStart = from
                if from == 0 && stretch.start < context.windowStart {  // rows whose start this window sees
                    guard let newline = window.firstIndex(of: 0x0A) else { continue }
                    lineStart = newline + 1
                }
                while lineStart < to {
                    guard let lineEnd = (lineStart..<window.count).first(where: { window[$0] == 0x0A }) else { break }
                    if Self.equals(window, lineStart..<lineEnd, "\\.") { break }
                    let cells = Self.split(window, lineStart, lineEnd, by: delimiter).enumerated().map { ($0.offset, $0.element) }
                    report(row: cells, roles: wanted, names: stretch.columns, in: window, context: context, labelCells: true, into: &matches)
                    lineStart = lineEnd + 1
                }
            }
        }
    }

    /// A column or key name as rules list it: lowercased, spaces and dashes as `_`.
    static func columnKey(_ name: String) -> String {
        String(name.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    // MARK: Helpers

    /// One match per rule and span, the most confident.
    static func removeRepeats(_ matches: inout [Match], from first: Int) {
        guard matches.count - first > 1 else { return }
        struct Key: Hashable { var rule: RuleID, span: ByteSpan }
        var best: [Key: Int] = [:]
        var kept: [Match] = []
        kept.reserveCapacity(matches.count - first)
        for match in matches[first...] {
            let key = Key(rule: match.rule, span: match.span)
            if let at = best[key] {
                if match.confidence > kept[at].confidence { kept[at] = match }
            } else {
                best[key] = kept.count
                kept.append(match)
            }
        }
        matches.replaceSubrange(first..., with: kept)
    }

    /// All but the last four letters and digits masked.
    static func mask(_ bytes: UnsafeRawBufferPointer) -> String {
        let alphanumerics = bytes.filter { ContextWords.isAlphanumeric($0) }.count
        var seen = 0
        return String(decoding: bytes.map { byte -> UInt8 in
            guard ContextWords.isAlphanumeric(byte) else { return byte }
            seen += 1
            return seen > alphanumerics - 4 ? byte : 0x2A
        }, as: UTF8.self)
    }

    static func upper(_ byte: UInt8) -> UInt8 { ContextWords.isLower(byte) ? byte & ~0x20 : byte }

    /// The end of one to four capitalized words starting at `start` (separated by a space, a
    /// comma and space, or `^`), or `start` when there is no name there.
    static func nameEnd(_ window: UnsafeRawBufferPointer, _ start: Int, limit: Int) -> Int {
        var end = start, words = 0, position = start
        // A word starts with a capital: an ASCII one, or the UTF-8 lead byte of a Latin letter
        // (`Ávila`, `Øster`; not punctuation such as `—` or `•`).
        while words < 4, position < limit, ContextWords.isUpper(window[position]) || (0xC3...0xC5).contains(window[position]) {
            var wordEnd = position + 1
            while wordEnd < limit, isNameByte(window[wordEnd]) { wordEnd += 1 }
            if wordEnd - position == 1 {
                // A middle initial after a name (`Quill, Avery J.`), not a word on its own.
                guard words >= 1, wordEnd == limit || !ContextWords.isAlphanumeric(window[wordEnd]) else { break }
                if wordEnd < limit && window[wordEnd] == 0x2E { wordEnd += 1 }
                end = wordEnd
                words += 1
                break
            }
            if wordEnd < limit && window[wordEnd] == 0x3A { break }  // `DOB:` starts the next label
            if wordEnd < limit && ContextWords.isDigit(window[wordEnd]) { return start }
            end = wordEnd
            words += 1
            // One separator: " ", ", " or "^".
            var next = wordEnd
            if next < limit && window[next] == 0x2C { next += 1 }
            if next < limit && (window[next] == 0x20 || window[next] == 0x5E) {
                next += 1
            } else if next == wordEnd + 1 {
                break
            }
            guard next > wordEnd else { break }
            position = next
        }
        return end
    }

    /// Letters, apostrophes, hyphens and the bytes of non-ASCII UTF-8 letters (`Zoë`, `Ibáñez`).
    static func isNameByte(_ byte: UInt8) -> Bool {
        ContextWords.isLetter(byte) || byte == 0x27 || byte == 0x2D || byte >= 0x80
    }

    /// Each word's first letter kept, the rest masked: `Q****, A****`. A non-ASCII first letter
    /// is kept whole; each later byte of a word becomes one `*`, so no UTF-8 sequence is cut.
    static func maskName(_ bytes: UnsafeRawBufferPointer) -> String {
        var inWord = false
        var keepingFirst = false
        return String(decoding: bytes.map { byte -> UInt8 in
            let isLetter = ContextWords.isLetter(byte) || byte >= 0x80
            defer { inWord = isLetter }
            guard isLetter else {
                keepingFirst = false
                return byte
            }
            if !inWord {
                keepingFirst = byte >= 0xC0  // a lead byte: keep its continuation bytes too
                return byte
            }
            if keepingFirst && byte & 0xC0 == 0x80 { return byte }
            keepingFirst = false
            return 0x2A
        }, as: UTF8.self)
    }

    static func isEmailLocal(_ byte: UInt8) -> Bool {
        ContextWords.isAlphanumeric(byte) || byte == 0x2E || byte == 0x5F || byte == 0x25 || byte == 0x2B || byte == 0x2D
    }
}
