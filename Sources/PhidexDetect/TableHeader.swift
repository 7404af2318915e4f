// Column context for delimited text (CSV, TSV, pipe- or semicolon-separated
// exports): the header row names what each column holds, however far down the
// file a value sits. A bare nine-digit number under `routing` is a routing
// number; under `patient_ssn` it is an SSN. Peers rely on the same signal
// (Macie reads CSV column names; shared/reference/identifiers.md).
//
// The header is the stream's first line, if it looks like one: two or more
// fields, split by the most frequent of `,` `\t` `|` `;`, each with a letter
// and at most 64 bytes. A value's column is found by counting delimiters
// (outside double quotes) from its line's start — looked for at most
// `lookBehind` bytes back, so the answer never depends on where a read
// boundary fell.

/// The column names of a delimited text stream.
public struct TableHeader: Sendable, Equatable {
    public let delimiter: UInt8
    /// Column names as written (their case tells camelCase words apart), quotes and surrounding
    /// spaces removed.
    public let columns: [String]
    /// Stream offset just past the header line (its newline included).
    public let end: Int64
    /// Whether a column names an organization (vendor, supplier, company, payee, business): such a
    /// table lists organizations' phones and names, not people's.
    public let listsOrganizations: Bool
    /// Whether other columns identify people (SSN, date of birth, MRN): then a column headed
    /// just `Name` holds people's names, not products' or vendors'.
    public let listsPeople: Bool

    /// Column-name words that make a table one of organizations.
    static let organizationWords = ["vendor", "supplier", "company", "payee", "business"]

    /// How far back from a value its line start may be for its column to be known.
    static let lookBehind = 512
    /// Longest first line considered a header.
    static let maximumLength = 4096

    /// A header parsed from the stream's first line (without its newline), or nil.
    init?(firstLine: [UInt8], end: Int64) {
        // The most frequent of `,` `\t` `|` `;` (the first of equals), in one pass.
        var counts = [0, 0, 0, 0]
        for byte in firstLine {
            switch byte {
            case 0x2C: counts[0] += 1
            case 0x09: counts[1] += 1
            case 0x7C: counts[2] += 1
            case 0x3B: counts[3] += 1
            default: break
            }
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] >= 1 else { return nil }
        let delimiter: UInt8 = [0x2C, 0x09, 0x7C, 0x3B][best]
        var line = firstLine
        if line.last == 0x0D { line.removeLast() }
        guard Self.mayBeHeader(line, delimiter: delimiter) else { return nil }
        let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map(Self.name(of:))
        // A column name is short: a letter, at most 64 bytes and six words, and no `label: value`
        // inside (`Patient: Quill, Avery  DOB: 03/14/1962` is a line of text, not a header).
        guard fields.count >= 2,
            fields.allSatisfy({ $0.utf8.count <= 64 && ($0.isEmpty || Self.hasLetter($0)) }),
            fields.allSatisfy({ !Self.holdsLabel($0.utf8) && Self.words($0.utf8) <= 6 }),
            fields.contains(where: { !$0.isEmpty })
        else { return nil }
        self.delimiter = delimiter
        self.columns = fields
        self.end = end
        let lowercased = fields.map { $0.lowercased() }
        self.listsOrganizations = lowercased.contains { field in Self.organizationWords.contains { Self.find($0, in: field) } }
        self.listsPeople = !listsOrganizations
            && lowercased.contains { field in ["ssn", "social security", "date of birth", "dob", "birth", "mrn"].contains { Self.find($0, in: field) } }
    }

    /// Whether `word` occurs in `text`, byte for byte (Foundation's search costs more than the header).
    private static func find(_ word: String, in text: String) -> Bool {
        let needle = Array(word.utf8), haystack = Array(text.utf8)
        guard needle.count <= haystack.count else { return false }
        return (0...haystack.count - needle.count).contains { at in haystack[at..<at + needle.count].elementsEqual(needle) }
    }

