// Office Open XML documents (zip packages of XML parts): a Word letter whose values
// are sometimes split across runs, and an Excel sheet with shared strings.

extension DocumentFactory {
    static let contentTypesHeader = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"

    /// A referral letter as .docx; its text is the document, so findings belong to the .docx itself.
    mutating func letterDocx(name: String) throws(CorpusError) -> Artifact {
        let patient = patients(1)[0]
        let provider = provider()
        var doc = DocumentBuilder(format: "docx")
        func paragraph(_ text: String) -> String {
            "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"
        }
        doc.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        doc.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>")
        doc.write(paragraph(rng.pick(Self.clinics)))
        doc.write(paragraph("Referral letter"))
        doc.write("<w:p><w:r><w:t xml:space=\"preserve\">Re: \(patient.given) \(patient.family), date of birth </w:t></w:r><w:r><w:t>")
        doc.plant("dob", patient.birth.formatted(.longForm), person: patient.id)
        doc.write("</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">Social Security number: </w:t></w:r><w:r><w:t>")
        let tax = patient.taxID
        if rng.chance(0.5) {
            // Word splits runs where text was edited: the value spans two runs.
            let cut = tax.value.index(tax.value.startIndex, offsetBy: 7)
            doc.write(String(tax.value[..<cut]) + "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>" + String(tax.value[cut...]))
            doc.record(tax.type, tax.value, person: patient.id)
        } else {
            doc.plant(tax.type, tax.value, person: patient.id)
        }
        doc.write("</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">Medical record number </w:t></w:r><w:r><w:t>")
        doc.plant("mrn", patient.mrn, person: patient.id)
        doc.write("</w:t></w:r></w:p>")
        doc.write(paragraph("Dear colleague, I am referring this patient for evaluation of \(rng.pick(Self.diagnoses).0)."))
        doc.write("<w:p><w:r><w:t xml:space=\"preserve\">Sincerely, \(provider.name), NPI </w:t></w:r><w:r><w:t>")
        doc.plant("npi", provider.npi)
        doc.write("</w:t></w:r></w:p></w:body></w:document>\n")

        let members = [
            ArchiveMember(name: "[Content_Types].xml", content: .bytes(Array((Self.contentTypesHeader
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>\n").utf8))),
            ArchiveMember(name: "_rels/.rels", content: .bytes(Array(Self.relationships(
                type: "officeDocument", target: "word/document.xml").utf8))),
            ArchiveMember(name: "word/document.xml", content: .bytes(Array(doc.text.utf8))),
        ]
        return Artifact(name: name, format: "docx", bytes: try ArchiveBuilder.build(.zip, members: members), entries: doc.entries)
    }

    /// A claims worksheet as .xlsx: a header row and one row per patient, text in shared strings.
    mutating func claimsXlsx(name: String, rows: Int) throws(CorpusError) -> Artifact {
        var strings = DocumentBuilder(format: "xlsx")
        var count = 0
        func cell(_ column: Int, _ row: Int) -> String {
            String(UnicodeScalar(UInt8(65 + column))) + String(row)
        }
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        func addRow(_ row: Int, _ values: [(String, (type: String, person: Int?)?)]) {
            sheet += "<row r=\"\(row)\">"
            for (column, (text, plant)) in values.enumerated() {
                strings.write("<si><t>")
                if let plant { strings.plant(plant.type, text, person: plant.person) } else { strings.write(text) }
                strings.write("</t></si>")
                sheet += "<c r=\"\(cell(column, row))\" t=\"s\"><v>\(count)</v></c>"
                count += 1
            }
            sheet += "</row>"
        }
        addRow(1, [("MRN", nil), ("Last Name", nil), ("First Name", nil), ("DOB", nil), ("SSN", nil), ("Member ID", nil), ("Claim Amount", nil)])
        for (i, patient) in patients(rows).enumerated() {
            let tax = patient.taxID
            addRow(i + 2, [
                (patient.mrn, ("mrn", patient.id)), (patient.family, nil), (patient.given, nil),
                (patient.birth.formatted(.iso), ("dob", patient.id)), (tax.value, (tax.type, patient.id)),
                (patient.memberID, ("member_id", patient.id)), (String(rng.int(40...4000)) + ".00", nil),
            ])
            // Last Name and First Name columns of one row: one name.
            strings.record("name", "\(patient.given) \(patient.family)", person: patient.id)
        }
        sheet += "</sheetData></worksheet>\n"
        let sharedStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(count)\" uniqueCount=\"\(count)\">"
            + strings.text + "</sst>\n"
        let workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets><sheet name=\"Claims\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>\n"
        let workbookRels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>\n"
        let types = Self.contentTypesHeader
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>\n"
        let members = [
            ("[Content_Types].xml", types), ("_rels/.rels", Self.relationships(type: "officeDocument", target: "xl/workbook.xml")),
            ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRels),
            ("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", sharedStrings),
        ].map { ArchiveMember(name: $0.0, content: .bytes(Array($0.1.utf8))) }
        return Artifact(name: name, format: "xlsx", bytes: try ArchiveBuilder.build(.zip, members: members), entries: strings.entries)
    }

    static func relationships(type: String, target: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(type)\" Target=\"\(target)\"/>"
            + "</Relationships>\n"
    }
}
