// Makes synthetic identifier values that pass each identifier's published checks
// (see ../shared/reference/identifiers.md), and lookalikes that must fail them.
// Values are random draws from a seeded generator, never taken from any record.

/// Synthetic identifiers and decoys, one function per shape.
public enum IdentifierForge {
    /// Letters CMS allows in a Medicare Beneficiary Identifier.
    static let mbiLetters = Array("ACDEFGHJKMNPQRTUVWXY")
    /// Letters CMS forbids in an MBI.
    static let mbiForbidden = Array("SLOIBZ")

    // MARK: Identifiers

    /// A nine-digit SSN that is valid under SSA's post-2011 rules and is none of the
    /// advertising or all-same-digit numbers, as `NNN-NN-NNNN`.
    public static func ssn(_ rng: inout SeededGenerator) -> String {
        while true {
            let area = rng.int(1...899), group = rng.int(1...99), serial = rng.int(1...9999)
            if area == 666 { continue }
            let text = pad(area, 3) + "-" + pad(group, 2) + "-" + pad(serial, 4)
            if ["123-45-6789", "219-09-9999"].contains(text) { continue }
            if area == 987 && group == 65 && (4320...4329).contains(serial) { continue }
            if Set(text.filter(\.isNumber)).count == 1 { continue }
            return text
        }
    }

    /// An IRS ITIN: area 9xx with a group in 50–65, 70–88, 90–92 or 94–99.
    public static func itin(_ rng: inout SeededGenerator) -> String {
        let groups = Array(50...65) + Array(70...88) + Array(90...92) + Array(94...99)
        return "9" + pad(rng.int(0...99), 2) + "-" + pad(rng.pick(groups), 2) + "-" + pad(rng.int(1...9999), 4)
    }

    /// A Medicare Beneficiary Identifier, printed `NAAN-AAN-AANN`.
    public static func mbi(_ rng: inout SeededGenerator) -> String {
        func letter() -> Character { rng.pick(mbiLetters) }
        func digit() -> Character { Character(String(rng.int(0...9))) }
        func either() -> Character { rng.chance(0.5) ? letter() : digit() }
        let chars: [Character] = [
            Character(String(rng.int(1...9))), letter(), either(), digit(), letter(), either(), digit(),
            letter(), letter(), digit(), digit(),
        ]
        return String(chars[0..<4]) + "-" + String(chars[4..<7]) + "-" + String(chars[7..<11])
    }

    /// A legacy HICN: the wage earner's SSN digits plus a beneficiary code.
    public static func hicn(ssn: String, _ rng: inout SeededGenerator) -> String {
        ssn.filter(\.isNumber) + rng.pick(["A", "B", "B1", "C1", "D", "T", "M"])
    }

    /// A National Provider Identifier: 10 digits starting 1 or 2, Luhn over `80840` + digits.
    public static func npi(_ rng: inout SeededGenerator) -> String {
        while true {
            let body = String(rng.int(1...2)) + rng.digits(8)
            if Set(body).count == 1 { continue }
            return body + String(luhnCheckDigit("80840" + body))
        }
    }

    /// A DEA registration number: registrant letter, surname initial, 7 digits with the DEA check.
    public static func dea(surname: String, _ rng: inout SeededGenerator) -> String {
        let first = rng.pick(Array("ABFGMPR"))
        let initial = surname.uppercased().first(where: \.isLetter) ?? "X"
        let d = (0..<6).map { _ in rng.int(0...9) }
        let check = ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10
        return String(first) + String(initial) + d.map(String.init).joined() + String(check)
    }

    /// A medical record number as many systems print it: 8 digits, zero-padded.
    public static func mrn(_ rng: inout SeededGenerator) -> String { pad(rng.int(10_000...9_999_999), 8) }

    /// An insurance member ID: 3 letters and 9 digits, as on many commercial cards.
    public static func memberID(_ rng: inout SeededGenerator) -> String {
        String((0..<3).map { _ in rng.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ")) }) + rng.digits(9)
    }

    // MARK: Decoys

    /// An SSN shape that SSA never issues (area 000 or 666, group 00, serial 0000).
    public static func neverIssuedSSN(_ rng: inout SeededGenerator) -> String {
        switch rng.int(0...3) {
        case 0: return "000-" + pad(rng.int(1...99), 2) + "-" + pad(rng.int(1...9999), 4)
        case 1: return "666-" + pad(rng.int(1...99), 2) + "-" + pad(rng.int(1...9999), 4)
        case 2: return pad(rng.int(1...665), 3) + "-00-" + pad(rng.int(1...9999), 4)
        default: return pad(rng.int(1...665), 3) + "-" + pad(rng.int(1...99), 2) + "-0000"
        }
    }

    /// A nine-digit ABA routing number (its weighted checksum holds).
    public static func routingNumber(_ rng: inout SeededGenerator) -> String {
        var d = [rng.int(0...1), rng.int(0...9)] + (0..<6).map { _ in rng.int(0...9) }
        let partial = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5])
        d.append((10 - partial % 10) % 10)
        return d.map(String.init).joined()
    }

