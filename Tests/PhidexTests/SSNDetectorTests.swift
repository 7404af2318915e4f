// The SSN family's behaviour beyond the rule examples: types, confidence and
// context, masking, spans, normalization. Values are reference fixtures or
// made-up numbers.

import PhidexCore
import PhidexDetect
import Testing

@Suite struct SSNDetectorTests {
    let engine = Shared.engine

    /// The one SSN-family match in `text` (names in a `name` column beside it are another rule's).
    func only(_ text: String) throws -> Match {
        let matches = engine.matches(in: text).filter { $0.type != .name }
        try #require(matches.count == 1, "expected one match in \(text), got \(matches.count)")
        return matches[0]
    }

    @Test func dashedSSNHasSpanMaskAndNormalizedValue() throws {
        let match = try only("id 078-05-1123 end")
        #expect(match.type == .ssn)
        #expect(match.rule == RuleID("phi.ssn.1"))
        #expect(match.span == ByteSpan(offset: 3, length: 11))
        #expect(match.masked == "***-**-1123")
        #expect(match.normalized == "tin:078051123")
        #expect(match.line == 1)
        #expect(!match.reason.contains("078"), "a reason never quotes the value")
    }

    /// Digit runs are found 64 bytes at a time: runs that start, end or continue across those
    /// blocks, runs longer than a block and runs at the window's last bytes behave the same.
    @Test func digitRunsAcrossBlockBoundaries() throws {
        for offset in 0..<140 {
            let pad = String(repeating: "x", count: offset)
            let bare = try only(pad + " SSN 401237788")
            #expect(bare.span == ByteSpan(offset: Int64(offset + 5), length: 9), "bare at \(offset)")
            #expect(try only(pad + " 401-23-7788").span.offset == Int64(offset + 1), "dashed at \(offset)")
            #expect(try only(pad + " SSN 401237788").normalized == "tin:401237788")
            // One digit more or a digit run of any length around it is not an SSN.
            #expect(engine.matches(in: pad + " SSN 4012377881").allSatisfy { $0.type != .ssn }, "10 digits at \(offset)")
            let long = pad + " SSN " + String(repeating: "7", count: offset % 80) + "401237788"
            let expected = offset % 80 == 0 ? 1 : 0
            #expect(engine.matches(in: long).filter { $0.type == .ssn }.count == expected, "long run at \(offset)")
        }
    }

    @Test func separatorsShapeTheMask() throws {
        #expect(try only("078 05 1123").masked == "*** ** 1123")
        #expect(try only("078.05.1123").masked == "***.**.1123")
        #expect(try only("ssn 078051123").masked == "*****1123")
    }

    @Test func contextRaisesAndLowersConfidence() throws {
        let plain = try only("value 401-23-7788").confidence
        let labelled = try only("SSN: 401-23-7788").confidence
        let phone = try only("Phone: 401-23-7788").confidence
        #expect(labelled > plain)
        #expect(phone < plain)
        #expect(try only("SSN: 401-23-7788").reason.contains("context 'ssn'"))
    }

    @Test func bareNineDigitsAreWeakWithoutContextAndDroppedWithNegativeContext() throws {
        let weak = try only("ref 401237788").confidence
        let strong = try only("SSN 401237788").confidence
        #expect(weak < 0.5)
        #expect(strong >= 0.7)
        #expect(engine.matches(in: "fax 401237788").isEmpty)
        #expect(engine.matches(in: "invoice 401237788").isEmpty)
    }

    @Test func contextWordsNeedWordBoundaries() throws {
        // "tin" inside "continued" is not the label TIN.
        let inside = try only("continued 401237788").confidence
        let label = try only("TIN 401237788").confidence
        #expect(label > inside)
        // camelCase and snake_case keys carry their words.
        #expect(try only("\"patientSSN\": \"401237788\"").confidence >= 0.7)
        #expect(try only("patient_ssn=401237788").confidence >= 0.7)
    }

