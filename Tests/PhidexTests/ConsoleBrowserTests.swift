// The console in a real browser: headless Chromium (Debian's `chromium`) loads each page of
// a server started on the bundled corpus's index, runs its script, and the test reads what
// was rendered (the DOM after the script) and checks the screenshot. Every control must be
// labelled and reachable from the keyboard (native controls, no positive tabindex, a skip
// link). `make screenshots` keeps the pictures (PHIDEX_SCREENSHOTS names the folder).

import Foundation
import Testing

@Suite struct ConsoleBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM Chromium rendered, and the screenshot's size in bytes.
    static func render(_ url: String, shot: String) throws -> (dom: String, bytes: Int) {
        let chromium = try #require(chromium, "headless Chromium (scripts/bootstrap installs it)")
        let profile = shot + ".profile"
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try PhidexBinary.runTool(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(profile)",
            "--window-size=1280,1400", "--virtual-time-budget=3000", "--screenshot=\(shot)", "--dump-dom", url,
        ])
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(400))")
        let bytes = (try FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
        return (result.stdout, bytes)
    }

    /// Form controls without a label, and elements with a positive tabindex, in `dom`.
    static func unlabelled(_ dom: String) -> [String] {
        var problems: [String] = []
        let controls = dom.matches(of: /<(input|select|textarea)\b[^>]*>/)
        for match in controls {
            let tag = String(match.output.0)
            if tag.contains("type=\"hidden\"") { continue }
            guard let id = tag.firstMatch(of: /\bid="([^"]+)"/)?.output.1 else {
                problems.append("no id: \(tag.prefix(60))")
                continue
            }
            if !dom.contains("for=\"\(id)\"") && !tag.contains("aria-label=") { problems.append("no label for #\(id)") }
        }
        for match in dom.matches(of: /tabindex="([0-9]+)"/) where Int(match.output.1) ?? 0 > 0 { problems.append("tabindex \(match.output.1)") }
        return problems
    }

    @Test(arguments: ConsoleTests.Engine.allCases)
    func everyPageRendersAndIsUsableFromTheKeyboard(_ engine: ConsoleTests.Engine) throws {
        try #require(Self.chromium != nil, "headless Chromium (scripts/bootstrap installs it)")
        var index: String?
        if engine == .postgres {
            guard TestPostgres.server != nil else { return }
            index = try TestPostgres.database("browser")
            let copy = try PhidexBinary.run(["index", "copy", "--index", ConsoleTests.corpus.index, index!])
            #expect(copy.status == 0, "\(copy.stderr)")
        }
        let (console, _) = try ConsoleTests.console(index: index, keyFile: index == nil ? nil : ConsoleTests.corpus.index + ".key")
        defer { console.stop() }
        let share = ConsoleTests.corpus.tree.path("share")
        let home = try console.request("GET", "/")
        let fileID = try #require(home.body.firstMatch(of: /\/file\?run=2&amp;id=(\d+)/).map { String($0.output.1) })
        let folder = ConsoleTests.corpus.tree.root + "-shots"
        let kept = ProcessInfo.processInfo.environment["PHIDEX_SCREENSHOTS"]
        try FileManager.default.createDirectory(atPath: kept ?? folder, withIntermediateDirectories: true)
        let pages: [(name: String, path: String, expected: [String], filter: Bool)] = [
            ("dashboard", "/", ["Findings by type", "Files per risk tier", "Riskiest folders", "Trend across runs", "people exposed"], true),
            ("folders", "/folders?path=" + share, ["Subfolders", "Sort subfolders by", "exports"], true),
            ("folder", "/folders?path=" + share + "/exports", ["Files in this folder", "late-addition.csv"], true),
            ("file", "/file?id=" + fileID, ["Why it is risky", "Findings by type", "Linked files"], true),
            ("runs", "/runs", ["Compare two runs", "Earlier run"], false),
            ("diff", "/diff?from=1&to=2", ["gained", "late-addition.csv"], true),
            ("unknown", "/unknown", ["Encrypted or over a limit", "Not readable"], true),
            ("lookup", "/lookup", ["Identifier type", "Or a CSV file", "Look up"], false),
        ]
        for page in pages {
            let shot = (kept ?? folder) + (engine == .sqlite ? "/console-\(page.name).png" : "/console-\(page.name)-postgres.png")
            let (dom, bytes) = try Self.render(console.base + page.path, shot: shot)
            for text in page.expected { #expect(dom.contains(text), "\(page.name) shows \(text)") }
            #expect(dom.contains("data-enhanced=\"1\""), "\(page.name): the script ran")
            if page.filter { #expect(dom.contains("Filter rows"), "\(page.name): the script added the row filter") }
            #expect(dom.contains("class=\"skip\" href=\"#main\""), "\(page.name): a skip link")
            #expect(dom.contains("aria-current=\"page\""), "\(page.name): the current section is marked")
            #expect(Self.unlabelled(dom).isEmpty, "\(page.name): \(Self.unlabelled(dom))")
            #expect(bytes > 20_000, "\(page.name): a screenshot with content, \(bytes) bytes")
        }
        #expect(!console.log.contains(share))
    }
}
