// One worker's pipeline for one file: Extract (read) -> Detect -> Score, and
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
    private let scorer: RiskScorer
    private let keyer: ValueKeyer
    private let followSymlinks: Bool
    private var matches: [Match] = []

    init(engine: DetectionEngine, scorer: RiskScorer, keyer: ValueKeyer, chunkSize: Int, followSymlinks: Bool) {
        self.scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
        self.scorer = scorer
        self.keyer = keyer
        self.followSymlinks = followSymlinks
    }

    /// Reads and scans one regular file. A failure becomes the file's status; findings made
    /// before a read error are kept.
    func scan(_ entry: FileEntry) -> FileOutcome {
        matches.removeAll(keepingCapacity: true)
        let source: FileSource
        do {
            source = try FileSource(opening: entry, followSymlinks: followSymlinks)
        } catch {
            return FileOutcome(entry: entry, status: .error, reason: error.reason)
        }
        var failure: ReadFailure?
        do {
            while try scanner.fill(into: &matches, { (buffer) throws(ReadFailure) -> Int in try source.read(into: buffer) }) > 0 {}
        } catch {
            failure = error
        }
        let bytesRead = scanner.bytesSeen
        scanner.finish(into: &matches)
        return outcome(entry: source.entry, bytesRead: bytesRead, failure: failure)
    }

    private func outcome(entry: FileEntry, bytesRead: Int64, failure: ReadFailure?) -> FileOutcome {
        // Clinical context is evidence for the score, never a finding.
        let clinicalTerms = matches.count { $0.type == .clinicalTerm }
        if clinicalTerms > 0 { matches.removeAll { $0.type == .clinicalTerm } }
        let findings = matches.map { match in
            Finding(
                rule: match.rule, type: match.type, span: match.span, line: match.line, confidence: match.confidence,
                masked: match.masked, valueKey: keyer.key(for: match.normalized), reason: match.reason)
        }
        return FileOutcome(
            entry: entry, status: failure == nil ? .ok : .error, reason: failure?.reason, findings: findings,
            risk: scorer.score(matches), bytesRead: bytesRead, clinicalTerms: clinicalTerms)
    }
}
