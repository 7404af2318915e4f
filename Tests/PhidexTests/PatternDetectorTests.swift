// The catalogue beyond the SSN family, through the public engine: labels and
// their values, structure (HL7 positions, FHIR, C-CDA, table columns), dates,
// and the invariant that matters most for a streaming scanner — a document
// scanned in chunks gives exactly the matches it gives whole.

import Foundation
import PhidexCorpus
import PhidexCore
import PhidexDetect
import Testing

@Suite struct PatternDetectorTests {
    let engine = Shared.engine

    func found(_ text: String, _ type: IdentifierType) -> [String] {
        let bytes = Array(text.utf8)
        return engine.matches(in: bytes).filter { $0.type == type }.map {
            String(decoding: bytes[Int($0.span.offset)..<Int($0.span.offset) + $0.span.length], as: UTF8.self)
        }
    }

    @Test func datesOfBirthNeedBirthContextAndRealDates() {
        #expect(found("DOB: 02/29/1964", .dob) == ["02/29/1964"])
        #expect(found("DOB: 02/29/1963", .dob).isEmpty, "1963 was not a leap year")
        #expect(found("DOB: 1899-12-31", .dob).isEmpty, "before 1900")
        #expect(found("born on 14-Mar-1962 in Ohio", .dob) == ["14-Mar-1962"])
        #expect(found("Date of birth: Sept 3, 1971", .dob) == ["Sept 3, 1971"])
        #expect(found("Service date: 03/14/1962", .dob).isEmpty)
        #expect(found("dob,name\n1962-03-14,Avery Quill\n1970-01-02,Blake Rowan\n", .dob) == ["1962-03-14", "1970-01-02"])
    }

    @Test func labelsReadTheValueAfterSeparatorsAndFillers() {
        #expect(found("MRN no. 00142816", .mrn) == ["00142816"])
        #expect(found("Medical record number: H1234567", .mrn) == ["H1234567"])
        #expect(found("\"mrn\": \"00142816\"", .mrn) == ["00142816"])
        #expect(found("MRN: quill@mail.example", .mrn).isEmpty, "an email is not an MRN")
        #expect(found("member_id=AHR027964381 ssn=x", .memberID) == ["AHR027964381"])
        #expect(found("Email: avery.quill7@mail.example.", .email) == ["avery.quill7@mail.example"])
        #expect(found("From: records@clinic.example", .email).isEmpty, "unlabelled addresses are organizations'")
    }

    /// Exports often open with a title and a date before their header row.
    @Test func aHeaderAfterPreambleLinesNamesTheColumns() {
        let export = "Riverside clinic, patient export\nGenerated 2023-01-05\nMRN,Last Name,First Name,DOB\n00142816,Quill,Avery,1962-03-14\n"
        #expect(found(export, .mrn) == ["00142816"])
        #expect(found(export, .dob) == ["1962-03-14"])
        #expect(found(export, .name) == ["Quill"], "last and first name columns: one name, found at the last name")
        let prose = "Notes\nWe met, as agreed, on site\n00142816,a,b,c\n"
        #expect(found(prose, .mrn).isEmpty, "a line of prose followed by a different row is no header")
    }

    @Test func hl7FieldsByPosition() {
        let segment = "MSH|^~\\&|A|B|C|D|20230405||ADT^A04|1|P|2.5.1\r"
            + "PID|1||4471^^^X^PI~00142816^^^RFC^MR~999999^^^X^PI||QUILL^AVERY^J||19620314|F\r"
            + "IN1|1|BC01|12345|Plan" + String(repeating: "|", count: 32) + "AHR027964381\r"
            + "IN2|1|401237788||||||MCD1234567\r"
        // PI (patient internal identifier, HL7 table 0203) is a record number too.
        #expect(found(segment, .mrn) == ["4471", "00142816"], "the repetitions typed as patient record numbers, not a placeholder")
        #expect(found(segment, .dob) == ["19620314"])
        #expect(found(segment, .name) == ["QUILL^AVERY^J"], "family, given and middle name as one name")
        #expect(found("MSH|^~\\&|A|B|C|D|20230405||ADT^A04|1|P|2.5.1\rPID|1||00142816^^^RFC^AN\r", .mrn).isEmpty, "an account number is not an MRN")
        #expect(found(segment, .memberID) == ["AHR027964381", "MCD1234567"])
    }

    @Test func namesStopAtTheNextLabel() {
        #expect(found("Patient: Quill, Avery DOB: 03/14/1962", .name) == ["Quill, Avery"])
        #expect(found("Patient: O'Neil-Fenn, Mary Kate", .name) == ["O'Neil-Fenn, Mary Kate"])
        #expect(found("Patient: see chart", .name).isEmpty)
    }

    /// A column headed just `Name` holds people's names when other columns identify people, and
    /// is left alone in a product or vendor table.
    @Test func aPlainNameColumnCountsBesidePersonIdentifiers() {
        #expect(found("Name\tDate of Birth\tSSN\nAvery Quill\t03/14/1962\t401-23-7788\n", .name) == ["Avery Quill"])
        #expect(found("name,mrn\nBlake Rowan,00142816\n", .name) == ["Blake Rowan"])
        #expect(found("name,price,sku\nBlue Widget,12.50,W-100\n", .name).isEmpty)
        #expect(found("name,vendor,dob\nAcme Supply,Acme,1970-01-01\n", .name).isEmpty)
    }

