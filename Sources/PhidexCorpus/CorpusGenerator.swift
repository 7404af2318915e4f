// Lays out a synthetic backup share: where each kind of document goes, which go
// into archives (plain, compressed, nested, encrypted, hostile), and the truth
// manifest beside it. Same seed and scale, same share (see ArchiveBuilder for the
// one exception, the encrypted zip's random header).

import Foundation

/// Generates `share/` and `truth.jsonl` into a directory.
public struct CorpusGenerator: Sendable {
    public var seed: UInt64
    /// Each unit of scale adds one more set of every document kind (about 1.4 MB).
    public var scale: Int

    /// Manifest format version, bumped when the layout or entry fields change.
    public static let formatVersion = 1
    /// Archive nesting of the deep-nesting case: beyond any sane depth limit.
    public static let deepNesting = 20

    public init(seed: UInt64, scale: Int) {
        self.seed = seed
        self.scale = max(1, scale)
    }

    /// What was written.
    public struct Summary: Sendable {
        public var files: Int
        public var bytes: Int
        public var manifest: CorpusManifest
    }

    /// A file placed in the share (path relative to `share/`).
    public struct Placed: Sendable {
        public var path: String
        public var artifact: Artifact
    }

    /// Builds every file of the share in memory, with the manifest.
    public func build() throws(CorpusError) -> (files: [Placed], manifest: CorpusManifest) {
        let root = SeededGenerator(seed: seed)
        var peopleRNG = root.fork("people")
        let people = SyntheticPerson.population(count: 300 * scale, rng: &peopleRNG)
        var factory = DocumentFactory(rng: root.fork("documents"), people: people)
        var varied = DocumentFactory(rng: root.fork("variety"), people: people)
        var containers = DocumentFactory(rng: root.fork("containers"), people: people)
        var placed: [Placed] = []
        func place(_ directory: String, _ artifact: Artifact) {
            placed.append(Placed(path: directory + "/" + artifact.name, artifact: artifact))
        }

        for unit in 0..<scale {
            func n(_ i: Int, _ per: Int) -> String { IdentifierForge.pad(unit * per + i + 1, 4) }
            // Clinical and patient data.
            for i in 0..<10 {
                place("clinic/notes/\(2019 + i % 5)", factory.clinicalNote(name: "visit-\(n(i, 10)).txt"))
            }
            for i in 0..<3 { place("clinic/hl7", factory.hl7Batch(name: "adt-\(n(i, 3)).hl7", messages: 6)) }
            for i in 0..<3 { place("clinic/ccda", factory.ccda(name: "ccd-\(n(i, 3)).xml")) }
            for i in 0..<2 { place("clinic/fhir", factory.fhirBundle(name: "bundle-\(n(i, 2)).json", patients: 8)) }
            for i in 0..<2 { place("portal", factory.portalPage(name: "search-\(n(i, 2)).html", rows: 10)) }
            for i in 0..<2 { place("exports", factory.patientCSV(name: "patients-\(n(i, 2)).csv", rows: 120)) }
            place("exports", factory.utf16Roster(name: "roster-\(n(0, 1))-utf16.txt", rows: 40))
            place("db", factory.sqlDump(name: "emr-dump-\(n(0, 1)).sql", rows: 80))
            for i in 0..<4 { place("mail/\(2020 + i % 3)", try factory.email(name: "msg-\(n(i, 4)).eml", serial: unit * 4 + i + 1)) }
            for i in 0..<2 { place("office/letters", try factory.letterDocx(name: "referral-\(n(i, 2)).docx")) }
            for i in 0..<2 { place("office/billing", try factory.claimsXlsx(name: "claims-\(n(i, 2)).xlsx", rows: 30)) }
            for i in 0..<3 { place("it/logs", factory.applicationLog(name: "app-\(n(i, 3)).log", lines: 400)) }
            place("images", factory.diskImage(name: "workstation-\(n(0, 1)).img", megabytes: 1))
            for i in 0..<2 { place("finance", factory.vendorCSV(name: "vendors-\(n(i, 2)).csv", rows: 40)) }

            // Benign bulk: most of the tree.
            let languages = ["py", "swift", "js", "c"]
            for i in 0..<60 {
                let package = ["billing", "scheduler", "portal", "reports", "sync"][i % 5]
                place("src/\(package)", factory.sourceFile(name: "\(factory.rng.pick(DocumentFactory.verbs))_\(n(i, 60)).\(languages[i % 4])"))
            }
            for i in 0..<4 { place("src/tests", factory.validatorTests(name: "test_validators_\(n(i, 4)).py")) }
            for i in 0..<16 {
                place("config", factory.configFile(name: "service-\(n(i, 16)).\(["ini", "yaml", "json"][i % 3])"))
            }
            for i in 0..<20 { place("docs", factory.proseFile(name: "memo-\(n(i, 20)).md")) }

            // Archives, as backups hold them.
            let backups = "backups/set-\(n(0, 1))"
            place(backups, try archive(.zip, "export-2019.zip", [
                factory.patientCSV(name: "2019/export.csv", rows: 60),
                factory.clinicalNote(name: "2019/notes/visit.txt"),
            ]))
            place(backups, try archive(.tar, "nightly.tar", [
                factory.clinicalNote(name: "notes/a.txt"), factory.clinicalNote(name: "notes/b.txt"),
                factory.patientCSV(name: "exports/patients.csv", rows: 50),
            ]))
            place(backups, try archive(.tarGzip, "nightly.tar.gz", [
                factory.hl7Batch(name: "hl7/adt.hl7", messages: 6),
                factory.fhirBundle(name: "fhir/bundle.json", patients: 6),
                factory.sqlDump(name: "db/dump.sql", rows: 40),
            ]))
            place(backups, try archive(.gzip, "patients.csv.gz", [factory.patientCSV(name: "patients.csv", rows: 60)]))
            var disguised = try archive(.tarGzip, "backup.dat", [factory.patientCSV(name: "export/patients.csv", rows: 30)])
            disguised.format = "tar.gz"  // by content; the name says nothing
            place(backups, disguised)
            let innermost = try archive(.zip, "archive.zip", [factory.patientCSV(name: "export.csv", rows: 30)])
            let middle = try archive(.tarGzip, "vault.tar.gz", [innermost, factory.clinicalNote(name: "readme-note.txt")])
            place(backups, try archive(.zip, "offsite-\(n(0, 1)).zip", [middle]))
            place("hr", try archive(
                .encryptedZip(passphrase: "synthetic-\(seed)"), "payroll-protected-\(n(0, 1)).zip",
                [factory.patientCSV(name: "payroll.csv", rows: 25)], expect: "encrypted"))

            // Issue 6's formats (added last, so the documents above keep their bytes).
            place("clinic/discharge", factory.dischargePDF(name: "summary-\(n(0, 1)).pdf"))
            place("db", try factory.practiceSQLite(name: "practice-\(n(0, 1)).sqlite", rows: 40))
            place("imaging", factory.studyDICOM(name: "ct-\(n(0, 1)).dcm"))
            place("office/slides", try factory.roundsPptx(name: "rounds-\(n(0, 1)).pptx", rows: 8))
            place("office/letters", try factory.intakeOdt(name: "intake-\(n(0, 1)).odt"))
            place("office/billing", try factory.rosterOds(name: "roster-\(n(0, 1)).ods", rows: 20))
            place("mail/archive", factory.mailbox(name: "inbox-\(n(0, 1)).mbox"))
            place("exports", factory.utf16RosterWithoutMark(name: "roster-\(n(1, 1))-utf16-nobom.txt", rows: 20))
            place(backups, try archive(.zip, "scans-\(n(0, 1)).zip", [
                factory.dischargePDF(name: "2021/summary.pdf"), factory.studyDICOM(name: "2021/ct.dcm"),
                try factory.practiceSQLite(name: "2021/practice.sqlite", rows: 10),
            ]))
            // Issue 8: single identifiers outside any record, for the risk model's ordering.
            for i in 0..<3 { place("docs/followups", factory.strayMemo(name: "followup-\(n(i, 3)).txt")) }
            // Issue 14: structured exports spelled as other systems spell them, with coded decoys,
            // from a generator of their own (the documents above keep their bytes).
            place("exports/api", varied.apiExportJSON(name: "patients-\(n(0, 1)).json", rows: 24))
            place("exports/bulk", varied.fhirBulkNDJSON(name: "Patient-\(n(0, 1)).ndjson", rows: 16))
            place("clinic/hl7", varied.oruBatch(name: "oru-\(n(0, 1)).hl7", messages: 8))
            // Issue 15: a staff workstation's disk image and a practice system's dBase table, from a
            // generator of their own (the documents above keep their bytes).
            var onDisk = [
                try containers.claimsXlsx(name: "Users/hr/roster.xlsx", rows: 20),
                try containers.letterDocx(name: "Users/hr/letters/referral.docx"),
                containers.patientCSV(name: "Users/hr/exports/patients.csv", rows: 30),
                containers.dischargePDF(name: "Users/clinic/summary.pdf"),
                containers.clinicalNote(name: "Users/clinic/visit-note.txt"),
            ]
            onDisk.append(try archive(.zip, "Users/hr/backup-2021.zip", [containers.patientCSV(name: "export.csv", rows: 20)]))
            place("images", containers.workstationVHD(name: "staff-\(n(0, 1)).vhd", members: onDisk))
            let practice = containers.practiceDBF(name: "patients-\(n(0, 1)).dbf", memoName: "patients-\(n(0, 1)).fpt", rows: 30)
            place("db/foxpro", practice.table)
            place("db/foxpro", practice.memo)
        }

        // Hostile archives, once per corpus.
        place("misc", try zipBomb())
        var nested = try archive(.zip, "level\(Self.deepNesting).zip", [factory.clinicalNote(name: "note.txt")], expect: "limit")
        for level in stride(from: Self.deepNesting - 1, through: 1, by: -1) {
            nested = try archive(.zip, "level\(level).zip", [nested])
        }
        nested.name = "nested-\(Self.deepNesting)-levels.zip"
        place("misc", nested)

        let header = CorpusManifest.Header(
            corpus: Self.formatVersion, seed: seed, scale: scale, people: people.count,
            generator: "phidex corpus generate")
        var entries: [TruthEntry] = []
        for file in placed {
            for var entry in file.artifact.allEntries {
                entry.path = file.path + entry.path
                if entry.container.isEmpty { entry.container = "loose" }
                entries.append(entry)
            }
        }
        return (placed, CorpusManifest(header: header, entries: entries))
    }

