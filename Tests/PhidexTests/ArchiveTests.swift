// Archives as folders, end to end through the library: the same document in
// every container and compressor gives the same findings; nesting, hostile and
// broken archives end with the statuses an auditor must see, quickly, keeping
// what could be read. All values are synthetic.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexCrawl
import PhidexDetect
import PhidexExtract
import PhidexIndex
import PhidexScan
import Testing

@Suite struct ArchiveTests {
    let engine = Shared.engine

    /// A record with several identifier types, a clinical term and a line structure.
    static let document = Array("""
        mrn,patient_name,ssn,dob,member_id
        00142816,Avery Example,401-23-7788,1970-01-01,AHR027964381
        00142817,Blake Sample,773-41-2290,1981-02-02,AHR027964382
        Note: Patient SSN: 078-05-1123; assessment E11.9.

        """.utf8)

    struct Seen: Hashable {
        var type: IdentifierType, offset: Int64, length: Int, line: Int64, masked: String, valueKey: Int64
    }

    func scan(_ tree: TestTree, limits: ArchiveLimits = ArchiveLimits()) async throws -> (IndexReader, Int64) {
        let index = tree.root + ".db"
        let options = ScanOptions(roots: [tree.root], index: IndexLocation(path: index), jobs: 2, limits: limits)
        let result = try await Scan.run(options, engine: engine)
        #expect(result.status == .completed)
        return (try IndexReader(location: IndexLocation(path: index)), result.runID)
    }

    func files(_ reader: IndexReader, _ run: Int64) throws -> [String: FileRecord] {
        var files: [String: FileRecord] = [:]
        try reader.files(run: run) { files[$0.path] = $0 }
        return files
    }

    func findings(_ reader: IndexReader, _ run: Int64, at path: String) throws -> [Seen] {
        var seen: [Seen] = []
        try reader.findings(run: run) { record in
            guard record.path == path else { return }
            let f = record.finding
            seen.append(Seen(type: f.type, offset: f.span.offset, length: f.span.length, line: f.line, masked: f.masked, valueKey: f.valueKey))
        }
        return seen
    }

    @Test func theSameDocumentInEveryContainerGivesTheSameFindings() async throws {
        let tree = try TestTree("archives-same")
        try tree.bytes("loose/record.csv", Self.document)
        let member = ArchiveMember(name: "exports/record.csv", content: .bytes(Self.document))
        let single = ArchiveMember(name: "record.csv", content: .bytes(Self.document))
        let archives: [(String, ArchiveKind)] = [
            ("a.zip", .zip), ("stored.zip", .zipStored), ("a.tar", .tar), ("a.tar.gz", .tarGzip), ("a.tar.bz2", .tarBzip2),
            ("a.tar.xz", .tarXz), ("a.tar.zst", .tarZstd), ("a.7z", .sevenZip), ("a.cpio", .cpio), ("a.iso", .iso9660),
        ]
        for (name, kind) in archives { try tree.bytes("c/" + name, try ArchiveBuilder.build(kind, members: [member])) }
        let singles: [(String, ArchiveKind)] = [("record.csv.gz", .gzip), ("record.csv.bz2", .bzip2), ("record.csv.xz", .xz), ("record.csv.zst", .zstd)]
        for (name, kind) in singles { try tree.bytes("s/" + name, try ArchiveBuilder.build(kind, members: [single])) }
        // Recognized by content, not by name.
        try tree.bytes("c/backup.dat", try ArchiveBuilder.build(.tarGzip, members: [member]))

        let (reader, run) = try await scan(tree)
        let expected = try findings(reader, run, at: tree.path("loose/record.csv"))
        #expect(Set(expected.map(\.type)) == [.ssn, .mrn, .name, .dob, .memberID], "the document exercises several detectors")
        #expect(expected.count == 12, "the count the other tests expect")
        let byPath = try files(reader, run)
        var paths = archives.map { tree.path("c/" + $0.0) + "!exports/record.csv" } + [tree.path("c/backup.dat") + "!exports/record.csv"]
        paths += singles.map { tree.path("s/" + $0.0) + "!record.csv" }
        for path in paths {
            #expect(byPath[path]?.status == .ok, "\(path): \(byPath[path]?.reason ?? "not in the index")")
            #expect(try findings(reader, run, at: path) == expected, "\(path)")
            #expect(byPath[path]?.clinicalTerms == byPath[tree.path("loose/record.csv")]?.clinicalTerms)
        }
        // The archive itself is listed, without findings of its own.
        #expect(byPath[tree.path("c/a.tar.gz")]?.status == .ok)
        #expect(byPath[tree.path("c/a.tar.gz")]?.findingCount == 0)
        // A folder query includes members of the archives below it, and an archive's path its members.
        var under: Set<String> = []
        try reader.findings(run: run, filter: FindingFilter(under: tree.path("c"))) { under.insert($0.path) }
        #expect(under.count == archives.count + 1)
        var inZip: Set<String> = []
        try reader.findings(run: run, filter: FindingFilter(under: tree.path("c/a.zip"))) { inZip.insert($0.path) }
        #expect(inZip == [tree.path("c/a.zip") + "!exports/record.csv"])
    }

