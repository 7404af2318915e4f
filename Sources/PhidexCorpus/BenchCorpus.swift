// Inputs for `make bench`: a large plain-text corpus (clinical notes and CSV
// exports, about one SSN per 1–2 KB) and a tree of many small files, made from
// pools of generated documents so a gigabyte takes seconds, not minutes.

import Foundation

/// Writes the benchmark's synthetic inputs.
public enum BenchCorpus {
    /// Writes `files` text files totalling about `bytes` into `directory`, each the same
    /// mix a share holds: mostly prose, code and configuration, some visit notes and short
    /// CSV exports — about one identifier per 2 KB overall, like the inputs measured in
    /// ../shared/reference/performance.md.
    /// Every file gets the same mix, so no single file holds most of the work.
    public static func writeText(into directory: String, bytes: Int, files: Int = 16, seed: UInt64 = 7) throws(CorpusError) {
        var rng = SeededGenerator(seed: seed)
        var people = rng.fork("people")
        var factory = DocumentFactory(rng: rng.fork("documents"), people: SyntheticPerson.population(count: 20_000, rng: &people))
        var pool = (0..<500).map { factory.clinicalNote(name: "note-\($0)").bytes }
        pool += (0..<4000).map { factory.proseFile(name: "memo-\($0).md").bytes }
        pool += (0..<4000).map { factory.sourceFile(name: "src-\($0).\(["py", "swift", "js", "c"][$0 % 4])").bytes }
        pool += (0..<4000).map { factory.configFile(name: "conf-\($0).\(["yaml", "ini", "json"][$0 % 3])").bytes }
        pool += (0..<10).map { factory.patientCSV(name: "export-\($0).csv", rows: 40).bytes }
        let perFile = max(1, bytes / max(1, files))
        for index in 0..<files {
            var content: [UInt8] = []
            content.reserveCapacity(perFile + 64 << 10)
            while content.count < perFile { content += rng.pick(pool) }
            try write(content, to: directory + "/share-" + IdentifierForge.pad(index, 2) + ".txt")
        }
    }

    /// Writes `count` small files (0.3–4 KB: notes, code, configuration, prose, short
    /// exports) in folders of 100 below `directory`, and a tar.gz of the same files at
    /// `tarGzipPath`. Returns the total bytes of the files.
    @discardableResult
    public static func writeTree(
        into directory: String, count: Int, tarGzipPath: String, seed: UInt64 = 11
    ) throws(CorpusError) -> Int {
        var rng = SeededGenerator(seed: seed)
        var people = rng.fork("people")
        var factory = DocumentFactory(rng: rng.fork("documents"), people: SyntheticPerson.population(count: 5_000, rng: &people))
        var pool: [(String, [UInt8])] = []
        for i in 0..<100 { pool.append(("txt", factory.clinicalNote(name: "\(i)").bytes)) }
        for i in 0..<600 { pool.append((["py", "swift", "js", "c"][i % 4], factory.sourceFile(name: "f.\(["py", "swift", "js", "c"][i % 4])").bytes)) }
        for i in 0..<400 { pool.append((["yaml", "ini", "json"][i % 3], factory.configFile(name: "c." + ["yaml", "ini", "json"][i % 3]).bytes)) }
        for _ in 0..<400 { pool.append(("md", factory.proseFile(name: "m.md").bytes)) }
        for _ in 0..<20 { pool.append(("csv", factory.patientCSV(name: "p.csv", rows: 12).bytes)) }
        var members: [ArchiveMember] = []
        members.reserveCapacity(count)
        var total = 0
        for i in 0..<count {
            let (ext, bytes) = rng.pick(pool)
            let relative = "d" + IdentifierForge.pad(i / 100, 4) + "/f" + IdentifierForge.pad(i, 6) + "." + ext
            try write(bytes, to: directory + "/" + relative)
            members.append(ArchiveMember(name: relative, content: .bytes(bytes)))
            total += bytes.count
        }
        try write(try ArchiveBuilder.build(.tarGzip, members: members), to: tarGzipPath)
        return total
    }

    /// Writes `files` patient exports (CSV, `rows` rows each, every row a person with SSN, MRN,
    /// date of birth, member ID, name, address and phone) in folders of 100 below `directory`,
    /// with a handful of notes and prose files in each folder: a share dense with PHI, for the
    /// console's latency on an index of millions of findings. Each file is its own draw of
    /// people from a population of `people`, so values repeat across files as real exports do.
    public static func writeExports(into directory: String, files: Int, rows: Int = 40, people: Int = 200_000, seed: UInt64 = 13) throws(CorpusError) {
        let rng = SeededGenerator(seed: seed)
        var population = rng.fork("people")
        var factory = DocumentFactory(rng: rng.fork("documents"), people: SyntheticPerson.population(count: people, rng: &population))
        for i in 0..<files {
            let folder = directory + "/dept-" + IdentifierForge.pad(i / 100, 4)
            try write(factory.patientCSV(name: "export.csv", rows: rows).bytes, to: folder + "/export-" + IdentifierForge.pad(i, 6) + ".csv")
            if i % 100 < 5 { try write(factory.clinicalNote(name: "note").bytes, to: folder + "/note-" + IdentifierForge.pad(i, 6) + ".txt") }
            if i % 100 == 50 { try write(factory.proseFile(name: "readme.md").bytes, to: folder + "/README.md") }
        }
    }

    private static func write(_ bytes: [UInt8], to path: String) throws(CorpusError) {
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw CorpusError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