    /// Writes `directory/share/` and `directory/truth.jsonl`. An existing `share/` is
    /// replaced only when `replace` is set.
    public func generate(into directory: String, replace: Bool = false) throws(CorpusError) -> Summary {
        let (files, manifest) = try build()
        let fm = FileManager.default
        let share = directory + "/" + CorpusManifest.shareDirectory
        do {
            if fm.fileExists(atPath: share) {
                guard replace else { throw CorpusError("\(share) exists; pass --force to replace it") }
                try fm.removeItem(atPath: share)
            }
            var bytes = 0
            for file in files {
                let path = share + "/" + file.path
                try fm.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(file.artifact.bytes).write(to: URL(fileURLWithPath: path))
                bytes += file.artifact.bytes.count
            }
            try manifest.jsonLines().write(to: URL(fileURLWithPath: directory + "/" + CorpusManifest.fileName))
            return Summary(files: files.count, bytes: bytes, manifest: manifest)
        } catch let error as CorpusError {
            throw error
        } catch {
            throw CorpusError("cannot write the corpus into \(directory): \(error.localizedDescription)")
        }
    }

    /// An archive of `members`, carrying their truth entries under its own path.
    private func archive(
        _ kind: ArchiveKind, _ name: String, _ members: [Artifact], expect: String? = nil
    ) throws(CorpusError) -> Artifact {
        let bytes = try ArchiveBuilder.build(kind, members: members.map(ArchiveMember.init))
        var artifact = Artifact(
            name: name, format: kind.format, bytes: bytes,
            entries: Artifact.entries(of: members, in: kind.format, expect: expect))
        artifact.expect = expect
        return artifact
    }

    /// A zip of 16 zips, each holding 128 MiB of zeros: 2 GiB expanded, a few hundred KB on disk.
    private func zipBomb() throws(CorpusError) -> Artifact {
        let inner = try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "zeros.bin", content: .zeros(128 << 20))])
        let members = (1...16).map { ArchiveMember(name: "part-\($0).zip", content: .bytes(inner)) }
        var entries: [TruthEntry] = []
        for member in members {
            entries.append(TruthEntry(kind: .file, path: "!" + member.name, format: "zip", container: "zip", expect: "limit"))
            entries.append(TruthEntry(kind: .file, path: "!" + member.name + "!zeros.bin", format: "binary", container: "zip>zip", expect: "limit"))
        }
        var bomb = Artifact(name: "zip-bomb.zip", format: "zip", bytes: try ArchiveBuilder.build(.zip, members: members), entries: entries)
        bomb.expect = "limit"
        return bomb
    }
}