    /// An archive of 16 MiB or more is decompressed by a helper thread while the worker detects:
    /// the findings, lines and statuses are those of the same bytes read loose.
    @Test func aLargeArchiveReadByTwoThreadsGivesTheSameFindings() async throws {
        let tree = try TestTree("archives-large")
        let filler = Array(String(repeating: "lorem ipsum dolor 12.5 v1.2.3\n", count: 600_000).utf8)
        let big = Self.document + filler + Self.document
        try tree.bytes("loose/big.csv", big)
        try tree.bytes("loose/small.csv", Self.document)
        try tree.bytes("a/backup.tar", try ArchiveBuilder.build(.tar, members: [
            ArchiveMember(name: "big.csv", content: .bytes(big)), ArchiveMember(name: "small.csv", content: .bytes(Self.document)),
            ArchiveMember(name: "inner.tar.gz", content: .bytes(try ArchiveBuilder.build(.tarGzip, members: [
                ArchiveMember(name: "small.csv", content: .bytes(Self.document)),
            ]))),
        ]))
        let (reader, run) = try await scan(tree)
        let archive = tree.path("a/backup.tar")
        #expect(try findings(reader, run, at: archive + "!big.csv") == findings(reader, run, at: tree.path("loose/big.csv")))
        #expect(try findings(reader, run, at: archive + "!big.csv").count == 24)
        #expect(try findings(reader, run, at: archive + "!small.csv") == findings(reader, run, at: tree.path("loose/small.csv")))
        #expect(try findings(reader, run, at: archive + "!inner.tar.gz!small.csv").count == 12)
        let byPath = try files(reader, run)
        #expect(byPath[archive]?.status == .ok)
        #expect(byPath.keys.filter { $0.hasPrefix(archive) }.count == 5)
    }

