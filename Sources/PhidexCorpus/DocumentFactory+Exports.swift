// Structured exports as other systems write them, so the corpus does not teach one
// spelling: a JSON API export whose records spell their keys three ways, a FHIR
// bulk export (NDJSON) with identifiers typed by system or by type code only, an
// HL7 v2 ORU batch with LF segment ends, component phones and typed provider NPIs,
// and coded values (SNOMED CT, LOINC) that look like SSNs but are codes (decoys).

extension DocumentFactory {
    /// A nine-digit SNOMED CT-like concept code in SSN shape: a decoy for coded values.
    mutating func conceptCode() -> String {
        while true {
            let code = String(rng.int(100_000_000...665_999_999))
            let digits = Array(code.utf8)
            if digits[3...4] != [0x30, 0x30], digits[5...8] != [0x30, 0x30, 0x30, 0x30] { return code }
        }
    }

    /// A nine-digit number that is not an SSN: an order or claim number.
    mutating func otherNumber() -> String { String(rng.int(100_000_000...665_999_999)) }

    /// A middle initial, fixed per person.
    static func middleInitial(of person: SyntheticPerson) -> String {
        let letters = Array("ABCDEFGHJKLMNPRSTW")
        return String(letters[person.id % letters.count])
    }

    /// The ten digits of a person's phone.
    static func digits(of phone: String) -> (area: String, exchange: String, line: String) {
        let digits = phone.filter(\.isNumber)
        return (String(digits.prefix(3)), String(digits.dropFirst(3).prefix(3)), String(digits.suffix(4)))
    }