    /// A ZIP+4 code, `NNNNN-NNNN`.
    public static func zipPlus4(_ rng: inout SeededGenerator) -> String {
        pad(rng.int(1001...99950), 5) + "-" + pad(rng.int(1...9999), 4)
    }

    /// A nine-digit phone number as printed in several European countries: `6NN NNN NNN`.
    public static func ninedigitPhone(_ rng: inout SeededGenerator) -> String {
        String(rng.int(6...7)) + rng.digits(2) + " " + rng.digits(3) + " " + rng.digits(3)
    }

    /// A North American phone number in the fictional 555-01xx range.
    public static func phone(_ rng: inout SeededGenerator) -> String {
        "(" + String(rng.int(2...9)) + rng.digits(2) + ") 555-01" + rng.digits(2)
    }

    /// An MBI shape with one CMS-forbidden letter in a letter position.
    public static func mbiWithForbiddenLetter(_ rng: inout SeededGenerator) -> String {
        var chars = Array(mbi(&rng).filter { $0 != "-" })
        chars[rng.pick([1, 4, 7, 8])] = rng.pick(mbiForbidden)
        return String(chars[0..<4]) + "-" + String(chars[4..<7]) + "-" + String(chars[7..<11])
    }

    /// An NPI shape whose check digit is wrong.
    public static func npiFailingLuhn(_ rng: inout SeededGenerator) -> String {
        let valid = npi(&rng)
        let check = Int(String(valid.last!))!
        return String(valid.dropLast()) + String((check + rng.int(1...9)) % 10)
    }

    /// A 16-digit payment card number (Luhn-valid), printed in groups of four.
    public static func cardNumber(_ rng: inout SeededGenerator) -> String {
        let body = "4" + rng.digits(14)
        let number = body + String(luhnCheckDigit(body))
        return stride(from: 0, to: 16, by: 4).map { i in
            String(number[number.index(number.startIndex, offsetBy: i)..<number.index(number.startIndex, offsetBy: i + 4)])
        }.joined(separator: " ")
    }

    /// A version string whose tail looks like a dotted SSN (`4.401.23.7788`).
    public static func versionString(_ rng: inout SeededGenerator) -> String {
        String(rng.int(1...12)) + "." + pad(rng.int(100...899), 3) + "." + rng.digits(2) + "." + rng.digits(4)
    }

    /// A decimal fraction with nine digits after the point.
    public static func decimalFraction(_ rng: inout SeededGenerator) -> String {
        String(rng.int(0...99)) + "." + String(rng.int(1...9)) + rng.digits(8)
    }

    /// A nine-digit order or reference number.
    public static func orderNumber(_ rng: inout SeededGenerator) -> String { String(rng.int(1...8)) + rng.digits(8) }

    /// A random version-4 UUID.
    public static func uuid(_ rng: inout SeededGenerator) -> String {
        let hex = hexString(&rng, count: 32)
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-4" + String(c[13..<16]) + "-a" + String(c[17..<20])
            + "-" + String(c[20..<32])
    }

    /// A SHA-256-like hex digest with a nine-digit run inside it (hex digests have them).
    public static func hexDigest(_ rng: inout SeededGenerator) -> String {
        var chars = Array(hexString(&rng, count: 64))
        let at = rng.int(4...50)
        chars.replaceSubrange(at..<(at + 9), with: Array(rng.digits(9)))
        chars[at - 1] = rng.pick(Array("abcdef"))
        chars[at + 9] = rng.pick(Array("abcdef"))
        return String(chars)
    }

    /// A Unix timestamp in seconds (10 digits) between 2015 and 2026.
    public static func unixTimestamp(_ rng: inout SeededGenerator) -> String { String(rng.int(1_420_070_400...1_790_000_000)) }

    // MARK: Helpers

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    static func hexString(_ rng: inout SeededGenerator, count: Int) -> String {
        String((0..<count).map { _ in Array("0123456789abcdef")[rng.int(0...15)] })
    }

    /// The Luhn check digit to append to `payload` (a string of digits).
    static func luhnCheckDigit(_ payload: String) -> Int {
        var sum = 0
        for (i, ch) in payload.reversed().enumerated() {
            var d = Int(String(ch))!
            if i % 2 == 0 { d *= 2; if d > 9 { d -= 9 } }
            sum += d
        }
        return (10 - sum % 10) % 10
    }
}
