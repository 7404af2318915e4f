// Detect -> Score for one piece of content at a time: the stream scanner, the
// matches of the content being read, and the score's running counts, turned into
// storable findings (masked, keyed). A worker owns one; a member farm's helper
// thread owns another. Not thread-safe.

import PhidexCore
import PhidexDetect
import PhidexIndex
import PhidexScore

/// What one piece of content yielded: its last findings, its score, its clinical evidence.
struct ContentResult {
    var findings: [Finding]
    var risk: RiskScore
    var clinicalTerms: Int
}

final class ContentDetector {
    let scanner: StreamScanner
    private let scorer: RiskScorer
    private let keyer: ValueKeyer
    private var matches: [Match] = []
    /// The score's running counts and clinical terms of the content being read.
    private var tally = RiskTally()
    private var clinicalTerms = 0

    init(engine: DetectionEngine, scorer: RiskScorer, keyer: ValueKeyer, chunkSize: Int) {
        self.scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
        self.scorer = scorer
        self.keyer = keyer
    }

    /// Begins a new piece of content.
    func start() {
        matches.removeAll(keepingCapacity: true)
        tally = RiskTally()
        clinicalTerms = 0
    }

    /// Lets `read` fill the scanner's buffer (see `StreamScanner.fill`); 0 at the end.
    func fill(_ read: (UnsafeMutableRawBufferPointer) -> Int) -> Int { scanner.fill(into: &matches, read) }

    func feed(_ bytes: UnsafeRawBufferPointer) { scanner.feed(bytes, into: &matches) }

    func declare(_ tables: [TableRows], carved: [CarvedRun]) {
        scanner.declare(tables)
        scanner.declare(carved: carved)
    }

    /// Whether enough findings are waiting to be handed on before the content ends.
    var holdsBatch: Bool { matches.count >= FileScanner.flushFindings }

    /// The matches so far as storable findings (masked, keyed), counted into the score; clinical
    /// context is evidence for the score, never a finding.
    func takeFindings() -> [Finding] {
        let terms = matches.count { $0.type == .clinicalTerm }
        if terms > 0 {
            clinicalTerms += terms
            matches.removeAll { $0.type == .clinicalTerm }
        }
        let records = scorer.add(matches, to: &tally)
        defer { matches.removeAll(keepingCapacity: true) }
        // By index, each field read in place (a copied match retains and releases all its strings).
        return matches.indices.map { index in
            var finding = Finding(
                rule: matches[index].rule, type: matches[index].type, span: matches[index].span, line: matches[index].line,
                confidence: matches[index].confidence, masked: matches[index].masked,
                valueKey: keyer.key(for: matches[index].normalized), reason: matches[index].reason)
            finding.record = records[index]
            return finding
        }
    }

    /// Ends the content: its last findings and its score; `mode` is the permission bits of the file
    /// on disk (an archive member is as exposed as its archive).
    func finish(mode: UInt32) -> ContentResult {
        scanner.finish(into: &matches)
        let last = takeFindings()
        return ContentResult(findings: last, risk: scorer.score(tally, mode: mode, clinicalTerms: clinicalTerms), clinicalTerms: clinicalTerms)
    }
}
