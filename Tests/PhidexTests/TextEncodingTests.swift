// Text saved as UTF-16 with a byte-order mark is read decoded: the same findings
// as the UTF-8 text, in both byte orders, loose or inside an archive, across the
// decoder's read boundaries and after characters outside the BMP.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexIndex
import PhidexScan
import Testing

@Suite struct TextEncodingTests {
    let engine = Shared.engine

    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        let bom: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        return bom + text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }

    @Test func utf16WithAByteOrderMarkGivesTheFindingsOfItsText() async throws {
        // 300 KiB of filler puts values past the decoder's 256 KiB reads; the emoji is a surrogate pair.
        let text = "Name\tSSN\tMRN\r\n" + "Ava 😀\t401-23-7788\t00142816\r\n"
            + String(repeating: "lorem ipsum 12.5\r\n", count: 17_000) + "Patient SSN: 078-05-1123\r\n"
        let tree = try TestTree("utf16")
        try tree.bytes("plain.txt", Array(text.utf8))
        try tree.bytes("le.txt", utf16(text, bigEndian: false))
        try tree.bytes("be.txt", utf16(text, bigEndian: true))
        try tree.bytes("roster.zip", try ArchiveBuilder.build(.zip, members: [
            ArchiveMember(name: "roster.txt", content: .bytes(utf16(text, bigEndian: false))),
        ]))
        let index = tree.root + ".db"
        let result = try await Scan.run(ScanOptions(roots: [tree.root], index: IndexLocation(path: index), jobs: 2), engine: engine)
        let reader = try IndexReader(location: IndexLocation(path: index))
        var found: [String: [String]] = [:]
        try reader.findings(run: result.runID) { record in
            found[record.path, default: []].append("\(record.finding.type) \(record.finding.masked) \(record.finding.valueKey) \(record.finding.line)")
        }
        let expected = try #require(found[tree.path("plain.txt")])
        #expect(expected.count == 3, "\(expected)")
        for path in ["le.txt", "be.txt", "roster.zip!roster.txt"] {
            #expect(found[tree.path(path)] == expected, "\(path)")
        }
    }

    /// UTF-16 text inside binary content (a disk image, a legacy document) or saved without a
    /// byte-order mark is carved out: found, and reported at the offsets of its original bytes.
    @Test func utf16RunsInBinaryContentAreCarvedAtTheirOffsets() async throws {
        let label = Array("Patient SSN: 512-44-3817".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var image = [UInt8](repeating: 0, count: 300_000)
        for index in stride(from: 0, to: image.count, by: 97) { image[index] = UInt8(truncatingIfNeeded: index &* 31) }
        let at = 262_141  // across the carver's 256 KiB reads, at an odd offset
        image.replaceSubrange(at..<at + label.count, with: label)
        image.replaceSubrange(1000..<1024, with: Array("ascii MRN: 00142816 ok\0\0".utf8))
        let tree = try TestTree("carving")
        try tree.bytes("disk.img", image)
        try tree.bytes("roster.txt", Array(utf16("Name\tSSN\r\nAva\t512-44-3817\r\n", bigEndian: false).dropFirst(2)))
        let index = tree.root + ".db"
        let result = try await Scan.run(ScanOptions(roots: [tree.root], index: IndexLocation(path: index), jobs: 2), engine: engine)
        let reader = try IndexReader(location: IndexLocation(path: index))
        var found: [String: [String]] = [:]
        try reader.findings(run: result.runID) { record in
            found[record.path, default: []].append("\(record.finding.type) \(record.finding.span.offset) \(record.finding.span.length)")
        }
        let ssnOffset = at + 2 * "Patient SSN: ".utf16.count
        #expect(found[tree.path("disk.img")]?.sorted() == ["mrn 1011 8", "ssn \(ssnOffset) 21"], "\(found)")
        // The header row is carved too: `Ava` sits in a Name column beside an SSN column.
        #expect(found[tree.path("roster.txt")] == ["name 20 5", "ssn \(2 * "Name\tSSN\r\nAva\t".utf16.count) 21"], "UTF-16 without a byte-order mark")
    }
}