    /// A JSON array of patient records from an API export, each record spelling its keys one of
    /// three ways (snake_case, camelCase with nested objects, abbreviations).
    mutating func apiExportJSON(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "json")
        doc.write("[\n")
        for (i, p) in patients(rows).enumerated() {
            doc.write(i == 0 ? "  {" : ",\n  {")
            let tax = p.taxID
            let (area, exchange, line) = Self.digits(of: p.phone)
            let address = "\(p.street), \(p.city), \(p.state) \(p.zip)"
            switch Self.spelling(of: name + "#" + String(i), among: 3) {
            case 0:
                doc.write("\"mrn\": \"")
                doc.plant("mrn", p.mrn, person: p.id)
                doc.write("\", \"ssn\": \"")
                doc.plant(tax.type, tax.value, person: p.id)
                doc.write("\", \"dob\": \"")
                doc.plant("dob", p.birth.formatted(.iso), person: p.id)
                doc.write("\", \"first_name\": \"\(p.given)\", \"last_name\": \"\(p.family)\"")
                doc.record("name", "\(p.given) \(p.family)", person: p.id)
                doc.write(", \"phone\": \"")
                doc.plant("phone", "\(area)-\(exchange)-\(line)", person: p.id)
                doc.write("\", \"email\": \"")
                doc.plant("email", p.email, person: p.id)
                doc.write("\", \"address\": {\"street\": \"\(p.street)\", \"city\": \"\(p.city)\", \"state\": \"\(p.state)\", \"zip\": \"\(p.zip)\"}")
                doc.record("address", address, person: p.id)
                doc.write(", \"order_no\": \"")
                doc.decoy("order-number", imitates: "ssn", otherNumber())
                doc.write("\"}")
            case 1:
                doc.write("\"patientIdentifier\": \"")
                doc.plant("mrn", p.mrn, person: p.id)
                doc.write("\", \"socialSecurityNumber\": \"")
                doc.plant(tax.type, tax.value, person: p.id)
                doc.write("\", \"birthDate\": \"")
                doc.plant("dob", p.birth.formatted(.isoTime), person: p.id)
                doc.write("\", \"name\": {\"given\": \"\(p.given)\", \"family\": \"\(p.family)\"}")
                doc.record("name", "\(p.given) \(p.family)", person: p.id)
                doc.write(", \"homePhone\": \"")
                doc.plant("phone", "+1 \(area) \(exchange) \(line)", person: p.id)
                doc.write("\", \"emailAddress\": \"")
                doc.plant("email", p.email, person: p.id)
                doc.write("\", \"addr\": {\"line\": [\"\(p.street)\"], \"city\": \"\(p.city)\", \"state\": \"\(p.state)\", \"postalCode\": \"\(p.zip)-")
                doc.write(rng.digits(4) + "\"}")
                doc.record("address", address, person: p.id)
                doc.write(", \"invoiceNo\": \"")
                doc.decoy("invoice-number", imitates: "ssn", otherNumber())
                doc.write("\", \"beneficiaryNumber\": \"")
                doc.plant("member_id", p.memberID, person: p.id)
                doc.write("\"}")
            default:
                doc.write("\"pt_mrn\": \"")
                doc.plant("mrn", p.mrn, person: p.id)
                doc.write("\", \"soc_sec_no\": \"")
                doc.plant(tax.type, tax.value.filter(\.isNumber), person: p.id)
                doc.write("\", \"BirthDt\": \"")
                doc.plant("dob", p.birth.formatted(.us), person: p.id)
                doc.write("\", \"PatientName\": \"")
                doc.plant("name", "\(p.family), \(p.given) \(Self.middleInitial(of: p))", person: p.id)
                doc.write("\", \"cell\": \"")
                doc.plant("phone", "(\(area))\(exchange)-\(line)", person: p.id)
                doc.write("\", \"E-mail\": \"")
                doc.plant("email", p.email, person: p.id)
                doc.write("\", \"Street\": \"\(p.street)\", \"City\": \"\(p.city)\", \"State\": \"\(p.state)\", \"Zip\": \"\(p.zip)\"")
                doc.record("address", address, person: p.id)
                doc.write(", \"claim_number\": \"")
                doc.decoy("claim-number", imitates: "ssn", otherNumber())
                doc.write("\", \"Subscriber #\": \"")
                doc.plant("member_id", p.memberID, person: p.id)
                doc.write("\"}")
            }
        }
        doc.write("\n]\n")
        return doc.artifact(name: name)
    }

    /// A FHIR bulk export (NDJSON, one resource per line): Patients whose identifiers are typed
    /// by system (us-ssn) or by type code only (MR, SS, MC), with telecom, a name with a middle
    /// initial and an address; and Conditions and Observations with SNOMED CT and LOINC codes.
    mutating func fhirBulkNDJSON(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "ndjson")
        for p in patients(rows) {
            let tax = p.taxID
            let middle = Self.middleInitial(of: p)
            doc.write("{\"resourceType\":\"Patient\",\"id\":\"")
            doc.decoy("resource-id", imitates: "ssn", otherNumber())
            doc.write("\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\"")
            doc.plant("mrn", p.mrn, person: p.id)
            if tax.type == "ssn" && rng.chance(0.5) {
                doc.write("\"},{\"type\":{\"coding\":[{\"code\":\"SS\"}]},\"value\":\"")
            } else {
                doc.write("\"},{\"system\":\"http://hl7.org/fhir/sid/us-ssn\",\"value\":\"")
            }
            doc.plant(tax.type, tax.value, person: p.id)
            doc.write("\"}")
            if let mbi = p.mbi {
                doc.write(",{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MC\"}]},\"value\":\"")
                doc.plant("mbi", mbi.filter { $0 != "-" }, person: p.id)
                doc.write("\"}")
            }
            doc.write("],\"name\":[{\"use\":\"official\",\"family\":\"\(p.family)\",\"given\":[\"\(p.given)\",\"\(middle)\"]}]")
            doc.record("name", "\(p.given) \(middle) \(p.family)", person: p.id)
            doc.write(",\"telecom\":[{\"system\":\"phone\",\"value\":\"")
            let (area, exchange, line) = Self.digits(of: p.phone)
            doc.plant("phone", "tel:+1-\(area)-\(exchange)-\(line)", person: p.id)
            doc.write("\",\"use\":\"mobile\"},{\"system\":\"email\",\"value\":\"")
            doc.plant("email", p.email, person: p.id)
            doc.write("\"}],\"birthDate\":\"")
            doc.plant("dob", p.birth.formatted(.iso), person: p.id)
            doc.write("\",\"address\":[{\"line\":[\"\(p.street)\"],\"city\":\"\(p.city)\",\"state\":\"\(p.state)\",\"postalCode\":\"\(p.zip)\"}]}\n")
            doc.record("address", "\(p.street), \(p.city), \(p.state) \(p.zip)", person: p.id)
            doc.write("{\"resourceType\":\"Condition\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"")
            doc.decoy("snomed-code", imitates: "ssn", conceptCode())
            doc.write("\",\"display\":\"\(rng.pick(Self.diagnoses).0)\"}]},\"subject\":{\"reference\":\"Patient/\(p.id)\"}}\n")
            doc.write("{\"resourceType\":\"Observation\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8480-6\"}]},")
            doc.write("\"valueQuantity\":{\"value\":\(rng.int(100...160)),\"unit\":\"mm[Hg]\"},\"subject\":{\"reference\":\"Patient/\(p.id)\"}}\n")
        }
        return doc.artifact(name: name)
    }

    /// HL7 v2 ORU^R01 results with LF segment ends: PID with identifiers typed MR and SS, a
    /// middle initial, a timestamped birth date and an XTN phone in components; NK1 next of kin;
    /// ORC-12 and OBR-16 providers typed NPI; OBR-4 and OBX-5 coded with SNOMED CT (decoys).
    mutating func oruBatch(name: String, messages: Int) -> Artifact {
        var doc = DocumentBuilder(format: "hl7")
        for (i, p) in patients(messages).enumerated() {
            let kin = patients(1)[0]
            let provider = provider()
            let tax = p.taxID
            let stamp = recentDate().formatted(.hl7)
            doc.write("MSH|^~\\&|LAB|RFC|EHR|RFC|\(stamp)1200||ORU^R01^ORU_R01|")
            doc.decoy("control-id", imitates: "ssn", otherNumber())
            doc.write("|P|2.5.1\nPID|1||")
            doc.plant("mrn", p.mrn, person: p.id)
            doc.write("^^^RFC^MR~")
            doc.plant(tax.type, tax.value.filter(\.isNumber), person: p.id)
            doc.write("^^^SSA^SS||\(p.family.uppercased())^\(p.given.uppercased())^\(Self.middleInitial(of: p))||")
            doc.record("name", "\(p.given) \(Self.middleInitial(of: p)) \(p.family)", person: p.id)
            doc.plant("dob", p.birth.formatted(.hl7Time), person: p.id)
            doc.write("|\(p.sex)|||\(p.street)^^\(p.city)^\(p.state)^\(p.zip)^USA^H||")
            doc.record("address", "\(p.street), \(p.city), \(p.state) \(p.zip)", person: p.id)
            // XTN: the number as written, then again in its components (country, area, local).
            let (area, exchange, line) = Self.digits(of: p.phone)
            doc.plant("phone", "(\(area))\(exchange)-\(line)", person: p.id)
            doc.write("^PRN^PH^^1^\(area)^\(exchange)\(line)")
            doc.write("\nNK1|1|\(kin.family.uppercased())^\(kin.given.uppercased())|SPO^Spouse^HL70063||")
            doc.record("name", "\(kin.given) \(kin.family)", person: kin.id)
            doc.plant("phone", kin.phone, person: kin.id)
            doc.write("\nORC|RE|\(rng.digits(8))|\(rng.digits(8))||CM||||\(stamp)|||")
            let (family, given) = (provider.name.split(separator: " ").last.map(String.init) ?? "", provider.name.split(separator: " ").dropFirst().first.map(String.init) ?? "")
            doc.plant("npi", provider.npi)
            doc.write("^\(family.uppercased())^\(given.uppercased())^^^^^^NPI&2.16.840.1.113883.4.6&ISO^L^^^NPI\nOBR|1|\(rng.digits(8))||")
            doc.decoy("snomed-code", imitates: "ssn", conceptCode())
            doc.write("^Panel^SCT|||\(stamp)1100|||||||||")
            doc.plant("npi", provider.npi)
            doc.write("^\(family.uppercased())^\(given.uppercased())\nOBX|1|CWE|")
            doc.decoy("snomed-code", imitates: "ssn", conceptCode())
            doc.write("^Finding^SCT||")
            doc.decoy("snomed-code", imitates: "ssn", conceptCode())
            doc.write("^\(rng.pick(Self.diagnoses).0)^SCT||||||F\nOBX|2|NM|8480-6^Systolic blood pressure^LN||\(rng.int(100...160))|mm[Hg]|||||F\n")
            if i + 1 == messages { break }
        }
        return doc.artifact(name: name)
    }
}
