// Reading a date the ways records print it (identifiers.md): 03/14/1962,
// 3/14/1962, 03-14-1962, 03/14/62, 1962-03-14 (and with an ISO time, or a
// database's `1962-03-14 00:00:00`, `3/14/1962 12:00:00 AM`),
// 19620314 (HL7, C-CDA, with a time and zone), 14.03.1962 (day first, as dots
// say in Europe), 14/03/1962 (day first when it cannot be a month), 14-Mar-1962,
// March 14, 1962, March 14th, 1962, Mar 14 1962, 14 March 1962. Only plausible
// birth years count.

/// A calendar date read from bytes.
struct DateShape: Equatable {
    var year: Int
    var month: Int
    var day: Int
    /// Bytes the date occupies.
    var length: Int

    /// Years a date of birth may have: 1900 up to this year.
    static let years = 1900...2026

    /// `dob:YYYY-MM-DD`.
    var normalized: String {
        "dob:" + String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date starting exactly at `start`, ending at a non-alphanumeric byte, or nil.
    static func read(_ bytes: UnsafeRawBufferPointer, at start: Int) -> DateShape? {
        guard start < bytes.count else { return nil }
        let found = ContextWords.isDigit(bytes[start]) ? numeric(bytes, start) : named(bytes, start)
        guard var date = found, isValid(date) else { return nil }
        var end = start + date.length
        // ISO 8601 with a time (`1962-03-14T00:00:00Z`): the date part is the date.
        if end + 1 < bytes.count && bytes[end] == 0x54 && ContextWords.isDigit(bytes[end + 1]) {
            var timeEnd = end + 1
            while timeEnd < bytes.count, ContextWords.isDigit(bytes[timeEnd]) || [0x3A, 0x2E, 0x2B, 0x2D, 0x5A].contains(bytes[timeEnd]) { timeEnd += 1 }
            date.length += timeEnd - end
            end = timeEnd
        } else if let time = timeOfDay(bytes, after: end) {
            // A database's or a spreadsheet's date and time (`1962-03-14 00:00:00`, Access's and
            // Excel's `3/14/1962 12:00:00 AM`): the date part is the date; a cell holds both.
            date.length += time
            end += time
        }
        if end < bytes.count && ContextWords.isAlphanumeric(bytes[end]) { return nil }
        return date
    }

    /// The length of ` HH:MM[:SS[.fff]][ AM|PM]` at `at`, or nil.
    private static func timeOfDay(_ b: UnsafeRawBufferPointer, after at: Int) -> Int? {
        guard at + 5 < b.count, b[at] == 0x20, ContextWords.isDigit(b[at + 1]) else { return nil }
        var i = at + 1
        let hour = digits(b, i, limit: 2)
        i += hour.count
        guard hour.value <= 23, i + 2 < b.count, b[i] == 0x3A else { return nil }
        let minute = digits(b, i + 1, limit: 2)
        guard minute.count == 2, minute.value <= 59 else { return nil }
        i += 3
        if i + 2 < b.count, b[i] == 0x3A, digits(b, i + 1, limit: 2).count == 2 {
            i += 3
            if i + 1 < b.count, b[i] == 0x2E, ContextWords.isDigit(b[i + 1]) {
                i += 1
                while i < b.count && ContextWords.isDigit(b[i]) { i += 1 }
            }
        }
        if i + 2 < b.count, b[i] == 0x20, ContextWords.lower(b[i + 2]) == 0x6D,
            [0x61, 0x70].contains(ContextWords.lower(b[i + 1])), i + 3 >= b.count || !ContextWords.isAlphanumeric(b[i + 3])
        {
            i += 3  // AM, PM
        }
        return i - at
    }

    static func isValid(_ d: DateShape) -> Bool {
        guard years.contains(d.year), (1...12).contains(d.month), d.day >= 1 else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.month - 1]
        if d.month == 2 && d.day == 29 {
            return d.year % 4 == 0 && (d.year % 100 != 0 || d.year % 400 == 0)
        }
        return d.day <= days
    }

    /// Digits at `i`: value and count (at most `limit`).
    private static func digits(_ b: UnsafeRawBufferPointer, _ i: Int, limit: Int) -> (value: Int, count: Int) {
        var value = 0, n = 0
        while i + n < b.count, n < limit, ContextWords.isDigit(b[i + n]) {
            value = value * 10 + Int(b[i + n] - 0x30)
            n += 1
        }
        return (value, n)
    }