    /// A field as a column name: spaces around it and one pair of double quotes removed. An ASCII
    /// field is trimmed on its bytes; others as a String (where undecodable bytes become U+FFFD).
    private static func name(of field: ArraySlice<UInt8>) -> String {
        guard field.allSatisfy({ $0 < 0x80 }) else {
            var text = String(decoding: field, as: UTF8.self).trimmingSpaces()
            if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
            return text
        }
        var bytes = field
        while bytes.first == 0x20 { bytes.removeFirst() }
        while bytes.last == 0x20 { bytes.removeLast() }
        if bytes.count >= 2 && bytes.first == 0x22 && bytes.last == 0x22 { bytes = bytes.dropFirst().dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `field` has a letter: an ASCII one found on its bytes, others by their Unicode properties.
    private static func hasLetter(_ field: String) -> Bool {
        var ascii = true
        for byte in field.utf8 {
            if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && field.contains(where: \.isLetter)
    }

    /// Whether `field` holds `: ` (`DOB: 03/14/1962`): a label and its value, not a column name.
    private static func holdsLabel(_ field: some Sequence<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in field {
            if previous == 0x3A && byte == 0x20 { return true }
            previous = byte
        }
        return false
    }

    /// The number of space-separated words in `field`.
    private static func words(_ field: some Sequence<UInt8>) -> Int {
        var count = 0
        var inWord = false
        for byte in field {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    /// Whether `line` can pass the field checks below at all, judged on its bytes without building
    /// a string: every line of prose or code with a delimiter in it reaches here, and most have a
    /// field too long, a `label: value` or too many words. Only rejects what the checks reject: a
    /// field's quotes, stripped later, allow two more bytes and two more words.
    static func mayBeHeader(_ line: [UInt8], delimiter: UInt8) -> Bool {
        line.withUnsafeBufferPointer { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != delimiter { end += 1 }
                // The field trimmed of spaces, as `trimmingSpaces` does.
                var low = start, high = end
                while low < high && bytes[low] == 0x20 { low += 1 }
                while high > low && bytes[high - 1] == 0x20 { high -= 1 }
                let field = bytes[low..<high]
                if field.count > 66 || holdsLabel(field) || words(field) > 8 { return false }
                start = end + 1
            }
            return true
        }
    }

    /// The name of the column holding `position` of `window`, when its line start is near enough.
    func column(at position: Int, in window: UnsafeRawBufferPointer, windowStart: Int64) -> String? {
        guard windowStart + Int64(position) >= end else { return nil }  // the header line itself
        let earliest = max(0, position - Self.lookBehind)
        var lineStart = position
        while lineStart > earliest && window[lineStart - 1] != 0x0A { lineStart -= 1 }
        let atStreamStart = windowStart == 0 && lineStart == 0
        guard lineStart > 0 && window[lineStart - 1] == 0x0A || atStreamStart else { return nil }
        var index = 0
        var quoted = false
        for offset in lineStart..<position {
            let byte = window[offset]
            if byte == 0x22 {
                quoted.toggle()
            } else if byte == delimiter && !quoted {
                index += 1
            }
        }
        return index < columns.count ? columns[index] : nil
    }
}

/// A stream's first line, collected as bytes arrive, until it ends or grows too long to be a header.
/// A stream's header line, collected as bytes arrive. A line that reads as a header counts when
/// the next non-blank line splits into as many fields (quotes respected): a sentence with a comma
/// is no header, and an export's title or preamble lines (`Clinic, patient export`,
/// `Generated 2023-01-05`) may come before the real one, which is looked for among the first few.
struct HeaderCollector {
    private var bytes: [UInt8] = []
    /// Stream offset of `bytes[0]`.
    private var lineStart: Int64 = 0
    private var lines = 0
    /// A line that reads as a header, waiting for the next line to confirm it.
    private var candidate: TableHeader?
    private(set) var isComplete = false
    private(set) var header: TableHeader?

    /// How many lines may come before the header.
    static let preambleLines = 4

    mutating func reset() { self = HeaderCollector() }

    mutating func add(_ chunk: UnsafeRawBufferPointer) {
        var rest = chunk[...]
        while !isComplete, !rest.isEmpty {
            guard let newline = rest.firstIndex(of: 0x0A) else {
                bytes.append(contentsOf: rest)
                if bytes.count > TableHeader.maximumLength { isComplete = true; bytes = [] }
                return
            }
            bytes.append(contentsOf: rest[..<newline])
            rest = rest[(newline + 1)...]
            line(length: Int64(bytes.count + 1))
            lineStart += Int64(bytes.count + 1)
            bytes = []
        }
    }

    /// The stream ended: its last line, without a newline, may still confirm a header.
    mutating func finish() {
        guard !isComplete, !bytes.isEmpty else { return }
        line(length: Int64(bytes.count))
        bytes = []
        isComplete = true
    }

    /// One whole line (in `bytes`), `length` bytes with its newline.
    private mutating func line(length: Int64) {
        var text = bytes
        if text.last == 0x0D { text.removeLast() }
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }  // blank lines neither confirm nor count
        defer { lines += 1 }
        if let candidate {
            self.candidate = nil
            if Self.fields(text, by: candidate.delimiter) == candidate.columns.count {
                header = candidate
                isComplete = true
                return
            }
        }
        guard lines < Self.preambleLines else { isComplete = true; return }
        if text.count <= TableHeader.maximumLength, let parsed = TableHeader(firstLine: text, end: lineStart + length),
            lines == 0 || parsed.columns.count >= 3
        {
            candidate = parsed
        }
    }

    /// How many fields `line` splits into by `delimiter`, outside double quotes.
    static func fields(_ line: [UInt8], by delimiter: UInt8) -> Int {
        var count = 1, quoted = false
        for byte in line {
            if byte == 0x22 { quoted.toggle() } else if byte == delimiter && !quoted { count += 1 }
        }
        return count
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
