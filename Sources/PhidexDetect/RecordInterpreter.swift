// What a closed record (a JSON object, an XML element with children) says, read
// the way FHIR defines its data types and, for any other keyed export, by what its
// keys' words name (FieldVocabulary):
//   - Identifier: `value` typed by `system` (us-ssn, us-npi, us-mbi, OIDs) or by
//     `type.coding.code` (HL7 table 0203: MR, SS, MB, MC, MA, ...);
//   - ContactPoint (`telecom`): `value` by `system` (phone, fax, sms, pager, email);
//   - HumanName (`name`): given and family parts as one name;
//   - Address (`address`): line, city, state and postal code as one address;
//   - any other key: by its words (`birthDate`, `subscriberId`, `pt_mrn`, `order_no`).
// People's telecom, names and addresses count for people resources (Patient,
// RelatedPerson, Person) and keyed exports without a resource type; a Practitioner's
// or an Organization's are business contacts.

import PhidexCore

struct RecordInterpreter {
    let policy: StructurePolicy
    let values: FieldValues
    /// What key names were found to name, for this stream: records repeat their keys.
    let names: FieldNames

    /// Resources whose names, contacts and addresses are a person's private data.
    static let people: Set<String> = ["Patient", "RelatedPerson", "Person"]

    /// Keys whose value is always a code or a reference, never an identifier.
    static let codeKeys: Set<String> = ["code", "system", "display", "version", "unit", "reference", "url", "fullUrl", "profile", "status", "use"]

    /// Reads a closed record. `direct` says whether it is a member of the resource itself
    /// (`Patient.identifier`), not of something the resource refers to (`Coverage.payor.identifier`).
    func close(_ frame: RecordFrame, resource: String?, direct: Bool = true, how: String, into output: inout StructureOutput) {
        var used = Set<Int>()
        let personal = resource.map { Self.people.contains($0) } ?? true
        func index(_ key: String) -> Int? { frame.scalars.firstIndex { $0.key == key } }
        func report(_ kind: FieldKind?, _ scalar: RecordScalar, _ reason: String) {
            output.claim(scalar.span)
            if let kind, let match = values.match(kind, scalar.text, span: scalar.span, how: reason) { output.matches.append(match) }
        }

        // Identifier.
        if let v = index("value"), index("system") != nil || !frame.typeCodes.isEmpty || frame.key == "identifier" {
            let system = frame.scalar("system")?.text
            var kind = system.flatMap(policy.system)
            if kind == nil { kind = frame.typeCodes.lazy.compactMap { policy.typeCodes[$0.uppercased()] }.first }
            if kind == nil, direct, frame.key == "identifier" || frame.key == "subscriberId" {
                switch resource {
                case "Patient"?: kind = .identifier(.mrn)
                case "Coverage"?: kind = .identifier(.memberID)
                default: break
                }
            }
            if frame.key == "telecom" {
                kind = nil  // a ContactPoint, below
            } else {
                let reason = "\(how) identifier" + (system.map { " of system \($0)" } ?? frame.typeCodes.first.map { " typed \($0)" } ?? "")
                report(kind, frame.scalars[v], reason)
                used.insert(v)
            }
        }
        // ContactPoint.
        if frame.key == "telecom", let v = index("value") {
            let system = frame.scalar("system")?.text.lowercased()
            var kind: FieldKind? = nil
            switch system {
            case "phone"?, "fax"?, "sms"?, "pager"?: kind = .identifier(.phone)
            case "email"?: kind = .identifier(.email)
            case nil:
                let text = frame.scalars[v].text.lowercased()
                kind = text.hasPrefix("mailto:") || text.contains("@") ? .identifier(.email) : .identifier(.phone)
            default: break
            }
            report(personal ? kind : nil, frame.scalars[v], "\(how) telecom" + (system.map { " of system \($0)" } ?? ""))
            used.insert(v)
        }
        // HumanName (FHIR's given and family; an export's First, Middle, Last): one name.
        if Self.nameObjects.contains(frame.key.lowercased()) {
            let roles = frame.scalars.indices.compactMap { i in Self.namePart(frame.scalars[i].key).map { (i, $0) } }
            let text = frame.scalar("text")
            if !roles.isEmpty {
                let ordered = roles.sorted { $0.1 < $1.1 }.map(\.0)
                let whole = ordered.map { frame.scalars[$0].text }.joined(separator: " ")
                for (part, _) in roles { output.claim(frame.scalars[part].span); used.insert(part) }
                let anchor = frame.scalars[roles.first { $0.1 == 2 }?.0 ?? roles[0].0]
                if personal, let match = values.match(.identifier(.name), whole, span: anchor.span, how: "\(how) name (given and family)") {
                    output.matches.append(match)
                }
                if let t = index("text") { output.claim(frame.scalars[t].span); used.insert(t) }
            } else if let text, let t = index("text") {
                report(personal ? .identifier(.name) : nil, text, "\(how) name text")
                used.insert(t)
            }
        }
        // Address (FHIR's line, city, state, postalCode; C-CDA's streetAddressLine; an export's
        // Street, City, State, Zip): one address.
        if Self.addressObjects.contains(frame.key.lowercased()) {
            let roles = frame.scalars.indices.compactMap { i in Self.addressPart(frame.scalars[i].key).map { (i, $0) } }
            for (part, _) in roles { output.claim(frame.scalars[part].span); used.insert(part) }
            func first(_ role: AddressPart) -> String? { roles.first { $0.1 == role }.map { frame.scalars[$0.0].text } }
            let lines = roles.filter { $0.1 == .line }.map { frame.scalars[$0.0] }
            if let start = lines.first ?? roles.first(where: { $0.1 == .text }).map({ frame.scalars[$0.0] }) {
                let whole = lines.isEmpty ? start.text : Self.address(lines: lines.map(\.text), city: first(.city), state: first(.state), zip: first(.zip))
                if personal, let match = values.match(.identifier(.address), whole, span: start.span, how: "\(how) address") {
                    output.matches.append(match)
                }
            }
        }
        generic(frame, skipping: used, personal: personal, how: how, into: &output)
    }

