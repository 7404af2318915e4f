// `phidex-bench` (`make bench`): Phidex and ripgrep side by side on the same bytes,
// several alternating runs, medians and ratios, with the machine's ceilings for
// context. Inputs are generated once and cached under --work.

import ArgumentParser
import Foundation
import PhidexCorpus
import PhidexDetect

@main
struct PhidexBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phidex-bench",
        abstract: "Benchmark Phidex against ripgrep on generated data; prints a Markdown table of medians.")

    @Option(help: "Directory for the cached inputs and scratch indexes.")
    var work = ".build/bench"

    @Option(help: "The phidex executable to measure (a release build).")
    var phidex = ".build/release/phidex"

    @Option(help: "The peer: ripgrep.")
    var rg = "rg"

    @Option(help: "Runs of each measurement; medians are reported.")
    var runs = 5

    @Option(name: .customLong("text-mib"), help: "Size of the plain-text corpus, MiB.")
    var textMiB = 1024

    @Option(help: "Number of small files in the tree.")
    var smallFiles = 50_000

    @Option(name: .customLong("console-files"), help: "Only measure the console's page latency, on an index of this many generated patient exports (make console-bench).")
    var consoleFiles: Int?

    @Flag(help: "Only time Phidex's detection over the text, once per run (for profiling); no table.")
    var detectOnly = false

    /// Phidex's catalogue as ripgrep patterns: the shapes and labels its rules look for
    /// (SSN and HICN, NPI, MBI, DEA, dates, the MRN, member-ID and birth labels), before the
    /// validation, context and structure that a regex engine cannot do.
    static let peerPatterns = [
        #"\b[0-9]{3}[- .][0-9]{2}[- .][0-9]{4}\b"#, #"\b[0-9]{9}(?:[A-Z][0-9A-Z]?)?\b"#,
        #"\b[0-9]{10}\b"#, #"\b[0-9]{4}[- ][0-9]{3}[- ][0-9]{3}\b"#,
        #"(?i)\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]-?[AC-HJKMNP-RT-Y]{2}[0-9]{2}\b"#,
        #"\b[A-HJ-MPR-UX][A-Z9][0-9]{7}\b"#,
        #"\b[0-9]{1,2}[/-][0-9]{1,2}[/-][0-9]{4}\b"#, #"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b"#,
        #"(?i)\b(?:mrn|mr ?#|medical record (?:number|no)|chart ?(?:#|no)|patient ?id|member ?(?:id|#|no|number)|member_id|subscriber ?id|policy ?(?:#|no|number)|medicaid ?(?:id|#)|dob|d\.o\.b|date of birth|birth ?date|birth_date|born)\b"#,
    ]

    func validate() throws {
        guard runs >= 1, textMiB >= 1, smallFiles >= 1 else { throw ValidationError("sizes and runs must be positive") }
    }

    func run() throws {
        setlocale(LC_ALL, "C.UTF-8")
        let work = URL(fileURLWithPath: self.work).standardizedFileURL.path
        let phidex = URL(fileURLWithPath: self.phidex).standardizedFileURL.path
        guard FileManager.default.isExecutableFile(atPath: phidex) else {
            throw BenchError("no phidex executable at \(phidex): build it with `swift build -c release`")
        }
        if let consoleFiles {
            try ConsoleLatency(work: work, phidex: phidex, files: consoleFiles, runs: max(runs, 10)).run()
            return
        }
        let inputs = try prepare(in: work)
        let textFiles = try files(in: inputs.text)
        let textBytes = textFiles.reduce(0) { $0 + size($1) }
        let treeFiles = try files(in: inputs.tree)
        let treeBytes = treeFiles.reduce(0) { $0 + size($1) }
        let engine = try DetectionEngine()
        let index = work + "/scratch/bench.phidex"
        /// A PostgreSQL server for the load row (scripts/postgres sets it), or none.
        let postgres = ProcessInfo.processInfo.environment["PHIDEX_TEST_POSTGRES"]
        let rgBase = [rg, "--no-ignore", "--hidden", "--count-matches"] + Self.peerPatterns.flatMap { ["-e", $0] }

        if detectOnly {
            for _ in 1...runs {
                var result = (bytes: 0, matches: 0)
                let seconds = try timed { result = try Ceilings.detect(textFiles, engine: engine) }
                print("detection: \(format(Double(result.bytes) / seconds / 1e6, 0)) MB/s, \(result.matches) matches")
            }
            return
        }
        var m = Measurements()
        note("measuring: \(runs) alternating runs of each pair")
        for run in 1...runs {
            note("  run \(run)/\(runs)")
            // Ceilings.
            m.add("read", seconds: try timed { _ = try Ceilings.read(textFiles) })
            m.add("inflate", seconds: try timed { _ = try Ceilings.inflate(inputs.tarGzip) })
            // Detection alone on one core, against ripgrep on one thread.
            m.add("detect", seconds: try timed { _ = try Ceilings.detect(textFiles, engine: engine) })
            m.add("rg-1", seconds: try ChildProcess.run(rgBase + ["-j1", inputs.text]).seconds)
            // End to end: a scan into a fresh index, against ripgrep with its default threads.
            removeIndex(index)
            let scan = try ChildProcess.run([phidex, "scan", inputs.text, "--index", index])
            m.add("scan-text", seconds: scan.seconds)
            m.add("scan-text-rss", value: Double(scan.peakRSS))
            m.findings = findings(in: scan.stderr)
            m.indexBytes = indexSize(index)
            let peer = try ChildProcess.run(rgBase + [inputs.text])
            m.add("rg-text", seconds: peer.seconds)
            m.add("rg-text-rss", value: Double(peer.peakRSS))
            // The same index loaded into the shared PostgreSQL index, when a server is given
            // (`make bench` starts one with scripts/postgres): into a new database each run.
            if let server = postgres, let cut = server.range(of: "/", options: .backwards) {
                _ = try ChildProcess.run(["/usr/bin/psql", server, "-qAtX", "-c", "DROP DATABASE IF EXISTS phidex_bench", "-c", "CREATE DATABASE phidex_bench"])
                let target = String(server[..<cut.upperBound]) + "phidex_bench"
                m.add("pg-load-text", seconds: try ChildProcess.run([phidex, "index", "copy", "--index", index, target]).seconds)
                // The same text scanned straight into PostgreSQL by one host (a shared run of one).
                m.add("pg-scan-text", seconds: try scanIntoPostgres(phidex, inputs.text, server: server, hosts: 1, key: index + ".key"))
            }
            removeIndex(index)
            m.add("scan-tree", seconds: try ChildProcess.run([phidex, "scan", inputs.tree, "--index", index]).seconds)
            if let server = postgres {
                // The small files into PostgreSQL by one host, then by two sharing the run (on this one machine).
                for hosts in [1, 2] {
                    m.add("pg-scan-tree-\(hosts)", seconds: try scanIntoPostgres(phidex, inputs.tree, server: server, hosts: hosts, key: index + ".key"))
                }
            }
            // The nightly re-scan: the same tree, unchanged, into the same index (incremental).
            m.add("rescan-tree", seconds: try ChildProcess.run([phidex, "scan", inputs.tree, "--index", index]).seconds)
            m.add("rg-tree", seconds: try ChildProcess.run(rgBase + [inputs.tree]).seconds)
            // Archives: Phidex opens them; the peer extracts to a pipe into ripgrep.
            let rgPipe = rgBase.map { "'\($0)'" }.joined(separator: " ") + " -a"
            for (label, path) in [("tgz-small", inputs.tarGzip), ("zip-small", inputs.zip), ("tgz-text", inputs.textTarGzip)] {
                removeIndex(index)
                m.add("scan-" + label, seconds: try ChildProcess.run([phidex, "scan", path, "--index", index]).seconds)
                m.add("bsdtar-" + label, seconds: try ChildProcess.run(["/bin/sh", "-c", "bsdtar -xOf '\(path)' | \(rgPipe)"]).seconds)
            }
            m.add("inflate-text", seconds: try timed { _ = try Ceilings.inflate(inputs.textTarGzip) })
            // Disk images: the same files in an ext4 image, against the same files loose (Phidex both sides).
            removeIndex(index)
            let image = try ChildProcess.run([phidex, "scan", inputs.treeImage, "--index", index])
            m.add("scan-image-tree", seconds: image.seconds)
            m.add("scan-image-tree-rss", value: Double(image.peakRSS))
            removeIndex(index)
            let textImage = try ChildProcess.run([phidex, "scan", inputs.textImage, "--index", index])
            m.add("scan-image-text", seconds: textImage.seconds)
            m.add("scan-image-text-rss", value: Double(textImage.peakRSS))
            removeIndex(index)
            m.add("scan-text4", seconds: try ChildProcess.run([phidex, "scan", inputs.text4, "--index", index]).seconds)
        }
        removeIndex(index)
        let tarBytes = try Ceilings.inflate(inputs.tarGzip)
        let tarGzipBytes = size(inputs.tarGzip)
        let textTarBytes = try Ceilings.inflate(inputs.textTarGzip)

        let mb = 1e6
        let cores = ProcessInfo.processInfo.activeProcessorCount
        var out: [String] = []
        out.append("Phidex \(phidexVersion(phidex)) vs ripgrep \(rgVersion()), \(runs) runs, medians (min–max); MB = 10^6 bytes; warm page cache.")
        out.append("Machine: \(machine()), \(cores) cores.")
        out.append("Inputs: \(format(Double(textBytes) / mb, 0)) MB plain text in \(textFiles.count) files (notes, prose, code, configuration, CSV exports); "
            + "\(treeFiles.count) small files, \(format(Double(treeBytes) / mb, 1)) MB; their tar.gz, \(format(Double(tarGzipBytes) / mb, 1)) MB.")
        out.append("")
        out.append("| measure | Phidex | ripgrep (same bytes) | Phidex / ripgrep |")
        out.append("|---|---:|---:|---:|")
        func rateRow(_ label: String, _ a: String, _ b: String, bytes: Int, unit: String = "MB/s", scale: Double = mb) {
            let pa = m.rates(a, amount: Double(bytes) / scale), pb = m.rates(b, amount: Double(bytes) / scale)
            out.append("| \(label) | \(pa.text) \(unit) | \(pb.text) \(unit) | \(format(pa.median / pb.median, 2)) |")
        }
        rateRow("detection only, 1 thread (per core)", "detect", "rg-1", bytes: textBytes)
        rateRow("`scan` plain text into a fresh index, \(cores) jobs", "scan-text", "rg-text", bytes: textBytes)
        rateRow("`scan` \(treeFiles.count) small files", "scan-tree", "rg-tree", bytes: treeFiles.count, unit: "files/s", scale: 1)
        rateRow("`scan` \(treeFiles.count) small files (bytes)", "scan-tree", "rg-tree", bytes: treeBytes)
        rateRow("second `scan` of the unchanged \(treeFiles.count) files (incremental)", "rescan-tree", "rg-tree", bytes: treeFiles.count, unit: "files/s", scale: 1)
        rateRow("tar.gz of the small files (MB/s of tar; peer `bsdtar -xOf \\| rg`)", "scan-tgz-small", "bsdtar-tgz-small", bytes: tarBytes)
        rateRow("zip of the small files (MB/s of member bytes)", "scan-zip-small", "bsdtar-zip-small", bytes: treeBytes)
        rateRow("tar.gz of 4 text files, one gzip stream (MB/s of tar)", "scan-tgz-text", "bsdtar-tgz-text", bytes: textTarBytes)
        let text4Bytes = try files(in: inputs.text4).reduce(0) { $0 + size($1) }
        func imageRow(_ label: String, _ a: String, _ b: String, amount: Double, unit: String) {
            let pa = m.rates(a, amount: amount), pb = m.rates(b, amount: amount)
            out.append("| \(label) | \(pa.text) \(unit) | Phidex loose: \(pb.text) \(unit) | \(format(pa.median / pb.median, 2)) (vs loose) |")
        }
        imageRow("ext4 image of the small files (\(format(Double(size(inputs.treeImage)) / mb, 0)) MB image)", "scan-image-tree", "scan-tree", amount: Double(treeFiles.count), unit: "files/s")
        imageRow("ext4 image of the 4 text files (MB/s of file bytes)", "scan-image-text", "scan-text4", amount: Double(text4Bytes) / mb, unit: "MB/s")
        out.append("| peak RSS, ext4 image scans (small files; text) | \(format(m.median("scan-image-tree-rss") / mb, 0)) MB; \(format(m.median("scan-image-text-rss") / mb, 0)) MB | – | – |")
        let rss = m.median("scan-text-rss") / mb, rgRSS = m.median("rg-text-rss") / mb
        out.append("| peak RSS, plain-text run | \(format(rss, 0)) MB | \(format(rgRSS, 0)) MB | \(format(rss / rgRSS, 1)) |")
        if postgres != nil {
            let load = m.rates("pg-load-text", amount: Double(m.findings)), write = m.rates("scan-text", amount: Double(m.findings))
            out.append("| `index copy` of the plain-text index into PostgreSQL (findings/s; against the scan that wrote them into SQLite) | \(load.text) | scan: \(write.text) | \(format(load.median / write.median, 2)) (vs scan) |")
            let pgText = m.rates("pg-scan-text", amount: Double(m.findings))
            out.append("| `scan` plain text into PostgreSQL, 1 host (findings/s; against the same scan into SQLite) | \(pgText.text) | SQLite: \(write.text) | \(format(pgText.median / write.median, 2)) (vs SQLite) |")
            let tree = m.rates("scan-tree", amount: Double(treeFiles.count))
            for hosts in [1, 2] {
                let pg = m.rates("pg-scan-tree-\(hosts)", amount: Double(treeFiles.count))
                out.append("| `scan` \(treeFiles.count) small files into PostgreSQL, \(hosts) host\(hosts == 1 ? "" : "s") sharing the run (files/s; against 1 host into SQLite) | \(pg.text) files/s | SQLite: \(tree.text) files/s | \(format(pg.median / tree.median, 2)) (vs SQLite) |")
            }
        }
        out.append("| index size per finding | \(m.findings > 0 ? format(Double(m.indexBytes) / Double(m.findings), 0) : "–") B (\(m.findings) findings, \(format(Double(m.indexBytes) / mb, 1)) MB) | – | – |")
        out.append("")
        out.append("| ceiling on this machine | MB/s |")
        out.append("|---|---:|")
        out.append("| page-cache read, 1 MiB chunks, 1 thread | \(m.rates("read", amount: Double(textBytes) / mb).text) |")
        out.append("| zlib inflate, 1 MiB buffers, 1 thread (output bytes) | \(m.rates("inflate", amount: Double(tarBytes) / mb).text) |")
        let inflateText = m.rates("inflate-text", amount: Double(textTarBytes) / mb)
        let scanText = m.rates("scan-tgz-text", amount: Double(textTarBytes) / mb)
        out.append("| zlib inflate of the text tar.gz (output bytes) | \(inflateText.text) |")
        out.append("")
        out.append("Phidex on the text tar.gz: \(format(scanText.median / inflateText.median, 2)) of zlib's single-stream inflate rate on the same file.")
        out.append("Second scan of the unchanged small files: \(format(m.median("rescan-tree") / m.median("scan-tree") * 100, 1))% of the first scan's time (target: 5%).")
        print(out.joined(separator: "\n"))
    }

    // MARK: Inputs

    struct Inputs {
        var text: String
        var tree: String
        var tarGzip: String
        /// The small files as a zip (deflate).
        var zip: String
        /// Four of the text files (256 MiB by default) in one tar.gz: large members, one gzip stream.
        var textTarGzip: String
        /// The small files, and the four text files, in ext4 images (`mkfs.ext4 -d`); the four files loose.
        var treeImage: String
        var textImage: String
        var text4: String
    }

    /// Generates the inputs unless a previous run left them complete with the same sizes.
    func prepare(in work: String) throws -> Inputs {
        let inputs = Inputs(
            text: work + "/text", tree: work + "/tree", tarGzip: work + "/tree.tar.gz", zip: work + "/tree.zip",
            textTarGzip: work + "/text.tar.gz", treeImage: work + "/images/tree.ext4", textImage: work + "/images/text.ext4",
            text4: work + "/text4")
        let stamp = work + "/inputs.stamp"
        let wanted = "text \(textMiB) MiB; tree \(smallFiles) files; inputs v4\n"
        let fm = FileManager.default
        if (try? String(contentsOfFile: stamp, encoding: .utf8)) == wanted {
            try prepareArchives(inputs)
            return inputs
        }
        for path in [inputs.text, inputs.tree, inputs.tarGzip, inputs.zip, inputs.textTarGzip, inputs.treeImage, inputs.textImage, inputs.text4, stamp]
        where fm.fileExists(atPath: path) {
            try fm.removeItem(atPath: path)
        }
        note("generating \(textMiB) MiB of plain text into \(inputs.text) (once; cached)")
        try BenchCorpus.writeText(into: inputs.text, bytes: textMiB << 20)
        note("generating \(smallFiles) small files into \(inputs.tree) and \(inputs.tarGzip) (once; cached)")
        try BenchCorpus.writeTree(into: inputs.tree, count: smallFiles, tarGzipPath: inputs.tarGzip)
        try fm.createDirectory(atPath: work + "/scratch", withIntermediateDirectories: true)
        try wanted.write(toFile: stamp, atomically: true, encoding: .utf8)
        try prepareArchives(inputs)
        return inputs
    }

    /// The zip of the small files and the tar.gz of some text files, built from the inputs
    /// above when missing (issue 5 added them; older caches gain them without regenerating).
    func prepareArchives(_ inputs: Inputs) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: inputs.zip) {
            note("building \(inputs.zip) (once; cached)")
            let members = try files(in: inputs.tree).map { path in
                ArchiveMember(name: String(path.dropFirst(inputs.tree.count + 1)), content: .bytes(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
            }
            try Data(try ArchiveBuilder.build(.zip, members: members)).write(to: URL(fileURLWithPath: inputs.zip))
        }
        if !fm.fileExists(atPath: inputs.textTarGzip) {
            note("building \(inputs.textTarGzip) (once; cached)")
            let members = try files(in: inputs.text).prefix(4).map { path in
                ArchiveMember(name: "text/" + (path as NSString).lastPathComponent, content: .bytes(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
            }
            try Data(try ArchiveBuilder.build(.tarGzip, members: members)).write(to: URL(fileURLWithPath: inputs.textTarGzip))
        }
        if !fm.fileExists(atPath: inputs.text4) {
            try fm.createDirectory(atPath: inputs.text4, withIntermediateDirectories: true)
            for path in try files(in: inputs.text).prefix(4) {
                try fm.linkItem(atPath: path, toPath: inputs.text4 + "/" + (path as NSString).lastPathComponent)
            }
        }
        // ext4 images made by mkfs.ext4 -d (e2fsprogs), sized for their files plus room for metadata.
        try fm.createDirectory(atPath: (inputs.treeImage as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        for (image, source) in [(inputs.treeImage, inputs.tree), (inputs.textImage, inputs.text4)] where !fm.fileExists(atPath: image) {
            note("building \(image) (once; cached)")
            let list = try files(in: source)
            let blocks = list.reduce(0) { $0 + (size($1) + 4095) / 4096 }
            let megabytes = blocks * 4096 / (1 << 20) * 5 / 4 + 64
            let made = try ChildProcess.run(["/usr/sbin/mkfs.ext4", "-q", "-F", "-N", String(list.count + 1024), "-d", source, image, "\(megabytes)M"])
            guard made.status == 0 else { throw BenchError("mkfs.ext4 failed for \(image): \(made.stderr)") }
        }
    }

    // MARK: Helpers

    func files(in directory: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { throw BenchError("cannot list \(directory)") }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = directory + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(full)
            }
        }
        return result.sorted()
    }

    func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    func timed(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = start.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Seconds for `hosts` processes to scan `root` into a new PostgreSQL database on `server`, sharing one run.
    func scanIntoPostgres(_ phidex: String, _ root: String, server: String, hosts: Int, key: String) throws -> Double {
        guard let cut = server.range(of: "/", options: .backwards) else { throw BenchError("not a PostgreSQL URL: \(server)") }
        _ = try ChildProcess.run(["/usr/bin/psql", server, "-qAtX", "-c", "DROP DATABASE IF EXISTS phidex_bench_scan", "-c", "CREATE DATABASE phidex_bench_scan"])
        let target = String(server[..<cut.upperBound]) + "phidex_bench_scan"
        let one = [phidex, "scan", root, "--index", target, "--key-file", key, "-q"].map { "'\($0)'" }.joined(separator: " ")
        let all = Array(repeating: one + " &", count: hosts).joined(separator: " ") + " wait"
        let run = try ChildProcess.run(["/bin/sh", "-c", all])
        let status = try output(["/usr/bin/psql", target, "-qAtX", "-c", "SELECT status FROM scan_run"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == "completed" else { throw BenchError("the shared run of \(hosts) hosts ended \(status)") }
        return run.seconds
    }

    func removeIndex(_ index: String) {
        for suffix in ["", "-wal", "-shm", ".key"] { unlink(index + suffix) }
    }

    func indexSize(_ index: String) -> Int { ["", "-wal"].reduce(0) { $0 + size(index + $1) } }

    /// The finding count from `phidex scan`'s summary line.
    func findings(in summary: String) -> Int {
        guard let range = summary.range(of: #"(\d+) findings"#, options: .regularExpression) else { return 0 }
        return Int(summary[range].split(separator: " ")[0]) ?? 0
    }

    func phidexVersion(_ phidex: String) -> String {
        (try? output([phidex, "--version"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
    }

    func rgVersion() -> String {
        ((try? output([rg, "--version"])) ?? "?").split(separator: "\n").first.map { String($0.split(separator: " ").dropFirst().first ?? "?") } ?? "?"
    }

    func output(_ argv: [String]) throws -> String { try ChildProcess.output(argv) }

    func machine() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        let memory = ProcessInfo.processInfo.physicalMemory
        return "\(model), \(format(Double(memory) / Double(1 << 30), 0)) GiB"
    }

    func note(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
}

/// Samples per measurement, reported as medians with their spread.
struct Measurements {
    private var samples: [String: [Double]] = [:]
    var findings = 0
    var indexBytes = 0

    mutating func add(_ name: String, seconds: Double) { samples[name, default: []].append(seconds) }
    mutating func add(_ name: String, value: Double) { samples[name, default: []].append(value) }

    func median(_ name: String) -> Double { Self.median(samples[name] ?? []) }

    /// `amount` per second for each run: median and range as text.
    func rates(_ name: String, amount: Double) -> (median: Double, text: String) {
        let rates = (samples[name] ?? []).map { amount / max($0, 1e-9) }
        let median = Self.median(rates)
        guard let low = rates.min(), let high = rates.max() else { return (0, "–") }
        let digits = median >= 100 ? 0 : 1
        return (median, "\(format(median, digits)) (\(format(low, digits))–\(format(high, digits)))")
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

func format(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return "–" }
    return String(format: "%.\(digits)f", value)
}
