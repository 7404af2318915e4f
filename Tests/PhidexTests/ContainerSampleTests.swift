// Outlook stores and Access databases nobody here wrote: published samples (a
// PST parser's and an Access library's test files; Tests/Fixtures/public/SOURCES.md
// says which, from where, under which licence) with synthetic identifiers planted
// at the same byte length by scripts/plant-pst and scripts/plant-mdb, which also
// write the same messages as .eml and the same tables as CSV. Recall inside the
// container must equal recall on those loose copies. Nothing on Linux writes PST
// or Access files, and the samples are fetched, not committed: where they are
// absent these tests say so and check nothing.

import Foundation
import PhidexCore
import Testing

@Suite(.serialized) struct ContainerSampleTests {
    static let folder = PublicSamplesTests.folder
    static let scripts = CorpusTests.repository.appendingPathComponent("scripts")

    static func samples(_ set: String, _ extensions: Set<String>) -> [String] {
        let directory = folder.appendingPathComponent(set).path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted().map { directory + "/" + $0 }
    }

    /// Plants values in `sample` with `script` into a fresh folder, moves the truth file out of the
    /// scanned folder, and scores the folder: (recall by format, the evaluation).
    func plantAndScore(_ sample: String, script: String, tree: TestTree) throws -> (recall: [String: (planted: Int, found: Int)], json: EvaluationJSON)? {
        let out = tree.path((sample as NSString).lastPathComponent)
        let plant = Process()
        plant.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        plant.arguments = [Self.scripts.appendingPathComponent(script).path, sample, out]
        plant.standardOutput = FileHandle.nullDevice
        plant.standardError = FileHandle.nullDevice
        try plant.run()
        plant.waitUntilExit()
        let truth = out + ".truth.jsonl"
        guard plant.terminationStatus == 0, let text = try? String(contentsOfFile: out + "/truth.jsonl", encoding: .utf8), !text.isEmpty else {
            return nil  // nothing in this sample is long enough to plant at the same length
        }
        try FileManager.default.moveItem(atPath: out + "/truth.jsonl", toPath: truth)
        let result = try PhidexBinary.run(["eval", out, "--truth", truth, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let e = try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.stdout.utf8))
        return (Dictionary(uniqueKeysWithValues: e.formats.map { ($0.group, ($0.planted, $0.found)) }), e)
    }

    @Test func plantedPSTMessagesAreFoundAsInTheirEmlCopies() throws {
        let samples = Self.samples("pst", ["pst", "ost"])
        guard !samples.isEmpty else {
            print("ContainerSampleTests: no PST samples under Tests/Fixtures/public/pst (see SOURCES.md); not checked")
            return
        }
        let tree = try TestTree("pst-samples")
        var scored = 0
        for sample in samples {
            guard let (recall, e) = try plantAndScore(sample, script: "plant-pst", tree: tree) else { continue }
            scored += 1
            let pst = try #require(recall["pst"]), eml = try #require(recall["eml"])
            #expect(pst.planted == eml.planted && pst.found == eml.found, "\(sample): PST \(pst) vs .eml \(eml)")
            #expect(pst.found * 100 >= pst.planted * 95, "\(sample): \(pst)")
            #expect(e.types.allSatisfy { $0.decoyHits == 0 })
        }
        #expect(scored >= 1, "no sample had bodies long enough to plant")
    }

    @Test func plantedAccessTablesAreFoundAsInTheirCSVCopies() throws {
        let samples = Self.samples("access", ["mdb", "accdb"])
        guard !samples.isEmpty else {
            print("ContainerSampleTests: no Access samples under Tests/Fixtures/public/access (see SOURCES.md); not checked")
            return
        }
        let tree = try TestTree("access-samples")
        var scored = 0
        for sample in samples {
            guard let (recall, _) = try plantAndScore(sample, script: "plant-mdb", tree: tree) else { continue }
            scored += 1
            let database = try #require(recall["mdb"] ?? recall["accdb"]), csv = try #require(recall["csv"])
            #expect(database.planted == csv.planted && database.found == csv.found, "\(sample): database \(database) vs CSV \(csv)")
            #expect(database.found == database.planted, "\(sample): \(database)")
        }
        #expect(scored >= 3, "Jet 3, Jet 4 and ACE samples planted: \(scored)")
    }

