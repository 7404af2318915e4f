// Clinical and patient-data documents: notes, CSV exports, FHIR JSON, C-CDA XML,
// HTML portal pages, HL7 v2 messages, SQL dumps and a UTF-16 roster.

extension DocumentFactory {
    /// A free-text visit note with labelled identifiers, a narrative and decoy dates.
    mutating func clinicalNote(name: String) -> Artifact {
        var doc = DocumentBuilder(format: "note")
        let patient = patients(1)[0]
        let provider = provider()
        let (dx1, dx2) = (rng.pick(Self.diagnoses), rng.pick(Self.diagnoses))
        doc.write(rng.pick(Self.clinics).uppercased() + " - OUTPATIENT VISIT NOTE\n\n")
        if rng.chance(0.7) {
            doc.write("Patient: ")
            doc.plant("name", "\(patient.family), \(patient.given)", person: patient.id)
        } else {
            doc.write(rng.pick(["Patient name: ", "Patient Name: ", "Name: ", "Pt name: ", "Patient full name: "]))
            doc.plant("name", "\(patient.given) \(patient.family)", person: patient.id)
        }
        doc.write("    ")
        doc.write(rng.pick(["DOB: ", "D.O.B. ", "Date of birth: ", "Birth date: ", "Born: ", "DOB "]))
        doc.plant("dob", patient.birth.formatted(rng.pick([.us, .iso, .dayMonthAbbrev, .longForm, .isoTime, .dotted, .ordinal, .dayMonthLong])), person: patient.id)
        doc.write("\n" + rng.pick([
            "MRN: ", "MR#: ", "Medical record number: ", "Chart #: ", "Med Rec #: ", "Patient ID: ", "MRN ",
            "Health record number: ", "Pt ID: ", "Patient #: ", "EMR #: ", "Hospital number: ", "MRN#",
        ]))
        doc.plant("mrn", patient.mrn, person: patient.id)
        let tax = patient.taxID
        var ssnInNarrative = false
        switch rng.int(0...3) {
        case 0:
            doc.write("\nSSN: ")
            doc.plant(tax.type, tax.value, person: patient.id)
        case 1:
            doc.write("\nSS#: ")
            doc.plant(tax.type, tax.value.replacingDashes(with: " "), person: patient.id)
        case 2:
            doc.write("\nSocial Security No. ")
            doc.plant(tax.type, tax.value.filter(\.isNumber), person: patient.id)
        default:
            ssnInNarrative = true
        }
        doc.write(rng.pick(["\nEmail: ", "\nE-mail: ", "\nemail address: "]))
        doc.plant("email", patient.email, person: patient.id)
        doc.write("\nInsurance: " + rng.pick(Self.plans) + "    "
            + rng.pick(["Member ID: ", "Subscriber ID: ", "Policy #: ", "Insurance ID: ", "Member #: ", "Policy number ",
                "Ins Member No: ", "Beneficiary ID: ", "Subscriber #: ", "Cardholder ID: "]))
        doc.plant("member_id", patient.memberID, person: patient.id)
        if let mbi = patient.mbi {
            doc.write("\nMedicare MBI: ")
            doc.plant("mbi", mbi, person: patient.id)
        }
        if let hicn = patient.hicn {
            doc.write(" (old HICN ")
            doc.plant("hicn", hicn, person: patient.id)
            doc.record("ssn", String(hicn.prefix(9)), person: patient.id)
            doc.write(")")
        }
        doc.write("\nDate of service: ")
        doc.decoy("service-date", imitates: "dob", recentDate().formatted(.us))
        doc.write("\nAttending: \(provider.name), MD    NPI: ")
        doc.plant("npi", provider.npi)
        doc.write("    DEA: ")
        doc.plant("dea", provider.dea)
        let age = 2023 - patient.birth.year
        doc.write("\n\nChief complaint: \(rng.pick(Self.complaints)).\n\n")
        doc.write("History: \(patient.given) is a \(age)-year-old \(patient.sex == "F" ? "woman" : "man") ")
        doc.write("seen for follow-up of \(dx1.0). Reports good adherence to \(rng.pick(Self.medications)).")
        if ssnInNarrative {
            doc.write(" For the billing office the patient confirmed the social security number ")
            doc.plant(tax.type, tax.value, person: patient.id)
            doc.write(".")
        }
        doc.write(rng.pick([" Call-back number ", " Phone: ", " Cell ", " Home phone ", " Mobile: ", " Tel. "]))
        let digits = patient.phone.filter(\.isNumber)
        let area = digits.prefix(3), exchange = digits.dropFirst(3).prefix(3), line = digits.suffix(4)
        doc.plant("phone", rng.pick([
            patient.phone, "\(area)-\(exchange)-\(line)", "\(area).\(exchange).\(line)", "+1 \(area) \(exchange) \(line)",
            "(\(area))\(exchange)-\(line)", "1-\(area)-\(exchange)-\(line)", "+1 (\(area)) \(exchange)-\(line)", "\(area) \(exchange) \(line)",
        ]), person: patient.id)
        doc.write(".\n\nAssessment:\n  1. \(dx1.0.capitalizedFirst) (\(dx1.1))\n  2. \(dx2.0.capitalizedFirst) (\(dx2.1))\n")
        doc.write("Plan: continue \(rng.pick(Self.medications)); labs before next visit; return in \(rng.int(2...12)) weeks.\n\n")
        doc.write("Printed on ")
        doc.decoy("printed-date", imitates: "dob", recentDate().formatted(.us))
        doc.write(" by \(rng.pick(["front desk", "records", "billing"])). Page 1 of 1.\n")
        return doc.artifact(name: name)
    }

