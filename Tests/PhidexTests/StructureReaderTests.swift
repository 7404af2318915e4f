// Structured records read by their standards, through the public engine: HL7 v2
// by its own delimiters and field data types, FHIR identifiers by system and type
// code, C-CDA patient ids by root OID, keys by their words; coded values never
// reported as identifiers; and the streaming invariant (chunked == whole).
// All values are synthetic.

import Foundation
import PhidexCore
import PhidexDetect
import Testing

@Suite struct StructureReaderTests {
    let engine = Shared.engine

    /// `type normalized` of every match.
    func found(_ text: String) -> Set<String> {
        Set(engine.matches(in: text).filter { $0.type != .clinicalTerm }.map { "\($0.type) \($0.normalized)" })
    }

    @Test func everyStructureExampleHolds() {
        #expect(engine.checkStructure(StructurePolicy.builtIn) == [])
    }

    @Test func hl7ReadsItsOwnDelimitersAndSegmentEnds() {
        // Custom delimiters (# field, @ component), LF segment ends, an escaped name part.
        let message = "MSH#@~\\&#LAB#HOSP###20230101##ADT@A04#1#P#2.5.1\nPID#1##00142816@@@HOSP@MR##QUILL\\T\\X@AVERY##19620314\n"
        let matches = found(message)
        #expect(matches.contains("mrn mrn:00142816"))
        #expect(matches.contains("dob dob:1962-03-14"))
    }

    @Test func hl7IdentifiersByTypeCodeNotPosition() {
        let message = "MSH|^~\\&|A|B|||20230101||ADT^A04|1|P|2.5.1\rPID|1||401237788^^^HOSP^MR~00142816^^^SSA^SS||QUILL^AVERY\r"
        let matches = found(message)
        #expect(matches.contains("mrn mrn:401237788"), "a nine-digit MR is an MRN")
        #expect(!matches.contains("ssn tin:401237788"), "and not an SSN")
        #expect(!matches.contains("ssn tin:001428160"))
    }

    @Test func codedValuesAreNeverIdentifiers() {
        let cda = #"<ClinicalDocument xmlns="urn:hl7-org:v3"><code code="271649006" codeSystem="2.16.840.1.113883.6.96"/><value xsi:type="CD" code="401237788"/></ClinicalDocument>"#
        #expect(found(cda).isEmpty)
        let fhir = #"{"resourceType": "Observation", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "271649006"}]}}"#
        #expect(found(fhir).isEmpty)
        let hl7 = "MSH|^~\\&|A|B|||20230101||ORU^R01|1|P|2.5.1\rOBX|1|CWE|271649006^Finding^SCT||401237788^Other^SCT\r"
        #expect(found(hl7).isEmpty)
    }

    @Test func fhirNamesAndAddressesAreWhole() {
        let patient = #"{"resourceType": "Patient", "name": [{"family": "Quill", "given": ["Avery", "J"]}], "address": [{"line": ["12 Elm Street"], "city": "Springfield", "state": "IL", "postalCode": "62704-1234"}]}"#
        let matches = found(patient)
        #expect(matches.contains("name name:AVERY J QUILL"))
        #expect(!matches.contains("name name:QUILL"), "no finding per name part")
        #expect(matches.contains("address address:12 ELM ST SPRINGFIELD IL 62704"))
        let organization = #"{"resourceType": "Organization", "telecom": [{"system": "phone", "value": "217-555-0142"}]}"#
        #expect(found(organization).isEmpty, "an organization's phone is a business contact")
    }

    @Test func keysAreReadByTheirWords() {
        let record = #"{"pt_mrn": "A1234567", "SocialSecNum": "401-23-7788", "BirthDt": "03/14/1962", "Ins Member No": "XJH412345678", "order_no": "501237788", "zip_code": "62704-1234"}"#
        let matches = found(record)
        #expect(matches.contains("mrn mrn:A1234567"))
        #expect(matches.contains("ssn tin:401237788"))
        #expect(matches.contains("member_id member_id:XJH412345678"))
        #expect(!matches.contains("ssn tin:501237788"), "an order number is not an SSN")
        #expect(!matches.contains("ssn tin:627041234"), "nor is a ZIP+4")
    }

