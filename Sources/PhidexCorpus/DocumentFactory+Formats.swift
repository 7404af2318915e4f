// The formats issue 6 taught the scanner to read, one document kind each: a
// discharge summary printed to PDF, a SQLite practice database, a CT study's
// DICOM header, a ward-round slide deck (pptx), an intake letter (odt), a
// roster spreadsheet (ods), a mailbox of messages (mbox) and a roster saved as
// UTF-16 without a byte-order mark. Each plants what a record of its kind holds,
// with the labels or columns such a record has.

import Foundation

extension DocumentFactory {
    /// A discharge summary of two pages, as a report printed to PDF.
    mutating func dischargePDF(name: String) -> Artifact {
        let patient = patients(1)[0]
        let provider = provider()
        var doc = DocumentBuilder(format: "pdf")
        var lines: [[String]] = [[], []]
        func line(_ page: Int, _ parts: [(String, (type: String, person: Int?)?)]) {
            var text = ""
            for (piece, plant) in parts {
                if let plant { doc.record(plant.type, piece, person: plant.person) }
                text += piece
            }
            lines[page].append(text)
        }
        line(0, [(rng.pick(Self.clinics), nil)])
        line(0, [("Discharge summary", nil)])
        line(0, [("Patient: ", nil), ("\(patient.family), \(patient.given)", ("name", patient.id)), ("   DOB: ", nil),
                 (patient.birth.formatted(.us), ("dob", patient.id))])
        line(0, [("MRN: ", nil), (patient.mrn, ("mrn", patient.id))])
        line(0, [("Diagnosis: \(rng.pick(Self.diagnoses).0)", nil)])
        let tax = patient.taxID
        line(1, [("Insurance member ID: ", nil), (patient.memberID, ("member_id", patient.id))])
        line(1, [("Patient SSN: ", nil), (tax.value, (tax.type, patient.id))])
        line(1, [("Attending: \(provider.name), NPI ", nil), (provider.npi, ("npi", nil))])
        var pdf = PDFWriter()
        for page in lines { pdf.page(page) }
        var artifact = doc.artifact(name: name)
        artifact.bytes = pdf.bytes()
        return artifact
    }

