// Email end to end through a scan: bodies decoded from quoted-printable and
// base64 and converted from their charset, HTML bodies rendered, attachments and
// attached messages walked as members, encrypted parts recorded, mailboxes read
// message by message, and the same message inside a zip. Values are synthetic.

import Foundation
import PhidexCore
import PhidexCorpus
import PhidexExtract
import PhidexIndex
import PhidexScan
import Testing

@Suite struct MailTests {
    let engine = Shared.engine

    func scan(_ tree: TestTree, limits: ArchiveLimits = ArchiveLimits()) async throws -> (found: [String: [String]], files: [String: FileRecord]) {
        try await scanTree(tree, limits: limits)
    }

    /// A message with a Latin-1 quoted-printable body (a soft line break inside the SSN), an HTML
    /// alternative, a base64 CSV attachment, an attached message and a PGP/MIME encrypted part.
    static func message() -> [UInt8] {
        let csv = Data("mrn,ssn\n00142816,401-23-7788\n".utf8).base64EncodedString()
        let text = """
            From: "Records Desk" <records@clinic.example>
            To: billing@payer.example
            Subject: =?UTF-8?Q?Z=C3=B6e_=C3=81lvarez?= follow-up
            Date: Tue, 09 Jun 2022 10:52:00 -0500
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Patient Zo=EB =C1lvarez, SSN 512-=
            44-3817, MRN 00977311.
            --alt
            Content-Type: text/html; charset=utf-8

            <html><body><table><tr><th>Name</th><th>MRN</th></tr><tr><td>Sample, Blake</td><td>00555123</td></tr></table></body></html>
            --alt--
            --outer
            Content-Type: text/csv; name="roster.csv"
            Content-Disposition: attachment; filename="roster.csv"
            Content-Transfer-Encoding: base64

            \(csv)
            --outer
            Content-Type: message/rfc822

            From: someone@clinic.example
            Subject: forwarded
            Content-Type: text/plain

            Member ID: AHR027964381
            --outer
            Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="enc"

            --enc
            Content-Type: application/pgp-encrypted

            Version: 1
            --enc
            Content-Type: application/octet-stream

            -----BEGIN PGP MESSAGE-----
            hQEMA0000000000000AQf/
            -----END PGP MESSAGE-----
            --enc--
            --outer--

            """
        return Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    @Test func aMessageIsReadAsItsBodiesAndAttachments() async throws {
        let tree = try TestTree("mail-message")
        try tree.bytes("msg.eml", Self.message())
        try tree.bytes("archive.zip", try ArchiveBuilder.build(.zip, members: [ArchiveMember(name: "2022/msg.eml", content: .bytes(Self.message()))]))
        let (found, files) = try await scan(tree)
        for root in ["msg.eml", "archive.zip!2022/msg.eml"] {
            let path = { (member: String) in tree.path(root + "!" + member) }
            #expect(found[path("(text)")]?.sorted() == ["mrn ****7311", "ssn ***-**-3817"], "\(root): \(found)")
            #expect(found[path("(html)")]?.sorted() == ["mrn ****5123", "name S*****, B****"], "\(root)")
            #expect(found[path("roster.csv")]?.sorted() == ["mrn ****2816", "ssn ***-**-7788"], "\(root)")
            #expect(found[path("attached-2.eml!(text)")] == ["member_id ********4381"], "\(root)")
            #expect(files[path("encrypted-3")]?.status == .encrypted, "\(root)")
            #expect(files[tree.path(root)]?.status == .encrypted, "the message rolls up its encrypted part")
        }
    }

    @Test func aMailboxIsReadMessageByMessage() async throws {
        let tree = try TestTree("mail-mbox")
        let mbox = """
            From records@clinic.example Tue Jun  9 10:52:00 2022
            From: records@clinic.example
            To: billing@payer.example
            Subject: first

            Patient SSN: 512-44-3817
            >From the desk: nothing else.

            From billing@payer.example Wed Jun 10 09:00:00 2022
            From: billing@payer.example
            To: records@clinic.example
            Subject: second

            MRN: 00142816

            """
        try tree.file("inbox.mbox", mbox)
        let (found, files) = try await scan(tree)
        #expect(found[tree.path("inbox.mbox!(message 1)!(text)")] == ["ssn ***-**-3817"], "\(found)")
        #expect(found[tree.path("inbox.mbox!(message 2)!(text)")] == ["mrn ****2816"])
        #expect(files[tree.path("inbox.mbox")]?.status == .ok)
    }

    @Test func textThatOnlyStartsLikeHeadersIsStillRead() async throws {
        let tree = try TestTree("mail-notes")
        try tree.file("note.txt", "Subject: intake\nPatient SSN: 512-44-3817\n")
        try tree.file("config.ini", "name: x\nvalue: 401-23-7788 ssn\n")
        let (found, _) = try await scan(tree)
        #expect(found.values.flatMap { $0 }.count == 2, "\(found)")
    }
}