    @Test func nestedArchivesAreOpenedInTurnWithLogicalPaths() async throws {
        let tree = try TestTree("archives-nested")
        let inner = try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "deep/record.csv", content: .bytes(Self.document))])
        let middle = try ArchiveBuilder.build(.tarGzip, members: [ArchiveMember(name: "inner.zip", content: .bytes(inner))])
        try tree.bytes("outer.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "middle.tar.gz", content: .bytes(middle))]))
        let (reader, run) = try await scan(tree)
        let path = tree.path("outer.zip") + "!middle.tar.gz!inner.zip!deep/record.csv"
        let byPath = try files(reader, run)
        #expect(byPath[path]?.findingCount == 12, "\(byPath.keys.sorted())")
        #expect(byPath[tree.path("outer.zip") + "!middle.tar.gz"]?.status == .ok)
    }

    @Test func depthLimitStopsNestingAndRollsUp() async throws {
        let tree = try TestTree("archives-depth")
        var bytes = try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "note.txt", content: .bytes(Self.document))])
        for level in (2...6).reversed() {
            bytes = try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "level\(level).zip", content: .bytes(bytes))])
        }
        try tree.bytes("nested.zip", bytes)
        var limits = ArchiveLimits()
        limits.depth = 3
        let (reader, run) = try await scan(tree, limits: limits)
        let byPath = try files(reader, run)
        let stopped = tree.path("nested.zip") + "!level2.zip!level3.zip!level4.zip"
        #expect(byPath[stopped]?.status == .limit("depth"))
        #expect(byPath[tree.path("nested.zip") + "!level2.zip"]?.status == .limit("depth"), "a container reports its members' limits")
        #expect(byPath[tree.path("nested.zip")]?.status == .limit("depth"))
        #expect(byPath.keys.filter { $0.hasPrefix(stopped + "!") }.isEmpty, "nothing below the limit is opened")
    }

    /// Bytes deflate cannot shrink (an export's compressed attachments, say), from a fixed seed.
    static func incompressible(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    @Test func aCompressionBombMemberIsSkippedQuicklyAndItsSiblingsRead() async throws {
        let tree = try TestTree("archives-bomb")
        // A bomb first in a backup zip, the record holding PHI after it: the record is read.
        try tree.bytes("first.zip", try ArchiveBuilder.build(.zip, members: [
            ArchiveMember(name: "zeros.bin", content: .zeros(64 << 20)),
            ArchiveMember(name: "record.csv", content: .bytes(Self.document)),
            ArchiveMember(name: "scans.bin", content: .bytes(Self.incompressible(2 << 20))),
        ]))
        try tree.bytes("loose/record.csv", Self.document)
        // A bomb of nested layers, each ordinary on its own: the file's ratio stops it.
        let part = try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "zeros.bin", content: .zeros(64 << 20))])
        try tree.bytes("nested.zip", try ArchiveBuilder.build(.zip, members: (1...4).map { ArchiveMember(name: "part-\($0).zip", content: .bytes(part)) }))
        var limits = ArchiveLimits()
        limits.ratioFloor = 8 << 20
        // Deflate tops out near 1,032:1; a bomb's compressed bytes count as at least one 256 KiB
        // read-ahead buffer, so the test's 64 MiB bombs need a limit well below that.
        limits.ratio = 100
        // How little is decoded is the check (below), not wall-clock time, which a loaded machine stretches.
        let (reader, run) = try await scan(tree, limits: limits)
        let byPath = try files(reader, run)
        let zeros = try #require(byPath[tree.path("first.zip") + "!zeros.bin"])
        #expect(zeros.status == .limit("ratio"))
        #expect(zeros.bytesRead < 40 << 20, "the bomb member stops soon after the limit: \(zeros.bytesRead)")
        #expect(byPath[tree.path("first.zip") + "!record.csv"]?.status == .ok)
        #expect(byPath[tree.path("first.zip")]?.status == .limit("ratio"), "a container reports its members' limits")
        #expect(try findings(reader, run, at: tree.path("first.zip") + "!record.csv") == findings(reader, run, at: tree.path("loose/record.csv")))
        #expect(try !findings(reader, run, at: tree.path("loose/record.csv")).isEmpty)
        #expect(byPath[tree.path("nested.zip")]?.status == .limit("ratio"))
        #expect(try #require(byPath[tree.path("nested.zip") + "!part-1.zip!zeros.bin"]).bytesRead < 16 << 20)
        #expect(byPath[tree.path("nested.zip") + "!part-4.zip"] == nil, "a nested bomb stops the file")
    }

    @Test func aBombMemberOfACompressedStreamStopsTheFile() async throws {
        // Skipping the rest of a tar.gz member means decoding it: the file stops at the limit instead.
        let tree = try TestTree("archives-bomb-tgz")
        try tree.bytes("bomb.tar.gz", try ArchiveBuilder.build(.tarGzip, members: [
            ArchiveMember(name: "zeros.bin", content: .zeros(64 << 20)),
            ArchiveMember(name: "record.csv", content: .bytes(Self.document)),
        ]))
        var limits = ArchiveLimits()
        limits.ratioFloor = 8 << 20
        limits.ratio = 100
        let (reader, run) = try await scan(tree, limits: limits)
        let byPath = try files(reader, run)
        #expect(byPath[tree.path("bomb.tar.gz")]?.status == .limit("ratio"))
        let zeros = try #require(byPath[tree.path("bomb.tar.gz") + "!zeros.bin"])
        #expect(zeros.status == .limit("ratio") && zeros.bytesRead < 16 << 20)
        #expect(byPath[tree.path("bomb.tar.gz") + "!record.csv"] == nil, "not reached: the stream would have to be decoded past the bomb")
    }

    @Test func manyBombMembersStopTheWholeFile() async throws {
        let tree = try TestTree("archives-bombs")
        let members = [ArchiveMember(name: "scans.bin", content: .bytes(Self.incompressible(4 << 20)))]
            + (1...8).map { ArchiveMember(name: "zeros-\($0).bin", content: .zeros(12 << 20)) }
        try tree.bytes("bombs.zip", try ArchiveBuilder.build(.zip, members: members))
        var limits = ArchiveLimits()
        limits.ratioFloor = 4 << 20
        limits.ratio = 20
        let (reader, run) = try await scan(tree, limits: limits)
        let byPath = try files(reader, run)
        #expect(byPath[tree.path("bombs.zip")]?.status == .limit("ratio"))
        #expect(byPath[tree.path("bombs.zip") + "!zeros-4.bin"]?.status == .limit("ratio"))
        #expect(byPath[tree.path("bombs.zip") + "!zeros-6.bin"] == nil, "the walk stops after 4 bomb members")
    }

    @Test func memberAndMemberCountLimitsKeepWhatWasRead() async throws {
        let tree = try TestTree("archives-sizes")
        let big = Self.document + Array(repeating: UInt8(ascii: "x"), count: 300_000) + Array("SSN 402-23-7788\n".utf8)
        try tree.bytes("big.tar", try ArchiveBuilder.build(.tar, members: [ArchiveMember(name: "big.txt", content: .bytes(big))]))
        try tree.bytes("many.zip", try ArchiveBuilder.build(.zip, members: (1...5).map {
            ArchiveMember(name: "m\($0).txt", content: .bytes(Array("SSN 401-23-77\(80 + $0)\n".utf8)))
        }))
        var limits = ArchiveLimits()
        limits.memberBytes = 100_000
        limits.members = 3
        let (reader, run) = try await scan(tree, limits: limits)
        let byPath = try files(reader, run)
        let member = try #require(byPath[tree.path("big.tar") + "!big.txt"])
        #expect(member.status == .limit("member-bytes"))
        #expect(member.findingCount == 12, "the findings before the limit are kept, the one after it is not read")
        #expect(byPath[tree.path("big.tar")]?.status == .limit("member-bytes"))
        #expect(byPath[tree.path("many.zip")]?.status == .limit("members"))
        #expect(byPath.keys.filter { $0.hasPrefix(tree.path("many.zip") + "!") }.count == 3)
    }

    @Test func encryptedMembersAreReportedNotSkipped() async throws {
        let tree = try TestTree("archives-encrypted")
        try tree.bytes("locked.zip", try ArchiveBuilder.build(.encryptedZip(passphrase: "synthetic"), members: [
            ArchiveMember(name: "payroll.csv", content: .bytes(Self.document)),
        ]))
        let (reader, run) = try await scan(tree)
        let byPath = try files(reader, run)
        #expect(byPath[tree.path("locked.zip") + "!payroll.csv"]?.status == .encrypted)
        #expect(byPath[tree.path("locked.zip")]?.status == .encrypted)
        #expect(byPath[tree.path("locked.zip") + "!payroll.csv"]?.findingCount == 0)
    }

    @Test func aTruncatedTarGzKeepsItsReadableMembersAndRecordsTheError() async throws {
        let tree = try TestTree("archives-truncated")
        // Incompressible filler, so that cutting the file in half cuts inside it: libarchive needs
        // the first header whole before it reads anything.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let filler = (0..<200_000).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        let whole = try ArchiveBuilder.build(.tarGzip, members: [
            ArchiveMember(name: "first.csv", content: .bytes(Self.document)),
            ArchiveMember(name: "filler.bin", content: .bytes(filler)),
            ArchiveMember(name: "last.csv", content: .bytes(Self.document)),
        ])
        try tree.bytes("cut.tar.gz", Array(whole.prefix(whole.count / 2)))
        let (reader, run) = try await scan(tree)
        let byPath = try files(reader, run)
        #expect(byPath[tree.path("cut.tar.gz") + "!first.csv"]?.findingCount == 12, "\(byPath.map { ($0.key, $0.value.status, $0.value.reason) })")
        #expect(byPath[tree.path("cut.tar.gz") + "!filler.bin"]?.status == .error)
        #expect(byPath[tree.path("cut.tar.gz")]?.status == .error)
        #expect(byPath[tree.path("cut.tar.gz") + "!last.csv"] == nil)
    }

    @Test func somethingThatOnlyLooksLikeAnArchiveIsStillScanned() async throws {
        let tree = try TestTree("archives-fake")
        try tree.bytes("fake.zip", Array("PK\u{3}\u{4}\u{14}\u{0}\u{0}\u{0} not really a zip; SSN 401-23-7788\n".utf8))
        let (reader, run) = try await scan(tree)
        let file = try #require(try files(reader, run)[tree.path("fake.zip")])
        #expect(file.findingCount == 1)
        #expect(file.status == .error)
        #expect(file.reason?.contains("scanned as raw bytes") == true)
    }
}