    private static func numeric(_ b: UnsafeRawBufferPointer, _ s: Int) -> DateShape? {
        let first = digits(b, s, limit: 8)
        if first.count == 8 {  // YYYYMMDD
            let v = first.value
            if s + 8 < b.count && ContextWords.isDigit(b[s + 8]) {
                // HL7 timestamps YYYYMMDDHHMM…: the date part still counts when digits follow.
                var end = s + 8
                while end < b.count && ContextWords.isDigit(b[end]) { end += 1 }
                guard (end - s) <= 14 else { return nil }
                return DateShape(year: v / 10000, month: v / 100 % 100, day: v % 100, length: end - s)
            }
            return DateShape(year: v / 10000, month: v / 100 % 100, day: v % 100, length: 8)
        }
        guard s + first.count < b.count else { return nil }
        let sep = b[s + first.count]
        // `14 March 1962`, `14 Mar 1962`.
        if sep == 0x20, first.count <= 2, s + first.count + 1 < b.count, ContextWords.isLetter(b[s + first.count + 1]),
            let (month, length) = monthName(b, s + first.count + 1)
        {
            var i = s + first.count + 1 + length
            if i < b.count && b[i] == 0x2E { i += 1 }
            if i < b.count && b[i] == 0x2C { i += 1 }
            guard i < b.count, b[i] == 0x20 else { return nil }
            let y = digits(b, i + 1, limit: 4)
            guard y.count == 4 else { return nil }
            return DateShape(year: y.value, month: month, day: first.value, length: i + 1 + 4 - s)
        }
        guard sep == 0x2F || sep == 0x2D || sep == 0x2E else { return nil }
        if first.count == 4 {  // YYYY-MM-DD
            let m = digits(b, s + 5, limit: 2)
            guard m.count >= 1, s + 5 + m.count < b.count, b[s + 5 + m.count] == sep else { return nil }
            let d = digits(b, s + 6 + m.count, limit: 2)
            guard d.count >= 1 else { return nil }
            return DateShape(year: first.value, month: m.value, day: d.value, length: 6 + m.count + d.count)
        }
        guard first.count <= 2 else { return nil }
        let secondStart = s + first.count + 1
        if secondStart < b.count && ContextWords.isLetter(b[secondStart]) {  // 14-Mar-1962
            guard let (month, length) = monthName(b, secondStart), secondStart + length < b.count,
                b[secondStart + length] == sep
            else { return nil }
            let y = digits(b, secondStart + length + 1, limit: 4)
            guard y.count == 4 else { return nil }
            return DateShape(year: y.value, month: month, day: first.value, length: first.count + 1 + length + 1 + 4)
        }
        let second = digits(b, secondStart, limit: 2)
        guard second.count >= 1, secondStart + second.count < b.count, b[secondStart + second.count] == sep else { return nil }
        let y = digits(b, secondStart + second.count + 1, limit: 4)
        guard y.count == 4 || y.count == 2 else { return nil }
        // A two-digit year of a birth date: this century when not after this year, else the last.
        let year = y.count == 4 ? y.value : (y.value <= years.upperBound % 100 ? 2000 + y.value : 1900 + y.value)
        // MM/DD/YYYY (US order); DD.MM.YYYY with dots (European order), and DD/MM/YYYY when
        // the first number cannot be a month.
        let dayFirst = sep == 0x2E || first.value > 12
        return DateShape(
            year: year, month: dayFirst ? second.value : first.value, day: dayFirst ? first.value : second.value,
            length: first.count + second.count + 2 + y.count)
    }

    /// `March 14, 1962`, `Mar 14 1962`, `Mar. 14, 1962`.
    private static func named(_ b: UnsafeRawBufferPointer, _ s: Int) -> DateShape? {
        guard let (month, length) = monthName(b, s) else { return nil }
        var i = s + length
        if i < b.count && b[i] == 0x2E { i += 1 }
        guard i < b.count, b[i] == 0x20 else { return nil }
        i += 1
        let d = digits(b, i, limit: 2)
        guard d.count >= 1 else { return nil }
        i += d.count
        // An ordinal's suffix: `March 14th`.
        if i + 1 < b.count, ["st", "nd", "rd", "th"].contains(String(decoding: [ContextWords.lower(b[i]), ContextWords.lower(b[i + 1])], as: UTF8.self)) {
            i += 2
        }
        if i < b.count && b[i] == 0x2C { i += 1 }
        guard i < b.count, b[i] == 0x20 else { return nil }
        i += 1
        let y = digits(b, i, limit: 4)
        guard y.count == 4 else { return nil }
        return DateShape(year: y.value, month: month, day: d.value, length: i + 4 - s)
    }

    /// A month name or its three-letter abbreviation at `s`: (month, bytes).
    private static func monthName(_ b: UnsafeRawBufferPointer, _ s: Int) -> (Int, Int)? {
        var n = 0
        while s + n < b.count, n < 9, ContextWords.isLetter(b[s + n]) { n += 1 }
        guard n >= 3 else { return nil }
        let word = String(decoding: (0..<n).map { ContextWords.lower(b[s + $0]) }, as: UTF8.self)
        for (index, abbreviation) in months.enumerated() where word.hasPrefix(abbreviation) {
            let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december"][index]
            if word == abbreviation || word == full || (abbreviation == "sep" && word == "sept") { return (index + 1, n) }
        }
        return nil
    }
}
