// `phidex report` for tools and for auditors: CSV, SARIF and a self-contained
// HTML page, which headless Chromium renders here as a browser would. No format
// prints an identifier value. All values are synthetic.

import Foundation
import Testing

@Suite struct ReportFormatTests {
    func scannedShare() throws -> (TestTree, String) {
        let tree = try TestTree("report-formats")
        _ = try tree.file("exports/roster.csv", "mrn,ssn,dob\n00142816,512-44-3817,1958-07-21\n00977311,401-23-7788,1970-01-02\n")
        _ = try tree.file("notes/visit, \"quoted\".txt", "Seen today. MRN: 00555123 <script>alert(1)</script>\n")
        try tree.bytes("broken.zip", Array("PK\u{3}\u{4}not really a zip".utf8))
        let index = tree.root + ".db"
        #expect(try PhidexBinary.run(["scan", tree.root, "--index", index, "-q"]).status == 0)
        return (tree, index)
    }

    let values = ["512-44-3817", "401-23-7788", "00142816", "00977311", "00555123", "1958-07-21"]

    @Test func csvAndSarifListEveryFindingMasked() throws {
        let (tree, index) = try scannedShare()
        let csv = try PhidexBinary.run(["report", "--index", index, "--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "path,type,rule,line,byte_offset,length,confidence,masked,file_status,file_risk_score,file_risk_tier")
        #expect(rows.count == 1 + 7, "\(csv.stdout)")
        #expect(csv.stdout.contains("\"\(tree.path("notes/visit, \"\"quoted\"\".txt"))\",mrn,"), "RFC 4180 quoting")
        let sarif = try PhidexBinary.run(["report", "--index", index, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 7)
        #expect(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"].map { ($0 as? [Any])?.count ?? 0 } ?? 0 >= 12)
        for value in values { #expect(!csv.stdout.contains(value) && !sarif.stdout.contains(value), "\(value) printed") }
    }

    @Test func htmlReportIsSelfContainedAndRendersInChromium() throws {
        let (tree, index) = try scannedShare()
        let html = try PhidexBinary.run(["report", "--index", index, "--format", "html"])
        #expect(html.status == 0)
        for value in values { #expect(!html.stdout.contains(value), "\(value) printed") }
        #expect(!html.stdout.contains("<script>alert"), "file names are escaped")
        #expect(!html.stdout.contains("src=\"http") && !html.stdout.contains("href=\"http") && !html.stdout.contains("<link"), "no network")
        let page = tree.root + "/report.html"
        try html.stdout.write(toFile: page, atomically: false, encoding: .utf8)

        let chromium = try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                    "headless Chromium renders the report (scripts/bootstrap installs it)")
        let shot = tree.root + "/report.png"
        let render = Process()
        render.executableURL = URL(fileURLWithPath: chromium)
        render.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1600",
                            "--screenshot=\(shot)", "--dump-dom", "file://" + page]
        let out = Pipe()
        render.standardOutput = out
        render.standardError = FileHandle.nullDevice
        try render.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        render.waitUntilExit()
        #expect(render.terminationStatus == 0)
        // What a reader sees: the title, the figures, both charts, the riskiest file, the unreadable zip.
        #expect(dom.contains("Phidex report — run 1"))
        #expect(dom.contains("Identifiers by type") && dom.contains("People exposed by top folder") && dom.contains("people exposed"))
        #expect(dom.contains(tree.path("exports/roster.csv")))
        #expect(dom.contains("Could not be read") && dom.contains(tree.path("broken.zip")))
        #expect(dom.contains("<svg"))
        let size = (try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a screenshot with content, \(size) bytes")
    }
}