    @Test func tableColumnNamesAreContextHoweverFarTheHeader() throws {
        let filler = (0..<30).map { "\($0),Avery Quill,n/a\n" }.joined()
        let ssnColumn = try only("id,name,patient_ssn\n" + filler + "31,Blake Rowan,401237788\n")
        #expect(ssnColumn.confidence >= 0.7)
        #expect(ssnColumn.reason.contains("in column 'patient_ssn'"))
        #expect(engine.matches(in: "id,name,routing\n" + filler + "31,Blake Rowan,401237788\n").isEmpty)
        // A separated SSN under a misleading column is kept, at lower confidence.
        #expect(try only("id,account\n1,401-23-7788\n").confidence < 0.6)
        // The header row itself is not a data row.
        #expect(try only("ssn,401237788\n").reason.contains("in column") == false)
        // Quoted delimiters do not shift columns; TSV works like CSV.
        #expect(try only("name,ssn\n\"Quill, Avery\",401237788\n").confidence >= 0.7)
        #expect(try only("name\tssn\nAvery\t401237788\n").confidence >= 0.7)
    }

    @Test func irsNumbersAreTheirOwnTypes() throws {
        #expect(try only("912-70-1234").type == .itin)
        #expect(try only("941-93-2345").type == .atin)
        #expect(try only("955-07-1234").type == .irsn)
        #expect(try only("SSN 999-12-3456").type == .ssnNeverIssued)
    }

    @Test func neverIssuedIsLowConfidence() throws {
        let match = try only("SSN 999-12-3456")
        #expect(match.confidence < 0.5)
        #expect(match.reason.contains("never issued"))
    }

    @Test func neverIssuedNeedsSSNContext() {
        // A placeholder or a validator's test fixture is not a finding.
        #expect(engine.matches(in: "999-12-3456").isEmpty)
        #expect(engine.matches(in: "INVALID = [\"666-12-3456\", \"000-12-3456\"]").isEmpty)
        #expect(engine.matches(in: "<label>SSN <input placeholder=\"000-45-6789\">").isEmpty)
    }

    @Test func areasAfterTheOldHighGroupTableAreValid() throws {
        // Randomized SSNs (2011 on) use areas 773-899; a frozen high-group table would reject them.
        #expect(try only("801-42-1234").type == .ssn)
    }

    @Test func lineNumbersCountNewlines() {
        let text = "a\nb\n\nSSN 078-05-1123\nx 401-23-7788"
        #expect(engine.matches(in: text).map(\.line) == [4, 5])
    }

    @Test func normalizerAgreesWithTheDetector() throws {
        let detected = try only("078-05-1123").normalized
        #expect(ValueNormalizer.normalize("078-05-1123", as: .ssn) == detected)
        #expect(ValueNormalizer.normalize("078 05 1123", as: .ssn) == detected)
        #expect(ValueNormalizer.normalize("078051123", as: .itin) == detected)
        #expect(ValueNormalizer.normalize("07805112", as: .ssn) == nil)
        #expect(ValueNormalizer.normalize("78051123", as: .ssn) == "tin:078051123", "an SSN that lost its leading zero in a number column")
        #expect(ValueNormalizer.normalize("07805112x", as: .ssn) == nil)
    }

    @Test func aNumberIsFoundAtEveryAlignment() throws {
        // The scanner skips non-digit bytes eight at a time; a number must be found whatever its offset.
        for offset in 0..<40 {
            for tail in [0, 1, 7, 9] {
                let text = String(repeating: "x", count: offset) + " 078-05-1123 " + String(repeating: "y", count: tail)
                #expect(engine.matches(in: text).map(\.span.offset) == [Int64(offset + 1)], "offset \(offset), tail \(tail)")
            }
        }
    }

    @Test func binaryNeighboursDoNotHideANumber() throws {
        var bytes: [UInt8] = [0, 0xFF, 0x01]
        bytes += Array(" 078-05-1123 ".utf8)
        bytes += [0, 0x80]
        #expect(engine.matches(in: bytes).count == 1)
    }
}