    /// A patient export with a header row, in one of two column layouts.
    mutating func patientCSV(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "csv")
        let billing = rng.chance(0.5)
        if billing {
            doc.write("chart_no,patient_name,birth_date,patient_ssn,insurance_member_id,medicare_id,zip4\n")
        } else {
            // The same columns as exports spell them: snake_case, CamelCase, words with symbols.
            doc.write([
                "mrn,last_name,first_name,dob,ssn,sex,address,city,state,zip,phone,member_id,mbi\n",
                "MedRecNum,LastName,FirstName,BirthDt,SocialSecNum,Sex,Street,City,State,ZipCode,HomePh,MemberNo,MBI\n",
                "Chart #,Last Name,First Name,DOB (mm/dd/yyyy),Soc Sec No,Gender,Address 1,City,State,Postal Code,Cell,Ins Member No,Medicare ID\n",
            ][Self.spelling(of: name, among: 3)])
        }
        for patient in patients(rows) {
            let tax = patient.taxID
            doc.plant("mrn", patient.mrn, person: patient.id)
            if billing {
                doc.write(",\"")
                doc.plant("name", "\(patient.family), \(patient.given)", person: patient.id)
                doc.write("\",")
                doc.plant("dob", patient.birth.formatted(.us), person: patient.id)
                doc.write(",")
                doc.plant(tax.type, tax.value.filter(\.isNumber), person: patient.id)
                doc.write(",")
                doc.plant("member_id", patient.memberID, person: patient.id)
                doc.write(",")
                if let mbi = patient.mbi { doc.plant("mbi", mbi.filter { $0 != "-" }, person: patient.id) }
                doc.write(",")
                doc.decoy("zip+4", imitates: "ssn", patient.zip + "-" + rng.digits(4))
            } else {
                doc.write(",")
                doc.write(patient.family + "," + patient.given)
                doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)  // last_name, first_name: one name
                doc.write(",")
                doc.plant("dob", patient.birth.formatted(.iso), person: patient.id)
                doc.write(",")
                doc.plant(tax.type, tax.value, person: patient.id)
                doc.write(",\(patient.sex),\(patient.street),\(patient.city),\(patient.state),\(patient.zip),")
                doc.record("address", "\(patient.street), \(patient.city), \(patient.state) \(patient.zip)", person: patient.id)
                doc.plant("phone", patient.phone, person: patient.id)
                doc.write(",")
                doc.plant("member_id", patient.memberID, person: patient.id)
                doc.write(",")
                if let mbi = patient.mbi { doc.plant("mbi", mbi, person: patient.id) }
            }
            doc.write("\n")
        }
        return doc.artifact(name: name)
    }

    /// A spelling chosen by a file's name, drawing nothing from the generator: the documents
    /// after it keep their bytes.
    static func spelling(of name: String, among count: Int) -> Int {
        Int(name.utf8.reduce(UInt32(7)) { $0 &* 31 &+ UInt32($1) } % UInt32(count))
    }

    /// A FHIR R4 Bundle of Patient resources with MR, SSN and MBI identifiers.
    mutating func fhirBundle(name: String, patients count: Int) -> Artifact {
        var doc = DocumentBuilder(format: "json")
        doc.write("{\n  \"resourceType\": \"Bundle\",\n  \"id\": \"")
        doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
        doc.write("\",\n  \"type\": \"collection\",\n  \"timestamp\": \"2023-0\(rng.int(1...9))-1\(rng.int(0...9))T08:30:00Z\",\n  \"entry\": [")
        for (i, patient) in patients(count).enumerated() {
            doc.write(i == 0 ? "\n" : ",\n")
            doc.write("    {\n      \"resource\": {\n        \"resourceType\": \"Patient\",\n        \"id\": \"")
            doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
            doc.write("\",\n        \"meta\": { \"versionId\": \"\(rng.int(1...9))\", \"lastUpdated\": \"")
            doc.write(recentDate().formatted(.iso) + "T10:15:00Z\" },\n        \"identifier\": [\n")
            doc.write("          { \"type\": { \"coding\": [ { \"system\": \"http://terminology.hl7.org/CodeSystem/v2-0203\", \"code\": \"MR\" } ] },\n")
            doc.write("            \"system\": \"urn:oid:2.16.840.1.113883.19.5\", \"value\": \"")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("\" }")
            if let ssn = patient.ssn {
                doc.write(",\n          { \"system\": \"http://hl7.org/fhir/sid/us-ssn\", \"value\": \"")
                doc.plant("ssn", ssn, person: patient.id)
                doc.write("\" }")
            }
            if let mbi = patient.mbi {
                doc.write(",\n          { \"system\": \"http://hl7.org/fhir/sid/us-mbi\", \"value\": \"")
                doc.plant("mbi", mbi.filter { $0 != "-" }, person: patient.id)
                doc.write("\" }")
            }
            // FHIR's HumanName: family and given parts make one name.
            doc.write("\n        ],\n        \"name\": [ { \"family\": \"\(patient.family)\", \"given\": [ \"\(patient.given)\" ] } ],\n")
            doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)
            doc.write("        \"telecom\": [ { \"system\": \"phone\", \"value\": \"")
            doc.plant("phone", patient.phone, person: patient.id)
            doc.write("\", \"use\": \"home\" } ],\n")
            doc.write("        \"gender\": \"\(patient.sex == "F" ? "female" : "male")\",\n        \"birthDate\": \"")
            doc.plant("dob", patient.birth.formatted(.iso), person: patient.id)
            doc.write("\",\n        \"address\": [ { \"line\": [ \"\(patient.street)\" ], \"city\": \"\(patient.city)\", \"state\": \"\(patient.state)\", \"postalCode\": \"\(patient.zip)\" } ]\n")
            doc.record("address", "\(patient.street), \(patient.city), \(patient.state) \(patient.zip)", person: patient.id)
            doc.write("      }\n    }")
        }
        doc.write("\n  ]\n}\n")
        return doc.artifact(name: name)
    }

    /// A C-CDA continuity-of-care document: patientRole ids (MRN, SSN by OID), birthTime.
    mutating func ccda(name: String) -> Artifact {
        var doc = DocumentBuilder(format: "xml")
        let patient = patients(1)[0]
        let provider = provider()
        let dx = rng.pick(Self.diagnoses)
        doc.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\">\n")
        doc.write("  <templateId root=\"2.16.840.1.113883.10.20.22.1.2\"/>\n  <id root=\"")
        doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
        doc.write("\"/>\n  <title>Continuity of Care Document</title>\n  <effectiveTime value=\"")
        doc.write(recentDate().formatted(.hl7) + "103000-0500\"/>\n  <recordTarget>\n    <patientRole>\n")
        doc.write("      <id root=\"2.16.840.1.113883.19.5.99999.2\" extension=\"")
        doc.plant("mrn", patient.mrn, person: patient.id)
        doc.write("\"/>\n")
        let tax = patient.taxID
        doc.write("      <id root=\"2.16.840.1.113883.4.1\" extension=\"")
        doc.plant(tax.type, tax.value, person: patient.id)
        doc.write("\"/>\n      <addr use=\"HP\"><streetAddressLine>\(patient.street)</streetAddressLine><city>\(patient.city)</city>")
        doc.write("<state>\(patient.state)</state><postalCode>\(patient.zip)</postalCode></addr>\n")
        doc.record("address", "\(patient.street), \(patient.city), \(patient.state) \(patient.zip)", person: patient.id)
        doc.write("      <telecom use=\"HP\" value=\"tel:")
        doc.plant("phone", patient.phone, person: patient.id)
        doc.write("\"/>\n")
        // C-CDA's name: given and family parts make one name.
        doc.write("      <patient>\n        <name use=\"L\"><given>\(patient.given)</given><family>\(patient.family)</family></name>\n")
        doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)
        doc.write("        <administrativeGenderCode code=\"\(patient.sex)\" codeSystem=\"2.16.840.1.113883.5.1\"/>\n")
        doc.write("        <birthTime value=\"")
        doc.plant("dob", patient.birth.formatted(.hl7), person: patient.id)
        doc.write("\"/>\n      </patient>\n    </patientRole>\n  </recordTarget>\n  <author>\n")
        doc.write("    <assignedAuthor><id root=\"2.16.840.1.113883.4.6\" extension=\"")
        doc.plant("npi", provider.npi)
        doc.write("\"/><assignedPerson><name>\(provider.name)</name></assignedPerson></assignedAuthor>\n  </author>\n")
        doc.write("  <component><structuredBody><component><section>\n      <title>Problems</title>\n")
        doc.write("      <text><list><item>\(dx.0.capitalizedFirst) (ICD-10 \(dx.1))</item></list></text>\n")
        doc.write("    </section></component></structuredBody></component>\n</ClinicalDocument>\n")
        return doc.artifact(name: name)
    }

    /// A saved patient-portal search page: an HTML table of patients and a form.
    mutating func portalPage(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "html")
        doc.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Patient search</title>\n")
        doc.write("<style>td { padding: 2px 8px; }</style>\n<script>var build = \"")
        doc.decoy("version", imitates: "ssn", IdentifierForge.versionString(&rng))
        doc.write("\";</script></head>\n<body>\n<h1>Patient search results</h1>\n<table>\n")
        doc.write("<tr><th>Name</th><th>Date of birth</th><th>MRN</th><th>SSN</th></tr>\n")
        for patient in patients(rows) {
            doc.write("<tr><td>")
            doc.plant("name", "\(patient.family), \(patient.given)", person: patient.id)
            doc.write("</td><td>")
            doc.plant("dob", patient.birth.formatted(.us), person: patient.id)
            doc.write("</td><td>")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("</td><td>")
            doc.plantTaxID(of: patient)
            doc.write("</td></tr>\n")
        }
        doc.write("</table>\n<form><label>SSN <input name=\"ssn\" placeholder=\"")
        doc.decoy("never-issued-ssn", imitates: "ssn", IdentifierForge.neverIssuedSSN(&rng))
        doc.write("\"></label> <button>Search</button></form>\n<p>Generated ")
        doc.decoy("printed-date", imitates: "dob", recentDate().formatted(.longForm))
        doc.write("</p>\n</body></html>\n")
        return doc.artifact(name: name)
    }

    /// HL7 v2.5.1 ADT^A04 messages (segments end in CR): PID-3 MRN typed MR, PID-7 DOB,
    /// PID-19 SSN, IN1-36 policy (member) number, IN2-2 insured's SSN, IN2-6 Medicare number.
    mutating func hl7Batch(name: String, messages: Int) -> Artifact {
        var doc = DocumentBuilder(format: "hl7")
        for (i, patient) in patients(messages).enumerated() {
            let stamp = recentDate().formatted(.hl7)
            doc.write("MSH|^~\\&|REGADT|RFC|HIS|RFC|\(stamp)0830||ADT^A04|MSG\(IdentifierForge.pad(i + 1, 5))|P|2.5.1\r")
            doc.write("EVN|A04|\(stamp)0830\r")
            doc.write("PID|1||")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("^^^RFC^MR||")
            doc.plant("name", "\(patient.family.uppercased())^\(patient.given.uppercased())", person: patient.id)
            doc.write("||")
            doc.plant("dob", patient.birth.formatted(.hl7), person: patient.id)
            doc.write("|\(patient.sex)|||\(patient.street)^^\(patient.city)^\(patient.state)^\(patient.zip)||")
            doc.record("address", "\(patient.street), \(patient.city), \(patient.state) \(patient.zip)", person: patient.id)
            doc.plant("phone", patient.phone.filter(\.isNumber), person: patient.id)  // PID-13, XTN
            doc.write("|||||")
            doc.write("A" + rng.digits(8) + "|")
            let tax = patient.taxID
            doc.plant(tax.type, tax.value.filter(\.isNumber), person: patient.id)
            doc.write("\rPV1|1|O|CLINIC^^^RFC\r")
            doc.write("IN1|1|" + rng.pick(["BC01", "SH02", "EV03"]) + "|" + rng.digits(5) + "|" + rng.pick(Self.plans))
            doc.write(String(repeating: "|", count: 4) + "GRP" + rng.digits(5))  // IN1-8 group number
            doc.write(String(repeating: "|", count: 28))
            doc.plant("member_id", patient.memberID, person: patient.id)
            doc.write("\rIN2|1|")
            doc.plant(tax.type, tax.value.filter(\.isNumber), person: patient.id)
            doc.write("||||")
            if let mbi = patient.mbi { doc.plant("mbi", mbi.filter { $0 != "-" }, person: patient.id) }
            doc.write("\r")
        }
        return doc.artifact(name: name)
    }

    /// A MySQL-style dump of a patients table.
    mutating func sqlDump(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "sql")
        doc.write("-- MySQL dump 10.13  Distrib 8.0.\(rng.int(20...35))\n-- Host: db01    Database: emr\n\n")
        doc.write("DROP TABLE IF EXISTS `patients`;\nCREATE TABLE `patients` (\n  `id` int NOT NULL AUTO_INCREMENT,\n")
        doc.write("  `mrn` char(8) NOT NULL,\n  `first_name` varchar(40),\n  `last_name` varchar(40),\n")
        doc.write("  `birth_date` date,\n  `ssn` char(11),\n  `member_id` varchar(20),\n  `mbi` char(11),\n")
        doc.write("  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n\nLOCK TABLES `patients` WRITE;\nINSERT INTO `patients` VALUES ")
        for (i, patient) in patients(rows).enumerated() {
            doc.write(i == 0 ? "\n(" : ",\n(")
            doc.write("\(i + 1),'")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("','")
            doc.write(patient.given + "','" + patient.family)
            doc.record("name", "\(patient.given) \(patient.family)", person: patient.id)  // first_name, last_name: one name
            doc.write("','")
            doc.plant("dob", patient.birth.formatted(.iso), person: patient.id)
            doc.write("','")
            doc.plantTaxID(of: patient)
            doc.write("','")
            doc.plant("member_id", patient.memberID, person: patient.id)
            doc.write("',")
            if let mbi = patient.mbi {
                doc.write("'")
                doc.plant("mbi", mbi.filter { $0 != "-" }, person: patient.id)
                doc.write("')")
            } else {
                doc.write("NULL)")
            }
        }
        doc.write(";\nUNLOCK TABLES;\n-- Dump completed on ")
        doc.write(recentDate().formatted(.iso) + " 02:00:0\(rng.int(0...9))\n")
        return doc.artifact(name: name)
    }

    /// A tab-separated roster saved as UTF-16LE with a byte-order mark, as Windows tools do.
    mutating func utf16Roster(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "utf16")
        doc.write("Name\tDate of Birth\tSSN\tMRN\r\n")
        for patient in patients(rows) {
            doc.plant("name", "\(patient.given) \(patient.family)", person: patient.id)
            doc.write("\t")
            doc.plant("dob", patient.birth.formatted(.us), person: patient.id)
            doc.write("\t")
            doc.plantTaxID(of: patient)
            doc.write("\t")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("\r\n")
        }
        var artifact = doc.artifact(name: name)
        artifact.bytes = [0xFF, 0xFE] + doc.text.utf16LittleEndian
        return artifact
    }
}

extension String {
    /// The string as UTF-16LE bytes, without a byte-order mark.
    public var utf16LittleEndian: [UInt8] { utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    func replacingDashes(with separator: Character) -> String { String(map { $0 == "-" ? separator : $0 }) }
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
