// Office documents and web pages read as their text, end to end through a scan:
// values split over Word runs, spreadsheet cells whose text lives in shared
// strings written after the sheet, date-styled serial numbers, tables whose
// header names a bare column, HTML entities, scripts, and a broken part that
// keeps what was read before the break. All values are synthetic.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexExtract
import PhidexIndex
import PhidexScan
import Testing

@Suite struct DocumentTests {
    let engine = Shared.engine

    func scan(_ tree: TestTree, limits: ArchiveLimits = ArchiveLimits()) async throws -> (found: [String: [String]], files: [String: FileRecord]) {
        try await scanTree(tree, limits: limits)
    }

    static func xml(_ body: String) -> ArchiveMember.Content {
        .bytes(Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + body).utf8))
    }

    static let contentTypes = ArchiveMember(name: "[Content_Types].xml", content: xml("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"))

    /// A docx whose SSN is split over three runs and whose table's MRN column holds bare numbers.
    static func docx(documentXML: String? = nil) throws -> [UInt8] {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        let body = documentXML ?? """
            <w:document \(w)><w:body>
            <w:p><w:r><w:t>Referral for Avery Example. Patient SSN: 401-</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>23-</w:t></w:r><w:r><w:t>7788</w:t></w:r></w:p>
            <w:p><w:r><wp:posOffset>401237788</wp:posOffset><w:t xml:space="preserve">Layout numbers are not text.</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Patient</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>MRN</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Example, Avery</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>00142816</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>Sample, Blake</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>00977311</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Invoice 00555123 is not a record number.</w:t></w:r></w:p>
            </w:body></w:document>
            """
        return try ArchiveBuilder.build(.zip, members: [
            contentTypes, ArchiveMember(name: "word/document.xml", content: xml(body)),
        ])
    }

    /// An xlsx as Excel writes it: a title row, then a header row; shared strings and styles after the sheet.
    static func xlsx(date1904: Bool = false) throws -> [UInt8] {
        let main = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        let sheet = """
            <worksheet \(main)><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="E2" t="inlineStr"><is><t>Chart No</t></is></c></row>
            <row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" s="1"><v>23456</v></c><c r="C3" t="s"><v>5</v></c><c r="E3"><v>142816</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>Sample, Blake</t></is></c><c r="B4" s="1"><v>29588</v></c><c r="C4"><v>773412290</v></c><c r="E4"><v>977311</v></c></row>
            </sheetData></worksheet>
            """
        let strings = """
            <sst \(main) count="6" uniqueCount="6"><si><t>Claims export, do not forward</t></si><si><t>Patient</t></si>
            <si><r><t>Date of </t></r><r><t>birth</t></r></si><si><t>SSN</t></si><si><t>Example, Avery</t></si><si><t>401-23-7788</t></si></sst>
            """
        let styles = """
            <styleSheet \(main)><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>
            """
        let workbook = "<workbook \(main)><workbookPr date1904=\"1\"/><sheets><sheet name=\"Claims\" sheetId=\"1\"/></sheets></workbook>"
        return try ArchiveBuilder.build(.zip, members: [
            contentTypes, ArchiveMember(name: "xl/worksheets/sheet1.xml", content: xml(sheet)),
            ArchiveMember(name: "xl/styles.xml", content: xml(styles)), ArchiveMember(name: "xl/sharedStrings.xml", content: xml(strings)),
        ] + (date1904 ? [ArchiveMember(name: "xl/workbook.xml", content: xml(workbook))] : []))
    }

    /// A workbook in the 1904 date system (older Mac Excel): serial 23456 is 1968-03-21, not 1964-03-20.
    @Test func spreadsheetDatesFollowTheWorkbooksDateSystem() async throws {
        let tree = try TestTree("docs-xlsx-1904")
        try tree.bytes("mac.xlsx", try Self.xlsx(date1904: true))
        _ = try await scan(tree)
        let index = ["--index", tree.root + ".db"]
        #expect(try PhidexBinary.run(["query", "--dob", "1968-03-21"] + index).status == 0)
        #expect(try PhidexBinary.run(["query", "--dob", "1964-03-20"] + index).status == 1)
    }

    @Test func wordRunsAndTablesReadAsText() async throws {
        let tree = try TestTree("docs-docx")
        try tree.bytes("referral.docx", try Self.docx())
        let (found, files) = try await scan(tree)
        let part = tree.path("referral.docx!word/document.xml")
        #expect(found[part]?.sorted() == ["mrn ****2816", "mrn ****7311", "name E******, A****", "name S*****, B****", "ssn ***-**-7788"], "\(found)")
        #expect(files[part]?.status == .ok)
    }

    @Test func spreadsheetCellsResolveSharedStringsAndDates() async throws {
        let tree = try TestTree("docs-xlsx")
        let book = try Self.xlsx()
        try tree.bytes("claims.xlsx", book)
        try tree.bytes("backup.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "q3/claims.xlsx", content: .bytes(book))]))
        let (found, files) = try await scan(tree)
        let sheet = tree.path("claims.xlsx!xl/worksheets/sheet1.xml")
        // 23456 is 1964-03-20 and 29588 is 1981-01-02 under the 1900 date system.
        let expected = ["dob ****-**-**", "dob ****-**-**", "mrn **2816", "mrn **7311", "name E******, A****", "name S*****, B****",
                        "ssn *****2290", "ssn ***-**-7788"]
        #expect(found[sheet]?.sorted() == expected, "\(found)")
        #expect(found[tree.path("backup.zip!q3/claims.xlsx!xl/worksheets/sheet1.xml")]?.sorted() == expected, "the same book inside a zip")
        #expect(found[tree.path("claims.xlsx!xl/sharedStrings.xml")] == nil, "strings are counted once, in the sheet")
        #expect(files[tree.path("claims.xlsx!xl/sharedStrings.xml")]?.reason?.contains("read in the sheets") == true)
    }

    @Test func htmlTablesEntitiesAndScripts() async throws {
        let tree = try TestTree("docs-html")
        try tree.file("search.html", """
            <!DOCTYPE html><html><head><title>Search</title>
            <script>var sample = "SSN: 219-09-9999";</script><style>td { color: red }</style></head>
            <body><h1>Results</h1><p>Two matches for your query.</p>
            <table><tr><th>Name</th><th>Date&nbsp;of birth</th><th>MRN</th></tr>
            <tr><td>Example, Avery</td><td>03/14/1962</td><td>00142816</td></tr>
            <tr><td>Sample, <b>Blake</b></td><td>01/02/1970</td><td>00977311</td></tr></table>
            <p>Patient SSN: &#52;01-23-7788</p><form><input name="ssn" placeholder="400-22-0000"></form></body></html>
            """)
        let (found, _) = try await scan(tree)
        #expect(found[tree.path("search.html")]?.sorted() == [
            "dob ****-**-**", "dob ****-**-**", "mrn ****2816", "mrn ****7311", "name E******, A****", "name S*****, B****",
            "ssn ***-**-7788",
        ], "\(found)")
    }

    /// A page lays a record out as label and value cells, a definition list and a saved form.
    @Test func htmlLabelCellsDefinitionListsAndFormFields() async throws {
        let tree = try TestTree("docs-html-labels")
        try tree.file("summary.html", """
            <!DOCTYPE html><html><body><h1>Patient summary</h1>
            <table><tr><td>Patient Name</td><td>Avery Quill</td></tr><tr><td>MRN</td><td>00142816</td></tr>
            <tr><td>Address</td><td>12 Elm St, Springfield, IL 62704</td></tr></table>
            <dl><dt>Member ID</dt><dd>XJH412345678</dd><dt>Email</dt><dd>avery.quill@mail.example</dd></dl>
            <form><input name="pt_ssn" value="512-44-3817"><input name="dateOfBirth" value="1980-05-06"></form>
            </body></html>
            """)
        let (found, _) = try await scan(tree)
        #expect(found[tree.path("summary.html")]?.sorted() == [
            "address 1* E** S*, S**********, I* 6****", "dob ****-**-**", "email ***@mail.example", "member_id ********5678",
            "mrn ****2816", "name A**** Q****", "ssn ***-**-3817",
        ], "\(found)")
    }

    @Test func aBrokenPartKeepsWhatWasReadAndSaysWhere() async throws {
        let tree = try TestTree("docs-broken")
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        try tree.bytes("cut.docx", try Self.docx(documentXML: "<w:document \(w)><w:body><w:p><w:r><w:t>Patient SSN: 401-23-7788</w:t></w:r></w:p><w:p><w:r><w:t>more</w:x></w:r>"))
        let (found, files) = try await scan(tree)
        let part = tree.path("cut.docx!word/document.xml")
        #expect(found[part] == ["ssn ***-**-7788"])
        #expect(files[part]?.status == .error)
        #expect(files[part]?.reason?.contains("not well-formed XML at line") == true, "\(files[part]?.reason ?? "")")
        #expect(files[tree.path("cut.docx")]?.status == .error, "the document rolls up its part's error")
    }

    @Test func openDocumentTextAndSpreadsheets() async throws {
        let tree = try TestTree("docs-odf")
        let ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        let ods = """
            <office:document-content \(ns)><office:body><office:spreadsheet><table:table table:name="Roster">
            <table:table-row><table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>MRN</text:p></table:table-cell></table:table-row>
            <table:table-row><table:table-cell><text:p>Example, Avery</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell><text:p>00142816</text:p></table:table-cell></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>
            """
        let odt = "<office:document-content \(ns)><office:body><office:text><text:p>Patient SSN:<text:s/>401-23-<text:span>7788</text:span></text:p></office:text></office:body></office:document-content>"
        for (name, content) in [("roster.ods", ods), ("letter.odt", odt)] {
            try tree.bytes(name, try ArchiveBuilder.build(.zipStored, members: [
                ArchiveMember(name: "mimetype", content: .bytes(Array("application/vnd.oasis.opendocument".utf8))),
                ArchiveMember(name: "content.xml", content: Self.xml(content)),
            ]))
        }
        let (found, _) = try await scan(tree)
        #expect(found[tree.path("roster.ods!content.xml")]?.sorted() == ["mrn ****2816", "name E******, A****"], "\(found)")
        #expect(found[tree.path("letter.odt!content.xml")] == ["ssn ***-**-7788"])
    }

    @Test func pdfPagesAreReadAndAPasswordIsRecorded() async throws {
        var pdf = PDFWriter()
        pdf.page(["Discharge summary", "Patient: Quill, Avery   DOB: 03/14/1962"])
        pdf.page(["Medical record number (MRN): 00142816", "Patient SSN: 512-44-3817 (verified)"])
        let tree = try TestTree("docs-pdf")
        try tree.bytes("summary.pdf", pdf.bytes())
        try tree.bytes("scans.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "summary.pdf", content: .bytes(pdf.bytes()))]))
        // A password-protected copy, when qpdf is there to make one (bootstrap installs it).
        let qpdf = ["/usr/bin/qpdf", "/usr/local/bin/qpdf"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if let qpdf {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: qpdf)
            process.arguments = ["--encrypt", "user-pass", "owner-pass", "256", "--", tree.path("summary.pdf"), tree.path("locked.pdf")]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let (found, files) = try await scan(tree)
        let expected = ["dob ****-**-**", "mrn ****2816", "name Q****, A****", "ssn ***-**-3817"]
        #expect(found[tree.path("summary.pdf")]?.sorted() == expected, "\(found)")
        #expect(found[tree.path("scans.zip!summary.pdf")]?.sorted() == expected)
        try #require(qpdf != nil, "qpdf is needed to check password-protected PDFs")
        #expect(files[tree.path("locked.pdf")]?.status == .encrypted, "\(files[tree.path("locked.pdf")]?.reason ?? "")")
        #expect(found[tree.path("locked.pdf")] == nil)
    }

    /// A table drawn as positioned cells: poppler's text runs the cells of a row together
    /// ("Avery Quill1962-03-14"); its layout keeps them apart, and the header row names the columns.
    @Test func pdfTablesKeepTheirCellsAndColumns() async throws {
        var pdf = PDFWriter()
        pdf.page(table: [
            ["Name", "DOB", "MRN", "Phone"],
            ["Avery Quill", "1962-03-14", "00142816", "217.555.0142"],
            ["Blake Rowan", "1970-01-02", "00977311", "(217) 555-0199"],
        ])
        let tree = try TestTree("docs-pdf-table")
        try tree.bytes("roster.pdf", pdf.bytes())
        let (found, _) = try await scan(tree)
        #expect(found[tree.path("roster.pdf")]?.sorted() == [
            "dob ****-**-**", "dob ****-**-**", "mrn ****2816", "mrn ****7311", "name A**** Q****", "name B**** R****",
            "phone (***) ***-0142", "phone (***) ***-0199",
        ], "\(found)")
    }

    @Test func dicomHeadersAreLabelledFields() async throws {
        let tree = try TestTree("docs-dicom")
        for explicit in [true, false] {
            var dicom = DICOMWriter(explicitVR: explicit)
            dicom.add(0x0008, 0x0080, "LO", "Riverside Imaging Center")
            dicom.add(0x0010, 0x0010, "PN", "QUILL^AVERY")
            dicom.add(0x0010, 0x0020, "LO", "00142816")
            dicom.add(0x0010, 0x0030, "DA", "19620314")
            var item = DICOMWriter(explicitVR: explicit)
            item.add(0x0010, 0x0020, "LO", "00977311")
            dicom.addSequence(0x0010, 0x1002, item: item)
            try tree.bytes(explicit ? "ct-explicit.dcm" : "ct-implicit.dcm", dicom.bytes())
        }
        let (found, files) = try await scan(tree)
        for name in ["ct-explicit.dcm", "ct-implicit.dcm"] {
            #expect(found[tree.path(name)]?.sorted() == ["dob ****-**-**", "mrn ****2816", "mrn ****7311", "name Q****^A****"], "\(name): \(found)")
            #expect(files[tree.path(name)]?.status == .ok)
        }
    }

    @Test func sqliteTablesAreReadWithTheirColumnNames() async throws {
        let database = try SQLiteBuilder.build("""
            CREATE TABLE patients (id INTEGER PRIMARY KEY, mrn TEXT, first_name TEXT, last_name TEXT, birth_date TEXT, ssn TEXT, photo BLOB);
            INSERT INTO patients VALUES (1, '00142816', 'Avery', 'Quill', '1962-03-14', '512-44-3817', x'00ff10');
            INSERT INTO patients VALUES (2, '00977311', 'Blake', 'Rowan', '1970-01-02', '401237788', NULL);
            CREATE TABLE "odd/name!" (note TEXT);
            INSERT INTO "odd/name!" VALUES ('Patient SSN: 401-23-7788');
            """)
        let tree = try TestTree("docs-sqlite")
        try tree.bytes("emr.db", database)
        try tree.bytes("backup.tar", try ArchiveBuilder.build(.tar, members: [ArchiveMember(name: "db/emr.sqlite", content: .bytes(database))]))
        let (found, _) = try await scan(tree)
        let patients = ["dob ****-**-**", "dob ****-**-**", "mrn ****2816", "mrn ****7311", "name A**** Q****", "name B**** R****",
                        "ssn *****7788", "ssn ***-**-3817"]
        #expect(found[tree.path("emr.db!patients")]?.sorted() == patients, "\(found)")
        #expect(found[tree.path("emr.db!odd_name_")] == ["ssn ***-**-7788"])
        #expect(found[tree.path("backup.tar!db/emr.sqlite!patients")]?.sorted() == patients)
    }

    @Test func mediaIsReadForItsMetadataUnlessAskedWhole() async throws {
        var photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1] + Array("Exif comment: Patient SSN: 512-44-3817 ".utf8)
        photo += [UInt8](repeating: 0x11, count: 2 << 20) + Array(" Patient SSN: 401-23-7788 ".utf8) + [0xFF, 0xD9]
        let tree = try TestTree("docs-media")
        try tree.bytes("ward.jpg", photo)
        let (found, files) = try await scan(tree)
        #expect(found[tree.path("ward.jpg")] == ["ssn ***-**-3817"], "\(found)")
        #expect(files[tree.path("ward.jpg")]?.status == .skipped)
        #expect(files[tree.path("ward.jpg")]?.reason?.contains("--read-media") == true)
        var whole = ArchiveLimits()
        whole.mediaBytes = nil
        let (all, allFiles) = try await scan(tree, limits: whole)
        #expect(all[tree.path("ward.jpg")]?.sorted() == ["ssn ***-**-3817", "ssn ***-**-7788"])
        #expect(allFiles[tree.path("ward.jpg")]?.status == .ok)
    }
}
