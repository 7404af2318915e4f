// The bulk of a real share: source code, configuration, prose and logs. They hold
// the decoys — numbers that look like identifiers and are not — and, in logs, the
// occasional leaked identifier, as application logs do.

extension DocumentFactory {
    static let nouns = ["invoice", "session", "report", "cache", "queue", "ledger", "schedule", "upload", "profile", "batch"]
    static let verbs = ["load", "parse", "render", "sync", "merge", "flush", "validate", "export", "resolve", "retry"]
    static let prose = [
        "The quarterly review covered staffing, the new scheduling system and the parking changes.",
        "All staff must complete the annual privacy training before the end of the month.",
        "The server room migration is planned for the long weekend; expect short outages.",
        "Minutes were approved without changes. Action items are listed below.",
        "Budget figures are preliminary and will be revised after the audit.",
        "Please keep shared folders tidy: archive anything older than two years.",
    ]

    /// A source file in one of four languages, with constants that look like identifiers.
    mutating func sourceFile(name: String) -> Artifact {
        let ext = String(name.split(separator: ".").last ?? "py")
        var doc = DocumentBuilder(format: "code")
        let (noun, verb) = (rng.pick(Self.nouns), rng.pick(Self.verbs))
        let comment = ext == "py" ? "#" : "//"
        doc.write("\(comment) \(noun) helpers: \(verb) and friends.\n\(comment) Build ")
        doc.decoy("version", imitates: "ssn", IdentifierForge.versionString(&rng))
        doc.write("\n\n")
        for _ in 0..<rng.int(3...8) {
            let fn = rng.pick(Self.verbs) + rng.pick(Self.nouns).capitalizedFirst
            switch ext {
            case "py":
                doc.write("def \(fn)(items, ratio=")
                doc.decoy("decimal", imitates: "ssn", IdentifierForge.decimalFraction(&rng))
                doc.write("):\n    total = 0\n    for item in items:\n        total += item.weight * ratio\n    return total\n\n")
            case "swift":
                doc.write("func \(fn)(_ values: [Double]) -> Double {\n    let scale = ")
                doc.decoy("decimal", imitates: "ssn", IdentifierForge.decimalFraction(&rng))
                doc.write("\n    return values.reduce(0, +) * scale\n}\n\n")
            case "js":
                doc.write("export function \(fn)(rows) {\n  const key = \"")
                doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
                doc.write("\";\n  return rows.filter((r) => r.key === key);\n}\n\n")
            default:
                doc.write("static int \(fn)(const char *s) {\n    /* sha256 ")
                doc.decoy("hash", imitates: "ssn", IdentifierForge.hexDigest(&rng))
                doc.write(" */\n    return s ? (int)strlen(s) : 0;\n}\n\n")
            }
        }
        return doc.artifact(name: name)
    }

    /// A unit-test file for validators: never-issued SSNs, forbidden MBI letters,
    /// Luhn-failing NPIs and card numbers, all meant to be rejected.
    mutating func validatorTests(name: String) -> Artifact {
        var doc = DocumentBuilder(format: "code")
        doc.write("import pytest\nfrom billing.validators import is_valid_ssn, is_valid_mbi, is_valid_npi, is_card\n\n")
        doc.write("INVALID_SSNS = [\n")
        for _ in 0..<4 {
            doc.write("    \"")
            doc.decoy("never-issued-ssn", imitates: "ssn", IdentifierForge.neverIssuedSSN(&rng))
            doc.write("\",\n")
        }
        doc.write("]\n\nINVALID_MBIS = [\"")
        doc.decoy("mbi-forbidden-letter", imitates: "mbi", IdentifierForge.mbiWithForbiddenLetter(&rng))
        doc.write("\", \"")
        doc.decoy("mbi-forbidden-letter", imitates: "mbi", IdentifierForge.mbiWithForbiddenLetter(&rng))
        doc.write("\"]\nBAD_LUHN_NPIS = [\"")
        doc.decoy("npi-bad-luhn", imitates: "npi", IdentifierForge.npiFailingLuhn(&rng))
        doc.write("\", \"")
        doc.decoy("npi-bad-luhn", imitates: "npi", IdentifierForge.npiFailingLuhn(&rng))
        doc.write("\"]\nTEST_CARD = \"")
        doc.decoy("card", imitates: "npi", IdentifierForge.cardNumber(&rng))
        doc.write("\"\n\n\n@pytest.mark.parametrize(\"value\", INVALID_SSNS)\ndef test_rejects_never_issued(value):\n")
        doc.write("    assert not is_valid_ssn(value)\n\n\ndef test_card_is_not_an_ssn():\n    assert is_card(TEST_CARD)\n")
        return doc.artifact(name: name)
    }