    @Test func pstStructureAttachedMessagesAndContacts() async throws {
        let nesting = Self.folder.appendingPathComponent("pst/four_nesting_levels.pst").path
        let contacts = Self.folder.appendingPathComponent("pst/SampleContacts.pst").path
        guard FileManager.default.fileExists(atPath: nesting), FileManager.default.fileExists(atPath: contacts) else {
            print("ContainerSampleTests: PST structure samples absent; not checked")
            return
        }
        let tree = try TestTree("pst-structure")
        try tree.bytes("nesting.pst", [UInt8](try Data(contentsOf: URL(fileURLWithPath: nesting))))
        try tree.bytes("contacts.pst", [UInt8](try Data(contentsOf: URL(fileURLWithPath: contacts))))
        let (_, files) = try await scanTree(tree)
        let attached = files.keys.filter { $0.hasPrefix(tree.path("nesting.pst") + "!") && $0.contains("(attached message 1)/(attached message 1)/") }
        #expect(attached.contains { $0.hasSuffix("/hello.txt") }, "an attachment two attached messages deep: \(files.keys.sorted())")
        #expect(files[tree.path("nesting.pst")]?.status == .ok)
        let contactItems = files.keys.filter { $0.hasPrefix(tree.path("contacts.pst") + "!") && $0.contains("/Contacts/(message ") }
        #expect(contactItems.count >= 3)
        // A store attached to a mail is copied out and read like one on the share.
        let store = [UInt8](try Data(contentsOf: URL(fileURLWithPath: nesting)))
        var mail = Array("From: a@example.org\r\nTo: b@example.org\r\nSubject: old mail\r\nMIME-Version: 1.0\r\n".utf8)
        mail += Array("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nattached\r\n".utf8)
        mail += Array("--b\r\nContent-Type: application/vnd.ms-outlook\r\nContent-Disposition: attachment; filename=\"old.pst\"\r\n".utf8)
        mail += Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8) + Array(Data(store).base64EncodedString(options: .lineLength76Characters).utf8)
        mail += Array("\r\n--b--\r\n".utf8)
        let mailTree = try TestTree("pst-in-mail")
        try mailTree.bytes("msg.eml", mail)
        let (_, mailFiles) = try await scanTree(mailTree)
        #expect(mailFiles.keys.contains { $0.hasPrefix(mailTree.path("msg.eml") + "!old.pst!") && $0.hasSuffix("/hello.txt") }, "the attached store's members")
    }

    @Test func damagedPSTAndAccessFilesEndWithRecordedStatuses() async throws {
        let pst = Self.folder.appendingPathComponent("pst/aspose_Outlook.pst").path
        let access = Self.folder.appendingPathComponent("access/test2V2003.mdb").path  // Jet 4: 4 KiB pages
        guard FileManager.default.fileExists(atPath: pst), FileManager.default.fileExists(atPath: access) else {
            print("ContainerSampleTests: damage samples absent; not checked")
            return
        }
        let tree = try TestTree("container-damage")
        let store = [UInt8](try Data(contentsOf: URL(fileURLWithPath: pst)))
        let database = [UInt8](try Data(contentsOf: URL(fileURLWithPath: access)))
        try tree.bytes("truncated.pst", Array(store.prefix(store.count / 2)))
        // Nodes damaged: every 4 KiB page from the middle on gets a run of garbage.
        var damaged = store
        for page in stride(from: store.count / 2, to: store.count - 64, by: 4096) {
            for i in 0..<64 { damaged[page + i] = UInt8(truncatingIfNeeded: (page >> 12) &* 31 &+ i &* 7) }
        }
        try tree.bytes("damaged.pst", damaged)
        try tree.bytes("truncated.mdb", Array(database.prefix(database.count / 3)))
        var page = database
        for i in (4096 * 2)..<(4096 * 3) { page[i] = 0xA5 }  // the catalog's table definition page (Jet 4 page 2)
        try tree.bytes("corrupt-page.mdb", page)
        try tree.file("after.txt", "SSN: 401-23-7788\n")
        let (found, files) = try await scanTree(tree)
        for name in ["truncated.pst", "damaged.pst", "truncated.mdb", "corrupt-page.mdb"] {
            #expect(files[tree.path(name)] != nil, "\(name) is recorded")
        }
        // Cut short: what is before the cut is read, and the file says it was cut.
        let cut = try #require(files[tree.path("truncated.pst")])
        #expect(cut.status == .error && cut.reason?.contains("cut short") == true, "\(cut.reason ?? "")")
        #expect(files.keys.contains { $0.hasPrefix(tree.path("truncated.pst") + "!") }, "messages before the cut are members")
        #expect(files[tree.path("truncated.mdb")]?.status == .error)
        #expect(files[tree.path("corrupt-page.mdb")]?.status == .error)
        #expect(found[tree.path("after.txt")] != nil, "the scan went on past the damaged files")
    }
}
