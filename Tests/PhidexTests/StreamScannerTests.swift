// Chunked scanning equals whole scanning: every example, split at every offset
// across a read boundary, is found exactly once with the same span, line and
// confidence; and random texts agree for random chunk sizes.

import PhidexCore
import PhidexDetect
import Testing

@Suite struct StreamScannerTests {
    let engine = Shared.engine

    struct Seen: Hashable {
        var rule: RuleID
        var span: ByteSpan
        var line: Int64
        var confidence: Double
    }

    func seen(_ matches: [Match]) -> [Seen] {
        matches.map { Seen(rule: $0.rule, span: $0.span, line: $0.line, confidence: $0.confidence) }
    }

    /// Scans `bytes` with the given chunk size, feeding it in pieces cut at `cuts`.
    func chunked(_ bytes: [UInt8], chunkSize: Int, cuts: [Int] = []) -> [Match] {
        let scanner = StreamScanner(engine: engine, chunkSize: chunkSize)
        var found: [Match] = []
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            bytes[start..<cut].withUnsafeBytes { scanner.feed($0, into: &found) }
            start = cut
        }
        scanner.finish(into: &found)
        return found
    }

    @Test func everyExampleAtEveryOffsetAcrossABoundary() {
        let chunk = 64
        let overlap = engine.reach
        // The first window is processed after chunk + 2*overlap bytes and reports matches that
        // start before chunk + overlap; sliding each example across both positions covers
        // every way a read boundary and a report boundary can cut it.
        let examples = engine.catalogue.rules.flatMap { $0.examples + $0.negativeExamples }
        var cases = 0
        for example in examples {
            let body = Array(example.utf8)
            // Prefix lengths that put each boundary at every offset of the example, and just outside it.
            let reportBoundary = chunk + overlap
            let readBoundary = chunk + 2 * overlap
            let prefixes = Set(
                [reportBoundary, readBoundary].flatMap { boundary in (boundary - body.count - 4)...(boundary + 2) })
            for prefixLength in prefixes.sorted() {
                let text = Array(repeating: UInt8(ascii: "x"), count: prefixLength)
                    + [UInt8(ascii: "\n"), UInt8(ascii: " ")] + body + [UInt8(ascii: " "), UInt8(ascii: "\n")]
                    + Array(repeating: UInt8(ascii: "y"), count: 40)
                let whole = seen(engine.matches(in: text))
                let split = seen(chunked(text, chunkSize: chunk, cuts: [prefixLength + 2 + body.count / 2]))
                #expect(whole == split, "example \(example) with prefix \(prefixLength)")
                cases += 1
            }
        }
        #expect(cases > 1000)
    }

    @Test func examplesAreFoundExactlyOnceWithTinyChunks() {
        for rule in engine.catalogue.rules {
            for example in rule.examples {
                let text = Array(("lead\n" + example + "\ntrail").utf8)
                for chunkSize in [1, 2, 3, 7, 11, 13] {
                    let found = chunked(text, chunkSize: chunkSize).filter { $0.rule == rule.id }
                    #expect(found.count == engine.matches(in: text).filter { $0.rule == rule.id }.count)
                    #expect(Set(found.map(\.span)).count == found.count, "a match was reported twice")
                }
            }
        }
    }

    @Test func randomTextsAgreeForRandomChunkSizes() {
        var generator = SplitMix64(seed: 20261123)
        let alphabet = Array("0123456789--..  \nSsNn:PhoneTIN".utf8)
        for _ in 0..<200 {
            let length = Int.random(in: 50...3000, using: &generator)
            let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            let whole = seen(engine.matches(in: text))
            let chunkSize = Int.random(in: 1...700, using: &generator)
            let cuts = (0..<5).map { _ in Int.random(in: 0...length, using: &generator) }.sorted()
            #expect(seen(chunked(text, chunkSize: chunkSize, cuts: cuts)) == whole)
        }
    }

    @Test func tableColumnsAgreeForEveryChunkSize() {
        var generator = SplitMix64(seed: 7)
        var csv = "id,\"full name\",ssn,routing,notes\n"
        for row in 0..<40 {
            let ssn = String(format: "%03d%02d%04d", Int.random(in: 1...665, using: &generator), Int.random(in: 1...99, using: &generator), Int.random(in: 1...9999, using: &generator))
            let routing = String(format: "%03d%02d%04d", Int.random(in: 1...665, using: &generator), Int.random(in: 1...99, using: &generator), Int.random(in: 1...9999, using: &generator))
            let notes = String(repeating: "z", count: Int.random(in: 0...600, using: &generator))
            csv += "\(row),\"Quill, Avery\",\(ssn),\(routing),\(notes)\n"
        }
        let text = Array(csv.utf8)
        let matches = engine.matches(in: text)
        #expect(matches.filter { $0.type == .ssn }.count == 40, "the ssn column counts, the routing column does not")
        #expect(matches.filter { $0.type == .name }.count == 40, "the full name column holds names")
        #expect(matches.count == 80)
        let whole = seen(matches)
        for chunkSize in [1, 5, 64, 333, 1000, 4096] {
            #expect(seen(chunked(text, chunkSize: chunkSize, cuts: [17, 900])) == whole, "chunk size \(chunkSize)")
        }
    }

    @Test func scannerIsReusableAcrossStreams() {
        let scanner = StreamScanner(engine: engine, chunkSize: 32)
        for _ in 0..<3 {
            var found: [Match] = []
            Array("x\nSSN 078-05-1123".utf8).withUnsafeBytes { scanner.feed($0, into: &found) }
            scanner.finish(into: &found)
            #expect(found.map(\.span.offset) == [6])
            #expect(found.map(\.line) == [2])
        }
    }
}

/// A small seeded generator so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
