// `phidex corpus generate OUT`: write a synthetic backup share and its truth manifest.

import ArgumentParser
import Foundation
import PhidexCorpus

struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Make synthetic test data (never real PHI).",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic backup share to OUT/share and its truth manifest to OUT/truth.jsonl.",
            discussion: """
                Every name and number is made up by a seeded generator: the same seed and scale \
                give the same files (except the encrypted zip's random header bytes). The manifest \
                lists every planted identifier and every decoy in clear text, so it is written next \
                to the share, never inside it. Check a scan against it with `phidex eval OUT`.
                """)

        @Argument(help: "Directory to write into (created if missing).")
        var out: String

        @Option(help: "Seed of the generator.")
        var seed: UInt64 = 1

        @Option(help: "Size: each unit adds one more set of every document kind (about 1.4 MB).")
        var scale: Int = 1

        @Flag(help: "Replace OUT/share if it exists.")
        var force = false

        func validate() throws {
            guard (1...10_000).contains(scale) else { throw ValidationError("--scale must be between 1 and 10000") }
        }

        func run() throws {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let summary: CorpusGenerator.Summary
            do {
                summary = try CorpusGenerator(seed: seed, scale: scale).generate(into: out, replace: force)
            } catch {
                throw Failure(error.description)
            }
            let manifest = summary.manifest
            let members = manifest.files.count - summary.files
            let output = StandardOutput()
            try output.line("wrote \(summary.files) files (\(members) archive and attachment members), \(summary.bytes.formatted(.byteCount(style: .file)))")
            try output.line("  \(manifest.plants.count) planted identifiers for \(manifest.header.people) synthetic people, \(manifest.decoys.count) decoys")
            try output.line("  share:    \(out)/\(CorpusManifest.shareDirectory)")
            try output.line("  manifest: \(out)/\(CorpusManifest.fileName)")
            output.flush()
        }
    }
}