    /// An HL7 message inside other text (a log), its `MSH|` split across every read boundary.
    @Test func anHL7MessageInsideALogIsReadAtEveryChunkSize() {
        let log = "2023-01-05 INFO inbound\nMSH|^~\\&|A|B|||20230101||ADT^A04|1|P|2.5.1\rPID|1||00142816^^^H^MR||QUILL^AVERY||19620314\n2023-01-05 INFO done\n"
        let whole = found(log)
        #expect(whole.contains("mrn mrn:00142816") && whole.contains("dob dob:1962-03-14"))
        let bytes = Array(log.utf8)
        for piece in 1...40 {
            // Fed in pieces: the structure layer sees each piece as it arrives.
            let scanner = StreamScanner(engine: engine, chunkSize: piece)
            var chunked: [Match] = []
            bytes.withUnsafeBytes { all in
                for start in stride(from: 0, to: all.count, by: piece) {
                    scanner.feed(UnsafeRawBufferPointer(rebasing: all[start..<min(all.count, start + piece)]), into: &chunked)
                }
            }
            scanner.finish(into: &chunked)
            #expect(Set(chunked.map { "\($0.type) \($0.normalized)" }) == whole, "pieces of \(piece)")
        }
    }

    @Test func chunkedEqualsWholeForStructuredStreams() {
        let texts = StructurePolicy.builtIn.examples.map(\.text)
        for text in texts {
            let bytes = Array(text.utf8)
            let whole = engine.matches(in: bytes).map { "\($0.type) \($0.span) \($0.normalized)" }.sorted()
            for chunk in [1, 7, 64, 333] {
                let scanner = StreamScanner(engine: engine, chunkSize: chunk)
                var chunked: [Match] = []
                bytes.withUnsafeBytes { scanner.feed($0, into: &chunked) }
                scanner.finish(into: &chunked)
                #expect(chunked.map { "\($0.type) \($0.span) \($0.normalized)" }.sorted() == whole, "chunk \(chunk)")
            }
        }
    }

    /// One normalizer per type: what a detector reports as a value's canonical form is what
    /// `ValueNormalizer` (behind `query` and `eval`) makes of the matched text. Names and
    /// addresses are assembled from parts (given and family, street and city) and checked by
    /// the structure examples instead; an HL7 phone in XTN components loses its `^`.
    @Test func everyExampleMatchNormalizesAsValueNormalizerDoes() {
        var checked = 0
        for rule in engine.catalogue.rules {
            for example in rule.examples {
                let bytes = Array(example.utf8)
                for match in engine.matches(in: bytes) where ![.clinicalTerm, .name, .address].contains(match.type) {
                    let start = Int(match.span.offset)
                    var text = String(decoding: bytes[start..<(start + match.span.length)], as: UTF8.self)
                    if match.type == .phone { text.removeAll { $0 == "^" } }
                    let expected = ValueNormalizer.normalize(text, as: match.type)
                    #expect(expected == match.normalized, "\(rule.id) \(match.type): \(match.rule) normalizes differently")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func vocabularySplitsAndExpandsNames() {
        let vocabulary = StructurePolicy.builtIn.vocabulary
        #expect(vocabulary.classify("MedRecNum") == .identifier(.mrn))
        #expect(vocabulary.classify("Chart #") == .identifier(.mrn))
        #expect(vocabulary.classify("birthdate_dt") == .identifier(.dob))
        #expect(vocabulary.classify("DOB (mm/dd/yyyy)") == .identifier(.dob))
        #expect(vocabulary.classify("soc_sec_no") == .identifier(.ssn))
        #expect(vocabulary.classify("Subscriber #") == .identifier(.memberID))
        #expect(vocabulary.classify("HomePh") == .identifier(.phone))
        #expect(vocabulary.classify("E-mail") == .identifier(.email))
        #expect(vocabulary.classify("patientIdentifier") == .identifier(.mrn))
        #expect(vocabulary.classify("Invoice No") == .other)
        #expect(vocabulary.classify("colour") == nil)
    }
}