    /// A practice-management database: a patients table and a visits table.
    mutating func practiceSQLite(name: String, rows: Int) throws(CorpusError) -> Artifact {
        var doc = DocumentBuilder(format: "sqlite")
        var sql = """
            CREATE TABLE patients (id INTEGER PRIMARY KEY, mrn TEXT, first_name TEXT, last_name TEXT,
              birth_date TEXT, ssn TEXT, member_id TEXT, phone TEXT);
            CREATE TABLE visits (id INTEGER PRIMARY KEY, patient_id INTEGER, visit_date TEXT, reason TEXT, invoice TEXT);

            """
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        for (index, patient) in patients(rows).enumerated() {
            let tax = patient.taxID
            doc.record("mrn", patient.mrn, person: patient.id)
            doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)  // first_name and last_name columns: one name
            doc.record("dob", patient.birth.formatted(.iso), person: patient.id)
            doc.record(tax.type, tax.value, person: patient.id)
            doc.record("member_id", patient.memberID, person: patient.id)
            doc.record("phone", patient.phone, person: patient.id)
            sql += "INSERT INTO patients VALUES (\(index + 1), \(quoted(patient.mrn)), \(quoted(patient.given)), "
            sql += "\(quoted(patient.family)), \(quoted(patient.birth.formatted(.iso))), \(quoted(tax.value)), "
            sql += "\(quoted(patient.memberID)), \(quoted(patient.phone)));\n"
            let visit = recentDate().formatted(.iso)
            let invoice = IdentifierForge.pad(rng.int(100_000_000...999_999_999), 9)
            doc.recordDecoy("service-date", imitates: "dob", visit)
            doc.recordDecoy("order-number", imitates: "ssn", invoice)
            sql += "INSERT INTO visits VALUES (\(index + 1), \(index + 1), \(quoted(visit)), \(quoted(rng.pick(Self.diagnoses).0)), \(quoted(invoice)));\n"
        }
        var artifact = doc.artifact(name: name)
        artifact.bytes = try SQLiteBuilder.build(sql)
        return artifact
    }

    /// A CT study's DICOM file: patient, study and institution elements before the pixel data.
    mutating func studyDICOM(name: String) -> Artifact {
        let patient = patients(1)[0]
        var doc = DocumentBuilder(format: "dicom")
        var dicom = DICOMWriter(explicitVR: rng.chance(0.5))
        dicom.add(0x0008, 0x0020, "DA", recentDate().formatted(.hl7))
        dicom.add(0x0008, 0x0080, "LO", rng.pick(Self.clinics))
        dicom.add(0x0008, 0x1030, "LO", "CT CHEST WITH CONTRAST")
        let pn = patient.family.uppercased() + "^" + patient.given.uppercased()
        doc.record("name", pn, person: patient.id)
        dicom.add(0x0010, 0x0010, "PN", pn)
        doc.record("mrn", patient.mrn, person: patient.id)
        dicom.add(0x0010, 0x0020, "LO", patient.mrn)
        doc.record("dob", patient.birth.formatted(.hl7), person: patient.id)
        dicom.add(0x0010, 0x0030, "DA", patient.birth.formatted(.hl7))
        dicom.add(0x0010, 0x0040, "CS", patient.sex)
        var artifact = doc.artifact(name: name)
        artifact.bytes = dicom.bytes()
        return artifact
    }

    /// A ward-round deck (pptx): a title slide and a slide with a patient table.
    mutating func roundsPptx(name: String, rows: Int) throws(CorpusError) -> Artifact {
        var doc = DocumentBuilder(format: "pptx")
        let a = "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\""
        func cell(_ text: String) -> String { "<a:tc><a:txBody><a:p><a:r><a:t>" + text + "</a:t></a:r></a:p></a:txBody></a:tc>" }
        let title = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld \(a)><p:cSld><p:spTree><p:sp><p:txBody>"
            + "<a:p><a:r><a:t>Ward rounds, \(rng.pick(Self.clinics))</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>\n"
        doc.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<p:sld \(a)><p:cSld><p:spTree><p:graphicFrame><a:graphic><a:graphicData><a:tbl>")
        doc.write("<a:tr>" + cell("Patient") + cell("MRN") + cell("Date of birth") + cell("Plan") + "</a:tr>")
        for patient in patients(rows) {
            doc.write("<a:tr><a:tc><a:txBody><a:p><a:r><a:t>")
            doc.plant("name", "\(patient.family), \(patient.given)", person: patient.id)
            doc.write("</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("</a:t></a:r></a:p></a:txBody></a:tc><a:tc><a:txBody><a:p><a:r><a:t>")
            doc.plant("dob", patient.birth.formatted(.us), person: patient.id)
            doc.write("</a:t></a:r></a:p></a:txBody></a:tc>" + cell(rng.pick(Self.diagnoses).0) + "</a:tr>")
        }
        doc.write("</a:tbl></a:graphicData></a:graphic></p:graphicFrame></p:spTree></p:cSld></p:sld>\n")
        let members = [
            ArchiveMember(name: "[Content_Types].xml", content: .bytes(Array((Self.contentTypesHeader + "</Types>\n").utf8))),
            ArchiveMember(name: "_rels/.rels", content: .bytes(Array(Self.relationships(type: "officeDocument", target: "ppt/presentation.xml").utf8))),
            ArchiveMember(name: "ppt/slides/slide1.xml", content: .bytes(Array(title.utf8))),
            ArchiveMember(name: "ppt/slides/slide2.xml", content: .bytes(Array(doc.text.utf8))),
        ]
        return Artifact(name: name, format: "pptx", bytes: try ArchiveBuilder.build(.zip, members: members), entries: doc.entries)
    }

    /// An OpenDocument package: `mimetype` stored first, then `content.xml`.
    private func openDocument(_ name: String, format: String, mimetype: String, body: String, entries: [TruthEntry]) throws(CorpusError) -> Artifact {
        let content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
            + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
            + "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" office:version=\"1.3\"><office:body>" + body
            + "</office:body></office:document-content>\n"
        let members = [
            ArchiveMember(name: "mimetype", content: .bytes(Array(mimetype.utf8))),
            ArchiveMember(name: "content.xml", content: .bytes(Array(content.utf8))),
        ]
        return Artifact(name: name, format: format, bytes: try ArchiveBuilder.build(.zipStored, members: members), entries: entries)
    }

    /// An intake letter (odt) with labelled identifiers, one split by a span.
    mutating func intakeOdt(name: String) throws(CorpusError) -> Artifact {
        let patient = patients(1)[0]
        var doc = DocumentBuilder(format: "odt")
        doc.write("<office:text><text:h>Intake, \(rng.pick(Self.clinics))</text:h><text:p>Patient name: ")
        doc.plant("name", "\(patient.given) \(patient.family)", person: patient.id)
        doc.write("</text:p><text:p>Date of birth:<text:s/>")
        doc.plant("dob", patient.birth.formatted(.longForm), person: patient.id)
        doc.write("</text:p><text:p>Social Security number: ")
        let tax = patient.taxID
        let cut = tax.value.index(tax.value.startIndex, offsetBy: 4)
        doc.write(String(tax.value[..<cut]) + "<text:span>" + String(tax.value[cut...]) + "</text:span>")
        doc.record(tax.type, tax.value, person: patient.id)
        doc.write("</text:p><text:p>Medicare (MBI): ")
        if let mbi = patient.mbi { doc.plant("mbi", mbi, person: patient.id) } else { doc.write("none") }
        doc.write("</text:p></office:text>")
        return try openDocument(name, format: "odt", mimetype: "application/vnd.oasis.opendocument.text", body: doc.text, entries: doc.entries)
    }

    /// A roster spreadsheet (ods) with a title row, empty repeated cells and a header row.
    mutating func rosterOds(name: String, rows: Int) throws(CorpusError) -> Artifact {
        var doc = DocumentBuilder(format: "ods")
        func cell(_ text: String) -> String { "<table:table-cell><text:p>" + text + "</text:p></table:table-cell>" }
        doc.write("<office:spreadsheet><table:table table:name=\"Roster\">")
        doc.write("<table:table-row>" + cell("Clinic roster") + "<table:table-cell table:number-columns-repeated=\"3\"/></table:table-row>")
        doc.write("<table:table-row>" + cell("Last name") + cell("First name") + cell("Member ID") + cell("Phone") + "</table:table-row>")
        for patient in patients(rows) {
            doc.write("<table:table-row><table:table-cell><text:p>")
            doc.write(patient.family)
            doc.write("</text:p></table:table-cell><table:table-cell><text:p>")
            doc.write(patient.given)
            doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)  // Last name and First name columns: one name
            doc.write("</text:p></table:table-cell><table:table-cell><text:p>")
            doc.plant("member_id", patient.memberID, person: patient.id)
            doc.write("</text:p></table:table-cell><table:table-cell><text:p>")
            doc.plant("phone", patient.phone, person: patient.id)
            doc.write("</text:p></table:table-cell></table:table-row>")
        }
        doc.write("</table:table></office:spreadsheet>")
        return try openDocument(name, format: "ods", mimetype: "application/vnd.oasis.opendocument.spreadsheet", body: doc.text, entries: doc.entries)
    }

    /// A mailbox of three messages: a quoted-printable one, a base64 one, a plain one.
    mutating func mailbox(name: String) -> Artifact {
        var entries: [TruthEntry] = []
        var box = ""
        for serial in 1...3 {
            let patient = patients(1)[0]
            var body = DocumentBuilder(format: "mbox")
            body.write("Hi,\r\n\r\nFor the chart of \(patient.given) \(patient.family): MRN ")
            body.plant("mrn", patient.mrn, person: patient.id)
            body.write(", date of birth ")
            body.plant("dob", patient.birth.formatted(.us), person: patient.id)
            body.write(", member ID ")
            body.plant("member_id", patient.memberID, person: patient.id)
            body.write(".\r\n\r\nThanks\r\n")
            entries += body.entries
            box += "From records@riverside-clinic.example Mon Mar  \(serial) 09:00:00 2021\r\n"
            box += "From: records@riverside-clinic.example\r\nTo: intake@riverside-clinic.example\r\n"
            box += "Subject: chart \(serial)\r\nDate: Mon, 0\(serial) Mar 2021 09:00:00 -0500\r\nMIME-Version: 1.0\r\n"
            switch serial {
            case 1:
                box += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                box += Self.quotedPrintable(body.text)
            case 2:
                box += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                box += Self.base64Lines(Array(body.text.utf8))
            default:
                box += "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body.text
            }
            box += "\r\n"
        }
        return Artifact(name: name, format: "mbox", bytes: Array(box.utf8), entries: entries)
    }

    /// The UTF-16 roster again, saved without a byte-order mark.
    mutating func utf16RosterWithoutMark(name: String, rows: Int) -> Artifact {
        var artifact = utf16Roster(name: name, rows: rows)
        artifact.bytes.removeFirst(2)
        return artifact
    }

    /// A memo with one stray identifier: no name, no date of birth, no record around it — the
    /// lowest rung of real exposure, which the risk model must rank below patient records.
    mutating func strayMemo(name: String) -> Artifact {
        let patient = patients(1)[0]
        var doc = DocumentBuilder(format: "stray")
        doc.write("Follow-up from the billing meeting\n\nThe payer bounced one claim again. ")
        if rng.chance(0.5) {
            doc.write("The SSN on the form was ")
            doc.plantTaxID(of: patient)
        } else {
            doc.write("Chart MRN ")
            doc.plant("mrn", patient.mrn, person: patient.id)
        }
        doc.write("; please check it against the registration desk's copy before resubmitting.\n")
        return doc.artifact(name: name)
    }
}
