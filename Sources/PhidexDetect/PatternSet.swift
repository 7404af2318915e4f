// Many regular expressions matched in one pass with Vectorscan (block mode).
// The compiled database is immutable and shared by every scan task; each task
// scans with its own scratch space (PatternScratch). Vectorscan reports match
// ends only (no start-of-match flag: it costs ~6% and bounded look-back in
// Swift does the rest), and may report several ends for one pattern.

import CVectorscan
#if canImport(Glibc)
import Glibc
#endif

/// One pattern's match: which pattern, and the offset just past its last byte.
struct PatternHit: Sendable, Hashable {
    var pattern: UInt32
    var end: Int
}

/// A compiled pattern database.
final class PatternSet: @unchecked Sendable {
    // @unchecked: the database is read-only after compilation, and Vectorscan documents it as
    // safe to share between threads; every mutable thing lives in a PatternScratch.
    private let database: OpaquePointer
    private let prototype: OpaquePointer

    /// Compiles `expressions` (PCRE-like syntax); pattern `i` reports id `i`. A `singleMatch`
    /// pattern reports its first match per scan only.
    /// A database compiled before from the same inputs is loaded from `cache` instead.
    init(expressions: [String], caseless: [Bool], singleMatch: [Bool], cache: PatternCache = .user) throws {
        let flags = zip(caseless, singleMatch).map { caseless, single in
            UInt32(HS_FLAG_DOTALL) | (caseless ? UInt32(HS_FLAG_CASELESS) : 0) | (single ? UInt32(HS_FLAG_SINGLEMATCH) : 0)
        }
        let digest = PatternCache.digest(expressions: expressions, flags: flags, mode: UInt32(HS_MODE_BLOCK))
        let database = try cache.load(digest) ?? Self.compile(expressions, flags: flags, into: cache, as: digest)
        var scratch: OpaquePointer?
        guard hs_alloc_scratch(database, &scratch) == HS_SUCCESS, let scratch else {
            hs_free_database(database)
            throw CatalogueError(message: "cannot allocate Vectorscan scratch space")
        }
        self.database = database
        self.prototype = scratch
    }

    /// Compiles the expressions, and stores the database in `cache` for the next run.
    private static func compile(_ expressions: [String], flags: [UInt32], into cache: PatternCache, as digest: [UInt8]) throws -> OpaquePointer {
        var database: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let cStrings = expressions.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        let ids = (0..<UInt32(expressions.count)).map { $0 }
        let constStrings: [UnsafePointer<CChar>?] = cStrings.map { $0.map { UnsafePointer($0) } }
        let status = constStrings.withUnsafeBufferPointer { expressionPointers in
            flags.withUnsafeBufferPointer { flagPointer in
                ids.withUnsafeBufferPointer { idPointer in
                    hs_compile_multi(
                        expressionPointers.baseAddress, flagPointer.baseAddress, idPointer.baseAddress,
                        UInt32(expressions.count), UInt32(HS_MODE_BLOCK), nil, &database, &compileError)
                }
            }
        }
        guard status == HS_SUCCESS, let database else {
            let message = compileError.map { error -> String in
                let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
                let index = Int(error.pointee.expression)
                return index >= 0 && index < expressions.count ? "\(text) in pattern \(expressions[index])" : text
            } ?? "error \(status)"
            if let compileError { hs_free_compile_error(compileError) }
            throw CatalogueError(message: "cannot compile the pattern set: \(message)")
        }
        cache.store(database, for: digest)  // best effort: without it the next run compiles again
        return database
    }

    deinit {
        hs_free_scratch(prototype)
        hs_free_database(database)
    }

    /// Scratch space for one task.
    func makeScratch() -> PatternScratch {
        var clone: OpaquePointer?
        guard hs_clone_scratch(prototype, &clone) == HS_SUCCESS, let clone else {
            fatalError("Vectorscan could not clone scratch space (out of memory)")
        }
        return PatternScratch(clone)
    }

    /// Appends every match end in `window` to `hits`, in the order Vectorscan reports them.
    func scan(_ window: UnsafeRawBufferPointer, scratch: PatternScratch, into hits: inout [PatternHit]) {
        guard let base = window.baseAddress, !window.isEmpty else { return }
        withUnsafeMutablePointer(to: &hits) { hitsPointer in
            _ = hs_scan(
                database, base.assumingMemoryBound(to: CChar.self), UInt32(window.count), 0, scratch.handle,
                { id, _, end, _, context in
                    context!.assumingMemoryBound(to: [PatternHit].self).pointee.append(PatternHit(pattern: id, end: Int(end)))
                    return 0
                }, hitsPointer)
        }
    }
}

/// Vectorscan scratch space: one per scanning task, never shared.
final class PatternScratch {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) { self.handle = handle }

    deinit { hs_free_scratch(handle) }
}
