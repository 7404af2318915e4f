// Disk images built for tests the way the issue's fixtures are, without Windows
// and without mounting: file systems made by mkfs.vfat + mcopy, mkfs.ext4 -d,
// mkntfs + ntfscp (named streams with -N), partition tables by sfdisk, and the
// image formats by qemu-img (VHD fixed and dynamic, VHDX, VMDK sparse and
// streamOptimized) and ewfacquire (E01). scripts/bootstrap installs the tools.
// The files put on them are synthetic: copies of the bundled Corpus.

import Foundation
import Testing

/// Runs a shell script (bash, `set -euo pipefail`) in `directory`; fails the test with its output when it fails.
@discardableResult
func shell(_ script: String, in directory: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "set -euo pipefail\n" + script]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        Issue.record("script failed (\(process.terminationStatus)): \(script.prefix(200))\n\(text.suffix(2000))")
        throw POSIXError(.EIO)
    }
    return text
}

/// The bundled synthetic corpus, for files to put on images.
let corpusShare: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Corpus/share").path
}()

/// Files of every kind the issue names (docx, xlsx, zip, pdf, text, CSV), copied from the corpus.
/// Relative path on the image → corpus path.
let diskImageFiles: [(String, String)] = [
    ("Users/hr/roster.xlsx", "office/billing/claims-0001.xlsx"),
    ("Users/hr/letters/referral.docx", "office/letters/referral-0001.docx"),
    ("Users/hr/export-2019.zip", "backups/set-0001/export-2019.zip"),
    ("Users/clinic/summary.pdf", "clinic/discharge/summary-0001.pdf"),
    ("Users/clinic/visit.txt", "clinic/notes/2019/visit-0001.txt"),
    ("patients.csv", "exports/patients-0001.csv"),
]

/// Tests/Fixtures: published samples (fetched, not committed) and the fuzzers' finds (committed).
let fixturesFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Fixtures").path
}()