    /// Scalars named by their keys' words.
    private func generic(_ frame: RecordFrame, skipping used: Set<Int>, personal: Bool, how: String, into output: inout StructureOutput) {
        var kinds: [FieldKind?] = frame.scalars.map { Self.codeKeys.contains($0.key) ? .other : names.kind($0.key) }
        // A plain `name` beside SSN, birth date or record number keys is a person's name.
        let listsPeople = kinds.contains { kind in
            if case .identifier(let type)? = kind { return [.ssn, .dob, .mrn, .memberID, .mbi].contains(type) }
            return false
        }
        var firstLast: [Int] = []
        for (i, scalar) in frame.scalars.enumerated() where !used.contains(i) {
            if kinds[i] == nil, listsPeople, ["name", "fullname", "full_name"].contains(scalar.key.lowercased()) { kinds[i] = .identifier(.name) }
            guard let kind = kinds[i] else { continue }
            switch kind {
            case .other:
                output.claim(scalar.span)
            case .identifier(.address):
                output.claim(scalar.span)
                guard personal else { continue }
                let around = { (word: String) in
                    frame.scalars.first { self.names.words($0.key).contains(word) }?.text
                }
                let whole = Self.address(lines: [scalar.text], city: around("city"), state: around("state"), zip: around("zip"))
                if let match = values.match(kind, whole, span: scalar.span, how: "\(how) key '\(scalar.key)'") { output.matches.append(match) }
            case .identifier(.name):
                let words = names.words(scalar.key)
                if words.contains("first") || words.contains("last") || words.contains("given") || words.contains("family") || words.contains("middle") {
                    firstLast.append(i)
                    continue
                }
                output.claim(scalar.span)
                if personal, let match = values.match(kind, scalar.text, span: scalar.span, how: "\(how) key '\(scalar.key)'") {
                    output.matches.append(match)
                }
            case .identifier(.phone), .identifier(.email):
                output.claim(scalar.span)
                if personal, let match = values.match(kind, scalar.text, span: scalar.span, how: "\(how) key '\(scalar.key)'") {
                    output.matches.append(match)
                }
            case .identifier(.dob):
                // A Practitioner's or an Organization contact's birth date is not a patient's.
                output.claim(scalar.span)
                if personal, let match = values.match(kind, scalar.text, span: scalar.span, how: "\(how) key '\(scalar.key)'") {
                    output.matches.append(match)
                }
            default:
                output.claim(scalar.span)
                if let match = values.match(kind, scalar.text, span: scalar.span, how: "\(how) key '\(scalar.key)'") {
                    output.matches.append(match)
                }
            }
        }
        // first_name, middle_name and last_name of one record: one name.
        if !firstLast.isEmpty, personal {
            let order = { (i: Int) -> Int in
                let words = self.names.words(frame.scalars[i].key)
                return words.contains("first") || words.contains("given") ? 0 : words.contains("middle") ? 1 : 2
            }
            let sorted = firstLast.sorted { order($0) < order($1) }
            for i in sorted { output.claim(frame.scalars[i].span) }
            let whole = sorted.map { frame.scalars[$0].text }.joined(separator: " ")
            let anchor = frame.scalars[sorted.last!]
            if let match = values.match(.identifier(.name), whole, span: anchor.span, how: "\(how) name keys") { output.matches.append(match) }
        }
    }

    /// Keys (lowercased) of objects that hold a person's name in parts.
    static let nameObjects: Set<String> = ["name", "patientname", "patient_name", "fullname", "full_name", "personname", "legalname"]
    /// Keys (lowercased) of objects that hold an address in parts.
    static let addressObjects: Set<String> = ["address", "addr", "homeaddress", "home_address", "mailingaddress", "mailing_address", "residence"]

    /// A name part's order (0 given or first, 1 middle, 2 family or last), by its key.
    static func namePart(_ key: String) -> Int? {
        switch key.lowercased() {
        case "given", "first", "firstname", "first_name", "givenname", "given_name", "fname": 0
        case "middle", "middlename", "middle_name", "mi", "middleinitial", "middle_initial": 1
        case "family", "last", "lastname", "last_name", "surname", "familyname", "family_name", "lname": 2
        default: nil
        }
    }

    enum AddressPart: Equatable { case line, city, state, zip, other, text }

    /// An address part, by its key.
    static func addressPart(_ key: String) -> AddressPart? {
        switch key.lowercased() {
        case "line", "line1", "line2", "streetaddressline", "street", "street1", "street2", "address1", "address2", "addressline1",
            "address_line_1", "addressline2", "address_line_2", "streetaddress", "street_address":
            .line
        case "city", "town", "locality": .city
        case "state", "province", "region", "st": .state
        case "postalcode", "postal_code", "zip", "zipcode", "zip_code", "postcode": .zip
        case "district", "county", "country", "use", "type": .other
        case "text": .text
        default: nil
        }
    }

    /// `12 Elm St, Springfield, IL 62704`.
    static func address(lines: [String], city: String?, state: String?, zip: String?) -> String {
        var text = lines.filter { !$0.isEmpty }.joined(separator: ", ")
        if let city, !city.isEmpty { text += ", " + city }
        if let state, !state.isEmpty { text += ", " + state }
        if let zip, !zip.isEmpty { text += " " + zip }
        return text
    }
}
