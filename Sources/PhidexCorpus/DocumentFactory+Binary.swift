// A raw disk image: binary sectors with patient records left in free space, some
// as ASCII and some as UTF-16LE (as Windows programs write them). Carving finds them.

extension DocumentFactory {
    mutating func diskImage(name: String, megabytes: Int) -> Artifact {
        let sector = 4096
        var bytes = [UInt8](repeating: 0, count: megabytes << 20)
        var entries: [TruthEntry] = []
        // A boot-sector-like header and random "used" blocks.
        bytes.replaceSubrange(0..<4, with: Array("PHDX".utf8))
        for block in stride(from: sector, to: bytes.count, by: sector) where rng.chance(0.35) {
            for i in block..<(block + sector) { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
        }
        let records = max(4, megabytes * 6)
        for (i, patient) in patients(records).enumerated() {
            var doc = DocumentBuilder(format: "disk-image")
            doc.write("PATIENT|\(patient.family)|\(patient.given)|")
            doc.plantTaxID(of: patient)
            doc.write("|")
            doc.plant("dob", patient.birth.formatted(.iso), person: patient.id)
            doc.write("|")
            doc.plant("mrn", patient.mrn, person: patient.id)
            doc.write("|\n")
            let utf16 = i % 3 == 2
            let encoded: [UInt8] = utf16
                ? doc.text.utf16LittleEndian
                : Array(doc.text.utf8)
            let block = 1 + (i * (bytes.count / sector - 2)) / records
            let at = block * sector + 512
            bytes.replaceSubrange(at..<(at + encoded.count), with: encoded)
            // The surrounding bytes of a record's sector are zero (free space), not random.
            for j in (block * sector)..<at { bytes[j] = 0 }
            for j in (at + encoded.count)..<((block + 1) * sector) { bytes[j] = 0 }
            entries += doc.entries
        }
        return Artifact(name: name, format: "disk-image", bytes: bytes, entries: entries)
    }
}
