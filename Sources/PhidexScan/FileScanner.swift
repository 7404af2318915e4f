// One worker's pipeline for one file: Extract (read, open archives) -> Detect -> Score, and
// the conversion of matches into storable findings (masked, keyed). Each scan
// worker owns one FileScanner, so the read buffer is allocated once per worker
// and reused for every file it reads.

import PhidexCore
import PhidexDetect
import PhidexExtract
import PhidexIndex
import PhidexScore

final class FileScanner {
    private let scanner: StreamScanner
    private let walker: ContentWalker
    private let scorer: RiskScorer
    private let keyer: ValueKeyer
    private let followSymlinks: Bool
    private var matches: [Match] = []

    init(
        engine: DetectionEngine, scorer: RiskScorer, keyer: ValueKeyer, chunkSize: Int, followSymlinks: Bool,
        limits: ArchiveLimits
    ) {
        self.scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
        self.walker = ContentWalker(limits: limits)
        self.scorer = scorer
        self.keyer = keyer
        self.followSymlinks = followSymlinks
    }

    /// Reads and scans one regular file and, when it is an archive, every member inside it: the
    /// file's outcome first, then one per member reached. A failure becomes a status; findings
    /// made before a read error are kept.
    func scan(_ entry: FileEntry) -> [FileOutcome] {
        let source: FileSource
        do {
            source = try FileSource(opening: entry, followSymlinks: followSymlinks)
        } catch {
            return [FileOutcome(entry: entry, status: .error, reason: error.reason)]
        }
        var scanned: [Int: (findings: [Finding], risk: RiskScore, clinicalTerms: Int)] = [:]
        let items = walker.walk(source, path: entry.path) { index, _, stream in
            matches.removeAll(keepingCapacity: true)
            while scanner.fill(into: &matches, { buffer in stream.read(into: buffer) }) > 0 {}
            scanner.finish(into: &matches)
            scanned[index] = result()
        }
        let file = source.entry
        return items.enumerated().map { index, item in
            var member = file
            if index > 0 {
                member.path = item.path
                member.size = item.bytesRead
                member.mtimeNanoseconds = item.mtimeNanoseconds ?? file.mtimeNanoseconds
            }
            let content = scanned[index]
            return FileOutcome(
                entry: member, status: item.status, reason: item.reason, findings: content?.findings ?? [],
                risk: content?.risk ?? .zero, bytesRead: item.bytesRead, clinicalTerms: content?.clinicalTerms ?? 0,
                depth: item.depth)
        }
    }

    private func result() -> (findings: [Finding], risk: RiskScore, clinicalTerms: Int) {
        // Clinical context is evidence for the score, never a finding.
        let clinicalTerms = matches.count { $0.type == .clinicalTerm }
        if clinicalTerms > 0 { matches.removeAll { $0.type == .clinicalTerm } }
        let findings = matches.map { match in
            Finding(
                rule: match.rule, type: match.type, span: match.span, line: match.line, confidence: match.confidence,
                masked: match.masked, valueKey: keyer.key(for: match.normalized), reason: match.reason)
        }
        return (findings, scorer.score(matches), clinicalTerms)
    }
}
