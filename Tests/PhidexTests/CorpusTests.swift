// The synthetic corpus: deterministic, true to its manifest, covering every format
// issue 3 lists, with identifiers that pass their checks and decoys that fail them.
// The committed sample under Corpus/ must be exactly what the generator makes.

import Foundation
import PhidexCorpus
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct CorpusTests {
    static let built = try! CorpusGenerator(seed: 1, scale: 1).build()

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Files whose bytes change on every build: ZipCrypto headers are random by design.
    static func isEncrypted(_ path: String) -> Bool { path.hasPrefix("hr/payroll-protected") }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let again = try CorpusGenerator(seed: 1, scale: 1).build()
        #expect(again.manifest.entries == Self.built.manifest.entries)
        #expect(again.files.count == Self.built.files.count)
        for (a, b) in zip(Self.built.files, again.files) where !Self.isEncrypted(a.path) {
            #expect(a.path == b.path && a.artifact.bytes == b.artifact.bytes, "\(a.path) differs between two builds")
        }
        let other = try CorpusGenerator(seed: 2, scale: 1).build()
        #expect(other.manifest.plants.map(\.value) != Self.built.manifest.plants.map(\.value))
    }

    @Test func committedSampleIsTheGeneratorsOutput() throws {
        let corpus = Self.repository.appendingPathComponent("Corpus").path
        let committed = try CorpusManifest.read(corpus: corpus)
        #expect(committed.header.seed == 1 && committed.header.scale == 1)
        #expect(
            committed.entries == Self.built.manifest.entries,
            "Corpus/ is stale: run `swift run phidex corpus generate Corpus --seed 1 --scale 1 --force`")
        for file in Self.built.files where !Self.isEncrypted(file.path) {
            let bytes = FileManager.default.contents(atPath: corpus + "/share/" + file.path).map(Array.init)
            #expect(bytes == file.artifact.bytes, "Corpus/share/\(file.path) differs from the generator's output")
        }
    }

    @Test func coversEveryFormatAndCase() {
        let manifest = Self.built.manifest
        let formats = Set(manifest.files.map(\.format))
        for format in [
            "note", "csv", "json", "xml", "html", "hl7", "eml", "docx", "xlsx", "sql", "log", "utf16", "disk-image",
            "code", "config", "prose", "zip", "tar", "tar.gz", "gz", "pdf", "sqlite", "dicom", "pptx", "odt", "ods", "mbox",
            "vhd", "dbf", "fpt",
        ] {
            #expect(formats.contains(format), "no \(format) file in the corpus")
        }
        let containers = Set(manifest.plants.map(\.container))
        for container in ["loose", "zip", "tar", "tar.gz", "gz", "eml", "zip>tar.gz>zip", "vhd", "vhd>zip"] {
            #expect(containers.contains(container), "no identifier planted in \(container)")
        }
        let types = Set(manifest.plants.compactMap(\.type))
        #expect(types.isSuperset(of: ["ssn", "itin", "mrn", "dob", "mbi", "hicn", "npi", "dea", "member_id"]))
        let decoys = Set(manifest.decoys.compactMap(\.decoy))
        #expect(decoys.isSuperset(of: [
            "never-issued-ssn", "nine-digit-phone", "zip+4", "order-number", "routing", "version", "decimal",
            "invoice-date", "service-date", "printed-date", "mbi-forbidden-letter", "npi-bad-luhn", "card", "uuid",
            "hash", "timestamp",
        ]))
        let expected = Set(manifest.files.compactMap(\.expect))
        #expect(expected == ["encrypted", "limit"])
        let deepest = manifest.files.map { $0.path.split(separator: "!").count - 1 }.max() ?? 0
        #expect(deepest >= CorpusGenerator.deepNesting)
        // Benign files make up most of the tree.
        let loose = manifest.files.filter { !$0.path.contains("!") }
        let benign = loose.filter { ["code", "config", "prose"].contains($0.format) }
        #expect(benign.count * 2 > loose.count)
    }

    @Test func everyPlantAndDecoyIsWrittenWhereTheManifestSays() throws {
        let bytesByPath = Dictionary(uniqueKeysWithValues: Self.built.files.map { ($0.path, $0.artifact.bytes) })
        var checked = 0
        for entry in Self.built.manifest.entries where entry.kind != .file && !entry.path.contains("!") {
            let value = try #require(entry.value)
            let bytes = try #require(bytesByPath[entry.path])
            let needle: [UInt8]
            switch entry.format {
            case "utf16": needle = value.utf16LittleEndian
            case "eml", "docx", "xlsx", "pptx", "odt", "ods", "mbox": continue  // encoded or zipped: checked by extraction later
            default: needle = Array(value.utf8)
            }
            var found = entry.format == "disk-image"
                ? contains(bytes, needle) || contains(bytes, value.utf16LittleEndian)
                : contains(bytes, needle)
            // A name or an address a structure writes in parts (FHIR's family and given, C-CDA's
            // addr, HL7's XPN and XAD, first and last name columns) is planted whole: every one of
            // its words is written, in any case.
            if !found, ["name", "address"].contains(entry.type ?? ""), !["utf16", "disk-image"].contains(entry.format) {
                let lowered = Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
                found = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).allSatisfy { contains(lowered, Array($0.utf8)) }
            }
            #expect(found, "\(entry.kind) of \(entry.type ?? "") not in \(entry.path)")
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test func identifiersPassTheirChecksAndDecoysFailThem() {
        let plants = Self.built.manifest.plants
        let decoys = Self.built.manifest.decoys
        for ssn in plants.filter({ $0.type == "ssn" }).compactMap(\.value) {
            let digits = ssn.filter(\.isNumber).compactMap(\.wholeNumberValue)
            let area = digits[0] * 100 + digits[1] * 10 + digits[2]
            #expect(digits.count == 9 && area != 0 && area != 666 && area < 900, "bad SSN area")
            #expect(digits[3] * 10 + digits[4] != 0 && digits[5...].contains { $0 != 0 }, "bad SSN group or serial")
        }
        for npi in plants.filter({ $0.type == "npi" }).compactMap(\.value) { #expect(Self.npiValid(npi)) }
        for npi in decoys.filter({ $0.decoy == "npi-bad-luhn" }).compactMap(\.value) { #expect(!Self.npiValid(npi)) }
        for dea in plants.filter({ $0.type == "dea" }).compactMap(\.value) {
            let d = dea.dropFirst(2).compactMap(\.wholeNumberValue)
            #expect(d.count == 7 && ((d[0] + d[2] + d[4]) + 2 * (d[1] + d[3] + d[5])) % 10 == d[6])
        }
        let allowed = Set("ACDEFGHJKMNPQRTUVWXY")
        for mbi in plants.filter({ $0.type == "mbi" }).compactMap(\.value) {
            let c = Array(mbi.filter { $0 != "-" })
            #expect(c.count == 11 && c[0] != "0" && [1, 4, 7, 8].allSatisfy { allowed.contains(c[$0]) })
        }
        for mbi in decoys.filter({ $0.decoy == "mbi-forbidden-letter" }).compactMap(\.value) {
            #expect(mbi.contains { "SLOIBZ".contains($0) })
        }
        // One person, one set of identifiers: values never collide across people.
        var owner: [String: Int] = [:]
        for plant in plants where ["ssn", "itin", "mrn", "mbi", "member_id"].contains(plant.type ?? "") {
            guard let person = plant.person, let value = plant.value else { continue }
            let key = (plant.type ?? "") + ":" + value.filter { $0.isLetter || $0.isNumber }
            #expect(owner[key, default: person] == person, "\(plant.type ?? "") shared by two people")
            owner[key] = person
        }
    }

    static func npiValid(_ npi: String) -> Bool {
        let digits = Array("80840" + npi).compactMap(\.wholeNumberValue)
        var sum = 0
        for (i, d) in digits.reversed().enumerated() { sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d }
        return sum % 10 == 0
    }

    func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first && memcmp(h.baseAddress! + i, n.baseAddress!, n.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
