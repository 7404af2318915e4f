// Identical content is read once per scan. Backups hold the same export under
// many names (`patients.csv`, `patients (1).csv`, `old/patients.csv`); once one
// copy is scanned, another file of the same size is sampled (SHA-256 of its
// first and last 64 KiB) and, when the samples match, hashed whole; when its
// content equals a scanned file's, it is not scanned: the writer gives it a
// copy of that file's rows and findings under its own path. Only files of the
// same size are ever sampled, and only from `minimumSize` up (small files cost
// less to scan than to hash), so a share without copies pays nothing, and
// same-size files that differ (disk images) cost two small reads each.

import Crypto
import Foundation
import PhidexCore
import PhidexExtract
#if canImport(Glibc)
import Glibc
#endif

/// The large files a scan has read, by size, for finding copies of them.
final class ContentIndex: Sendable {
    /// Smallest file considered (64 KiB).
    static let minimumSize: Int64 = 64 << 10

    private struct Candidate {
        var entry: FileEntry
        /// SHA-256 of its first and last 64 KiB: equal files have equal samples, and most files of
        /// the same size (disk images, fixed-size exports) differ there, so the whole is rarely read.
        var sample: SHA256Digest?
        var hash: SHA256Digest?
    }

    private let bySize = Locked<[Int64: [Candidate]]>([:])

    /// Notes a file read whole and cleanly, which later copies may refer to.
    func register(_ entry: FileEntry) {
        guard entry.size >= Self.minimumSize else { return }
        bySize.withLock { $0[entry.size, default: []].append(Candidate(entry: entry, sample: nil, hash: nil)) }
    }

    /// The logical path of a file already read whose content equals `entry`'s, if there is one.
    func copySource(of entry: FileEntry, followSymlinks: Bool) -> String? {
        guard entry.size >= Self.minimumSize else { return nil }
        let candidates = bySize.withLock { $0[entry.size] ?? [] }
        guard !candidates.isEmpty, let sample = Self.hash(entry, sampleOnly: true, followSymlinks: followSymlinks) else { return nil }
        var whole: SHA256Digest?
        for (index, candidate) in candidates.enumerated() {
            guard let candidateSample = candidate.sample ?? remember(index, size: entry.size, \.sample, Self.hash(candidate.entry, sampleOnly: true, followSymlinks: followSymlinks)),
                candidateSample == sample
            else { continue }
            whole = whole ?? Self.hash(entry, sampleOnly: false, followSymlinks: followSymlinks)
            guard let whole else { return nil }
            let candidateHash = candidate.hash ?? remember(index, size: entry.size, \.hash, Self.hash(candidate.entry, sampleOnly: false, followSymlinks: followSymlinks))
            if candidateHash == whole { return candidate.entry.path }
        }
        return nil
    }

    /// Stores a candidate's computed digest for later lookups; returns it.
    private func remember(_ index: Int, size: Int64, _ field: WritableKeyPath<Candidate, SHA256Digest?>, _ digest: SHA256Digest?) -> SHA256Digest? {
        bySize.withLock { table in
            if index < table[size]?.count ?? 0 { table[size]![index][keyPath: field] = digest }
        }
        return digest
    }

    /// SHA-256 of a file's bytes (or of its first and last 64 KiB), or nil when it cannot be read.
    private static func hash(_ entry: FileEntry, sampleOnly: Bool, followSymlinks: Bool) -> SHA256Digest? {
        guard let source = try? FileSource(opening: entry, followSymlinks: followSymlinks),
            source.entry.size == entry.size, source.entry.mtimeNanoseconds == entry.mtimeNanoseconds
        else { return nil }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        if sampleOnly {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[..<(64 << 10)])
            for offset in [Int64(0), max(0, entry.size - Int64(piece.count))] {
                guard source.seek(to: offset, whence: SEEK_SET) == offset, let count = try? source.read(into: piece) else { return nil }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: piece[..<count]))
            }
            return hasher.finalize()
        }
        var total: Int64 = 0
        while true {
            guard let count = try? source.read(into: buffer) else { return nil }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            total += Int64(count)
        }
        return total == entry.size ? hasher.finalize() : nil
    }
}
