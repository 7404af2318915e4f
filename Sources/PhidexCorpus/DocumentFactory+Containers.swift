// The containers a breach leaves open, as generated files: a staff workstation's
// disk (a fixed VHD with a FAT16 volume) holding a workbook, a letter, an export,
// a zip, a PDF and a note, and a practice system's FoxPro table with its memo
// file. Outlook PST and Access databases are not generated (no writer here); the
// tests read published samples of them when present.

extension DocumentFactory {
    /// A workstation's disk image: `members` (each named by its path on the volume) in `p1/`.
    mutating func workstationVHD(name: String, members: [Artifact]) -> Artifact {
        let placed = members.map { member -> Artifact in
            var copy = member
            copy.name = "p1/" + member.name
            return copy
        }
        let id = (0..<16).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let bytes = DiskImageBuilder.fixedVHD(files: members.map { ($0.name, $0.bytes) }, uniqueID: id)
        return Artifact(name: name, format: "vhd", bytes: bytes, entries: Artifact.entries(of: placed, in: "vhd"))
    }

    /// A practice system's patient table (FoxPro .dbf) and its memo file (.fpt), whose memos are
    /// call notes naming the patient's number and SSN. The memo file's own plants are those of the
    /// notes: read alone, it is text in binary blocks.
    mutating func practiceDBF(name: String, memoName: String, rows: Int) -> (table: Artifact, memo: Artifact) {
        var table = DocumentBuilder(format: "dbf")
        var memo = DocumentBuilder(format: "fpt")
        var writer = DBFWriter(fields: [
            .character("PAT_NO", width: 8), .character("LAST_NAME", width: 20), .character("FIRST_NAME", width: 16),
            .date("BIRTH_DATE"), .character("SSN", width: 11), .character("HOME_PHONE", width: 14),
            .character("INS_MEMBER", width: 14), .memo("NOTES"),
        ])
        for patient in patients(rows) {
            let tax = patient.taxID
            table.record("mrn", patient.mrn, person: patient.id)
            table.record("name", "\(patient.given) \(patient.family)", person: patient.id)
            table.record("dob", patient.birth.formatted(.hl7), person: patient.id)  // as the D field stores it
            table.record(tax.type, tax.value, person: patient.id)
            table.record("phone", patient.phone, person: patient.id)
            table.record("member_id", patient.memberID, person: patient.id)
            let note = "Called about refill; Chart #: \(patient.mrn) verified, SSN \(tax.value) on file."
            memo.record("mrn", patient.mrn, person: patient.id)
            memo.record(tax.type, tax.value, person: patient.id)
            writer.append([
                patient.mrn, patient.family, patient.given, patient.birth.formatted(.hl7), tax.value, patient.phone,
                patient.memberID, note,
            ])
        }
        var tableArtifact = table.artifact(name: name)
        tableArtifact.bytes = writer.table
        var memoArtifact = memo.artifact(name: memoName)
        memoArtifact.bytes = writer.memoFile
        return (tableArtifact, memoArtifact)
    }
}