    /// A name found in the text and the same name typed by a user (any order, case or
    /// separators, non-ASCII letters too) normalize alike, so a query by name finds it.
    @Test func foundNamesNormalizeLikeTypedNames() {
        for (text, typed) in [
            ("Patient: Quill, Avery", "avery quill"), ("PID|1||1^^^X^MR||QUILL^AVERY||19620314|F\r", "Avery Quill"),
            ("Patient: O'Neil-Fenn, Mary Kate", "mary kate o'neil-fenn"), ("Patient: Zoë Ibáñez", "IBÁÑEZ ZOË"),
        ] {
            let names = engine.matches(in: text).filter { $0.type == .name }.map(\.normalized)
            #expect(names == [ValueNormalizer.normalize(typed, as: .name)], "\(text)")
        }
        let masked = engine.matches(in: "Patient: Zoë Ávila").filter { $0.type == .name }.map(\.masked)
        #expect(masked == ["Z*** Á****"], "one star per byte after a whole first letter")
    }

    @Test func phonesNeedPhoneContextAndPersonTables() {
        #expect(found("Phone: 1-415-555-0132", .phone) == ["1-415-555-0132"])
        #expect(found("Cell (415)555-0132", .phone) == ["(415)555-0132"])
        #expect(found("Ref 415-555-0132", .phone).isEmpty)
        #expect(found("name,phone\nAvery Quill,415.555.0132\n", .phone) == ["415.555.0132"])
        #expect(found("vendor,phone\nAcme,415.555.0132\n", .phone).isEmpty)
    }

    @Test func clinicalContextIsOneMatchPerTerm() {
        let matches = engine.matches(in: "Assessment: E11.9. Assessment again; E11.9 again; prescribed.")
        #expect(matches.filter { $0.type == .clinicalTerm }.count == 3)
    }

    /// SQL dumps: a value's column comes from CREATE TABLE, an INSERT's column list or a COPY
    /// line, however far above; other tables' columns do not leak into the next table's rows.
    @Test func sqlDumpColumnsFromTheStatementsThatNameThem() throws {
        let mysql = """
            -- MySQL dump
            CREATE TABLE `visits` (
              `id` int NOT NULL,
              `mrn` char(8),
              `note` text,
              PRIMARY KEY (`id`)
            );
            CREATE TABLE `products` (`id` int, `code` char(8), `name` varchar(20));
            INSERT INTO `visits` VALUES (1,'00142816','seen, (stable)'),(2,'00977311',NULL);
            INSERT INTO `products` VALUES (1,'00555123','Widget');

            """
        #expect(found(mysql, .mrn) == ["00142816", "00977311"], "the products table's codes are not MRNs")
        let postgres = """
            --
            -- PostgreSQL database dump
            --
            SET client_encoding = 'UTF8';
            COPY public.patients (id, first_name, last_name, birth_date, chart_no) FROM stdin;
            1\tAvery\tQuill\t1962-03-14\t00142816
            2\t\\N\tRowan\t1970-01-02\t00977311
            \\.
            INSERT INTO public.contacts (patient_id, email) VALUES (1, 'avery.quill7@mail.example');

            """
        #expect(found(postgres, .mrn) == ["00142816", "00977311"])
        #expect(found(postgres, .dob) == ["1962-03-14", "1970-01-02"])
        #expect(found(postgres, .name) == ["Quill", "Rowan"], "one name per row from its first and last names (found at the last), not the null")
        #expect(found(postgres, .email) == ["avery.quill7@mail.example"])
        // The statement may sit far above its rows, across any chunk boundary.
        let rows = (1...3000).map { "(\($0),'\(String(format: "%08d", 1_000_000 + $0))')" }.joined(separator: ",\n")
        let long = "CREATE TABLE t (id int, mrn char(8));\nINSERT INTO t VALUES\n" + rows + ";\n"
        #expect(found(long, .mrn).count == 3000)
        // Statements are looked for in a stream's first 64 KiB only, unless some were found there:
        // other text does not pay for the search past that.
        let late = String(repeating: "plain prose line\n", count: 5_000) + "INSERT INTO t (mrn) VALUES ('00142816');\n"
        #expect(found(late, .mrn).isEmpty)
        let bytes = Array(long.utf8)
        for chunkSize in [97, 4096] {
            let scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
            var matches: [Match] = []
            bytes.withUnsafeBytes { scanner.feed($0, into: &matches) }
            scanner.finish(into: &matches)
            #expect(matches.filter { $0.type == .mrn }.count == 3000, "chunk size \(chunkSize)")
        }
    }

    /// Every text document of the corpus, scanned in chunks of several sizes and cut at odd
    /// places, gives exactly the matches of a whole scan: the overlap covers every detector's reach.
    @Test(arguments: [97, 1000, 4096])
    func chunkedScansOfCorpusDocumentsEqualWholeScans(chunkSize: Int) throws {
        let (files, _) = try CorpusGenerator(seed: 3, scale: 1).build()
        let texts = files.filter { ["note", "csv", "json", "xml", "hl7", "log", "html", "sql"].contains($0.artifact.format) }
        #expect(texts.count > 20)
        for file in texts {
            let bytes = file.artifact.bytes
            let whole = Set(engine.matches(in: bytes).map { "\($0.rule) \($0.span) \($0.line) \($0.confidence)" })
            let scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
            var found: [Match] = []
            var start = 0
            for cut in [bytes.count / 3, bytes.count / 3 + 7, bytes.count] where cut >= start {
                bytes[start..<cut].withUnsafeBytes { scanner.feed($0, into: &found) }
                start = cut
            }
            scanner.finish(into: &found)
            let chunked = Set(found.map { "\($0.rule) \($0.span) \($0.line) \($0.confidence)" })
            #expect(chunked == whole, "\(file.path) at chunk size \(chunkSize)")
        }
    }
}
