// Damaged and hostile input, built by the test: what is still readable in a
// damaged file is found, the part that failed is never `ok`, and no reason
// quotes the file's content. Values are synthetic.

import Foundation
import PhidexCore
import Testing

@Suite struct HostileTests {
    /// Rewrites member `part` of the OOXML file `source` into `target` with `edit` applied (python3's
    /// zipfile keeps the members' order, so `[Content_Types].xml` stays first).
    func damage(_ source: String, _ part: String, into target: String, in tree: TestTree, edit: String) throws {
        try shell("""
            python3 - '\(source)' '\(target)' '\(part)' <<'PY'
            import sys, zipfile
            source, target, part = sys.argv[1:4]
            with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, 'w', zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    data = zin.read(item.filename)
                    if item.filename == part:
                        \(edit)
                    zout.writestr(item, data)
            PY
            """, in: tree.root)
    }

    @Test func aBadByteInSharedStringsKeepsEveryStringAndSaysSo() async throws {
        let tree = try TestTree("hostile-xlsx")
        let workbook = corpusShare + "/office/billing/claims-0001.xlsx"
        try tree.directory("good")
        try tree.directory("bad")
        try FileManager.default.copyItem(atPath: workbook, toPath: tree.path("good/claims.xlsx"))
        // A vertical tab (not allowed in XML 1.0) and an undefined entity whose name looks like a value.
        try damage(workbook, "xl/sharedStrings.xml", into: tree.path("bad/claims.xlsx"), in: tree,
            edit: "i = data.index(b'</si>', 200) + 5; data = data[:i] + b'\\\\x0b&ssn-401-23-7788;' + data[i:]")
        let (found, files) = try await scanTree(tree)
        let sheet = "!xl/worksheets/sheet1.xml"
        #expect(found[tree.path("bad/claims.xlsx") + sheet]?.sorted() == found[tree.path("good/claims.xlsx") + sheet]?.sorted())
        #expect(try #require(found[tree.path("good/claims.xlsx") + sheet]).count > 50)
        let strings = try #require(files[tree.path("bad/claims.xlsx") + "!xl/sharedStrings.xml"])
        #expect(strings.status == .error, "a part that failed is never ok")
        #expect(files[tree.path("bad/claims.xlsx")]?.status == .error)
        for record in files.values {
            #expect(record.reason?.contains("401-23") != true && record.reason?.contains("ssn-") != true, "a reason quotes content")
        }
    }

    @Test func aBadCharacterInAWordDocumentLosesNothingAfterIt() async throws {
        let tree = try TestTree("hostile-docx")
        let letter = corpusShare + "/office/letters/referral-0001.docx"
        try tree.directory("good")
        try tree.directory("bad")
        try FileManager.default.copyItem(atPath: letter, toPath: tree.path("good/referral.docx"))
        try damage(letter, "word/document.xml", into: tree.path("bad/referral.docx"), in: tree,
            edit: "i = data.index(b'</w:t>'); data = data[:i] + b' &ssn-401-23-7788;\\\\x0b' + data[i:]")
        let (found, files) = try await scanTree(tree)
        let body = "!word/document.xml"
        #expect(found[tree.path("bad/referral.docx") + body]?.sorted() == found[tree.path("good/referral.docx") + body]?.sorted())
        #expect(try #require(found[tree.path("good/referral.docx") + body]).count >= 3)
        let part = try #require(files[tree.path("bad/referral.docx") + body])
        #expect(part.status == .error)
        #expect(part.reason?.contains("not well-formed XML") == true)
        #expect(part.reason?.contains("401-23") != true && part.reason?.contains("ssn-") != true, "\(part.reason ?? "")")
    }
}
