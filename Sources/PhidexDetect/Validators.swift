// The checks an identifier's own specification defines (shared/reference/
// identifiers.md): CMS's MBI positions and letters, the DEA checksum, the NPI's
// Luhn over 80840. They return the normalized value and a reason, or nil.

enum Validators {
    /// Letters CMS allows in an MBI (no S, L, O, I, B, Z), as a byte table.
    static let mbiLetters = table("ACDEFGHJKMNPQRTUVWXY")

    /// A 256-entry membership table: a lookup per byte, no hashing.
    static func table(_ members: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in members.utf8 { table[Int(byte)] = true }
        return table
    }

    /// `NAAN-AAN-AANN` or without dashes; letters from CMS's set, position 1 never 0.
    static func mbi(_ bytes: UnsafeRawBufferPointer) -> (String, String)? {
        var chars: [UInt8] = []
        if bytes.count == 13 {
            guard bytes[4] == 0x2D, bytes[8] == 0x2D else { return nil }
            for (i, byte) in bytes.enumerated() where i != 4 && i != 8 { chars.append(PatternDetector.upper(byte)) }
        } else if bytes.count == 11 {
            chars = bytes.map(PatternDetector.upper)
        } else {
            return nil
        }
        let letter = { (i: Int) in mbiLetters[Int(chars[i])] }
        let digit = { (i: Int) in ContextWords.isDigit(chars[i]) }
        guard chars[0] != 0x30, digit(0), letter(1), letter(2) || digit(2), digit(3), letter(4), letter(5) || digit(5),
            digit(6), letter(7), letter(8), digit(9), digit(10)
        else { return nil }
        return ("mbi:" + String(decoding: chars, as: UTF8.self), "CMS MBI positions and letters")
    }

    /// First letters of DEA numbers: the registrant types.
    static let deaRegistrantTypes = table("ABCDEFGHJKLMPRSTUX")

    /// A registrant-type letter, a letter or 9, seven digits; (d1+d3+d5) + 2×(d2+d4+d6) ends in d7.
    static func dea(_ bytes: UnsafeRawBufferPointer) -> (String, String)? {
        guard bytes.count == 9, deaRegistrantTypes[Int(bytes[0])],
            ContextWords.isUpper(bytes[1]) || bytes[1] == 0x39
        else { return nil }
        let d = (2..<9).map { Int(bytes[$0]) - 0x30 }
        guard d.allSatisfy({ (0...9).contains($0) }) else { return nil }
        guard ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10 == d[6] else { return nil }
        return ("dea:" + String(decoding: bytes.map(PatternDetector.upper), as: UTF8.self), "DEA checksum holds")
    }

    /// The NPI check: Luhn over `80840` followed by the ten digits.
    static func npiLuhn(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10 else { return false }
        var sum = 24  // the Luhn contribution of the prefix 80840
        for (i, d) in digits.reversed().enumerated() {
            var v = Int(d)
            if i % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return sum % 10 == 0
    }
}
