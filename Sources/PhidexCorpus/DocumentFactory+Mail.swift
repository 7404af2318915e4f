// Email: RFC 5322 messages with MIME parts — quoted-printable and base64 bodies,
// and attachments that are themselves documents (members `mail.eml!roster.csv`).

import Foundation

extension DocumentFactory {
    /// A message about a patient with an attachment (a CSV export, or a Word letter).
    mutating func email(name: String, serial: Int) throws(CorpusError) -> Artifact {
        let patient = patients(1)[0]
        var body = DocumentBuilder(format: "eml")
        body.write("Hello team,\r\n\r\nPlease update the billing account for \(patient.given) \(patient.family) ")
        body.write("(DOB ")
        body.plant("dob", patient.birth.formatted(.us), person: patient.id)
        body.write(", SSN ")
        body.plantTaxID(of: patient)
        body.write(", MRN ")
        body.plant("mrn", patient.mrn, person: patient.id)
        body.write(") \u{2014} the member ID we have on file is ")
        body.plant("member_id", patient.memberID, person: patient.id)
        body.write(" and the claim was denied twice this quarter, so the payer wants a corrected form before ")
        body.decoy("service-date", imitates: "dob", recentDate().formatted(.us))
        body.write(".\r\n\r\nThe full list from the registration desk is attached. Call me at ")
        body.decoy("business-phone", imitates: "phone", IdentifierForge.phone(&rng))
        body.write(" with questions.\r\n\r\nThanks,\r\nRecords Desk\r\n")

        let attachment: Artifact
        let attachmentType: String
        if rng.chance(0.7) {
            attachment = patientCSV(name: "roster-\(serial).csv", rows: rng.int(8...20))
            attachmentType = "text/csv"
        } else {
            attachment = try letterDocx(name: "letter-\(serial).docx")
            attachmentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }

        let boundary = "=_phidex_\(serial)"
        let htmlBody = rng.chance(0.3)
        var message = "From: \"Records Desk\" <records@riverside-clinic.example>\r\n"
        message += "To: billing@northgate-medical.example\r\n"
        message += "Subject: Account update request \(serial)\r\n"
        message += "Date: \(rng.pick(["Mon", "Tue", "Wed", "Thu"])), \(IdentifierForge.pad(rng.int(1...28), 2)) "
        message += "\(rng.pick(["Jan", "Mar", "Jun", "Sep", "Nov"])) 202\(rng.int(0...3)) 10:\(IdentifierForge.pad(rng.int(0...59), 2)):00 -0500\r\n"
        message += "Message-ID: <\(IdentifierForge.uuid(&rng))@riverside-clinic.example>\r\n"
        message += "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n"
        message += "This is a multi-part message in MIME format.\r\n\r\n--\(boundary)\r\n"
        if htmlBody {
            let html = "<html><body><p>" + body.text.replacingOccurrences(of: "\r\n", with: "<br>\r\n") + "</p></body></html>\r\n"
            message += "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            message += Self.base64Lines(Array(html.utf8))
        } else {
            message += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            message += Self.quotedPrintable(body.text)
        }
        message += "\r\n--\(boundary)\r\nContent-Type: \(attachmentType); name=\"\(attachment.name)\"\r\n"
        message += "Content-Disposition: attachment; filename=\"\(attachment.name)\"\r\n"
        message += "Content-Transfer-Encoding: base64\r\n\r\n" + Self.base64Lines(attachment.bytes)
        message += "\r\n--\(boundary)--\r\n"

        return Artifact(
            name: name, format: "eml", bytes: Array(message.utf8),
            entries: body.entries + Artifact.entries(of: [attachment], in: "eml"))
    }

    /// Base64 in lines of 76 characters, CRLF-terminated.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n"
    }

    /// Quoted-printable (RFC 2045): soft line breaks keep lines at 76 characters, so a
    /// value may be split across lines, as real mail clients do.
    static func quotedPrintable(_ text: String) -> String {
        var out = "", line = ""
        for sourceLine in text.components(separatedBy: "\r\n") {
            line = ""
            for byte in sourceLine.utf8 {
                let piece: String
                if (byte >= 33 && byte <= 126 && byte != 61) || byte == 32 {
                    piece = String(UnicodeScalar(byte))
                } else {
                    piece = "=" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                if line.utf8.count + piece.utf8.count > 75 {
                    out += line + "=\r\n"
                    line = ""
                }
                line += piece
            }
            out += line + "\r\n"
        }
        return String(out.dropLast(2))
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