    /// A YAML, INI or JSON configuration file.
    mutating func configFile(name: String) -> Artifact {
        var doc = DocumentBuilder(format: "config")
        if name.hasSuffix(".json") {
            doc.write("{\n  \"name\": \"\(rng.pick(Self.nouns))-worker\",\n  \"version\": \"")
            doc.decoy("version", imitates: "ssn", IdentifierForge.versionString(&rng))
            doc.write("\",\n  \"deploymentId\": \"")
            doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
            doc.write("\",\n  \"createdAt\": ")
            doc.decoy("timestamp", imitates: "ssn", IdentifierForge.unixTimestamp(&rng))
            doc.write(",\n  \"retry\": { \"attempts\": \(rng.int(1...9)), \"jitter\": ")
            doc.decoy("decimal", imitates: "ssn", IdentifierForge.decimalFraction(&rng))
            doc.write(" },\n  \"artifactSha256\": \"")
            doc.decoy("hash", imitates: "ssn", IdentifierForge.hexDigest(&rng))
            doc.write("\"\n}\n")
        } else if name.hasSuffix(".ini") {
            doc.write("[server]\nhost = app\(rng.int(1...9)).internal.example\nport = \(rng.int(1024...65000))\n")
            doc.write("session_timeout = \(rng.int(5...60))m\n\n[release]\nversion = ")
            doc.decoy("version", imitates: "ssn", IdentifierForge.versionString(&rng))
            doc.write("\nbuilt = ")
            doc.decoy("timestamp", imitates: "ssn", IdentifierForge.unixTimestamp(&rng))
            doc.write("\n")
        } else {
            doc.write("service: \(rng.pick(Self.nouns))-api\nreplicas: \(rng.int(1...6))\nimage:\n  tag: \"")
            doc.decoy("version", imitates: "ssn", IdentifierForge.versionString(&rng))
            doc.write("\"\n  digest: sha256:")
            doc.decoy("hash", imitates: "ssn", IdentifierForge.hexDigest(&rng))
            doc.write("\ninstance_id: ")
            doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
            doc.write("\nsampling_rate: ")
            doc.decoy("decimal", imitates: "ssn", IdentifierForge.decimalFraction(&rng))
            doc.write("\nsupport_phone: \"")
            doc.decoy("nine-digit-phone", imitates: "ssn", IdentifierForge.ninedigitPhone(&rng))
            doc.write("\"\n")
        }
        return doc.artifact(name: name)
    }

    /// Meeting notes or a policy: prose, with dates that are not birth dates.
    mutating func proseFile(name: String) -> Artifact {
        var doc = DocumentBuilder(format: "prose")
        doc.write("# \(rng.pick(Self.nouns).capitalizedFirst) \(rng.pick(["meeting notes", "policy", "runbook", "announcement"]))\n\n")
        for _ in 0..<rng.int(4...12) {
            doc.write(rng.pick(Self.prose) + " ")
            if rng.chance(0.2) {
                doc.write("Invoice date: ")
                doc.decoy("invoice-date", imitates: "dob", recentDate().formatted(.us))
                doc.write(". ")
            }
            if rng.chance(0.2) { doc.write("\n\n") }
        }
        doc.write("\n\nPrinted on ")
        doc.decoy("printed-date", imitates: "dob", recentDate().formatted(.longForm))
        doc.write(".\n")
        return doc.artifact(name: name)
    }

    /// An application log: mostly timestamps, request ids and order numbers, with a
    /// few lines that leak a patient's identifiers.
    mutating func applicationLog(name: String, lines: Int) -> Artifact {
        var doc = DocumentBuilder(format: "log")
        let day = recentDate().formatted(.iso)
        for i in 0..<lines {
            let time = "\(day)T\(IdentifierForge.pad(i * 24 / max(lines, 1), 2)):\(IdentifierForge.pad(rng.int(0...59), 2)):\(IdentifierForge.pad(rng.int(0...59), 2)).\(rng.digits(3))Z"
            doc.write(time + " ")
            switch rng.int(0...19) {
            case 0:
                let patient = patients(1)[0]
                doc.write("WARN  eligibility lookup failed member_id=")
                doc.plant("member_id", patient.memberID, person: patient.id)
                doc.write(" ssn=")
                doc.plantTaxID(of: patient, bare: true)
                doc.write(" dob=")
                doc.plant("dob", patient.birth.formatted(.iso), person: patient.id)
            case 1...4:
                doc.write("INFO  order accepted order_id=")
                doc.decoy("order-number", imitates: "ssn", IdentifierForge.orderNumber(&rng))
                doc.write(" ship_zip=")
                doc.decoy("zip+4", imitates: "ssn", IdentifierForge.zipPlus4(&rng))
            case 5...7:
                doc.write("INFO  payment routed routing=")
                doc.decoy("routing", imitates: "ssn", IdentifierForge.routingNumber(&rng))
                doc.write(" epoch=")
                doc.decoy("timestamp", imitates: "ssn", IdentifierForge.unixTimestamp(&rng))
            default:
                doc.write("INFO  request id=")
                doc.decoy("uuid", imitates: "ssn", IdentifierForge.uuid(&rng))
                doc.write(" status=200 latency=")
                doc.decoy("decimal", imitates: "ssn", IdentifierForge.decimalFraction(&rng))
                doc.write("s")
            }
            doc.write("\n")
        }
        return doc.artifact(name: name)
    }

    /// A vendor list from finance: phone, routing and account numbers, no PHI at all.
    mutating func vendorCSV(name: String, rows: Int) -> Artifact {
        var doc = DocumentBuilder(format: "csv")
        doc.write("vendor,phone,routing_number,account_number,remit_zip,invoice_date,amount,card_on_file\n")
        for _ in 0..<rows {
            doc.write("\(rng.pick(Self.nouns).capitalizedFirst) \(rng.pick(["Supply", "Services", "Labs", "Partners"])),")
            doc.decoy("business-phone", imitates: "phone", IdentifierForge.phone(&rng))
            doc.write(",")
            doc.decoy("routing", imitates: "ssn", IdentifierForge.routingNumber(&rng))
            doc.write(",")
            doc.decoy("account-number", imitates: "ssn", IdentifierForge.orderNumber(&rng))
            doc.write(",")
            doc.decoy("zip+4", imitates: "ssn", IdentifierForge.zipPlus4(&rng))
            doc.write(",")
            doc.decoy("invoice-date", imitates: "dob", recentDate().formatted(.iso))
            doc.write(",\(rng.int(10...9000)).\(rng.digits(2)),")
            doc.decoy("card", imitates: "npi", IdentifierForge.cardNumber(&rng))
            doc.write("\n")
        }
        return doc.artifact(name: name)
    }
}
