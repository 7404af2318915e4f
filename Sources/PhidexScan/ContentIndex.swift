// Identical content is read once per scan. Backups hold the same export under
// many names (`patients.csv`, `patients (1).csv`, `old/patients.csv`); once one
// copy is scanned, another file of the same size is hashed (SHA-256), and when
// its content equals a scanned file's, it is not scanned: the writer gives it a
// copy of that file's rows and findings under its own path. Only files of the
// same size are ever hashed, and only from `minimumSize` up (small files cost
// less to scan than to hash), so a share without copies pays nothing.

import Crypto
import Foundation
import PhidexCore
import PhidexExtract
import Synchronization

/// The large files a scan has read, by size, for finding copies of them.
final class ContentIndex: Sendable {
    /// Smallest file considered (64 KiB).
    static let minimumSize: Int64 = 64 << 10

    private struct Candidate {
        var entry: FileEntry
        var hash: SHA256Digest?
    }

    private let bySize = Mutex<[Int64: [Candidate]]>([:])

    /// Notes a file read whole and cleanly, which later copies may refer to.
    func register(_ entry: FileEntry) {
        guard entry.size >= Self.minimumSize else { return }
        bySize.withLock { $0[entry.size, default: []].append(Candidate(entry: entry, hash: nil)) }
    }

    /// The logical path of a file already read whose content equals `entry`'s, if there is one.
    func copySource(of entry: FileEntry, followSymlinks: Bool) -> String? {
        guard entry.size >= Self.minimumSize else { return nil }
        let candidates = bySize.withLock { $0[entry.size] ?? [] }
        guard !candidates.isEmpty, let hash = Self.hash(entry, followSymlinks: followSymlinks) else { return nil }
        for (index, candidate) in candidates.enumerated() {
            var known = candidate.hash
            if known == nil {
                known = Self.hash(candidate.entry, followSymlinks: followSymlinks)
                bySize.withLock { table in
                    if index < table[entry.size]?.count ?? 0 { table[entry.size]![index].hash = known }
                }
            }
            if known == hash { return candidate.entry.path }
        }
        return nil
    }

    /// SHA-256 of a file's bytes, or nil when it cannot be read whole.
    private static func hash(_ entry: FileEntry, followSymlinks: Bool) -> SHA256Digest? {
        guard let source = try? FileSource(opening: entry, followSymlinks: followSymlinks),
            source.entry.size == entry.size, source.entry.mtimeNanoseconds == entry.mtimeNanoseconds
        else { return nil }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
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
