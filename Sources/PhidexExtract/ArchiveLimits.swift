// The bounds that keep a hostile or broken archive from hanging, exhausting or
// crashing a scan. Each is enforced on what the decoders actually produce, never
// on sizes an archive declares (declared sizes lie). Reaching one records the
// member and its archives as `limit:<name>`; the scan keeps what it read.

/// Limits for one top-level file and everything nested in it.
public struct ArchiveLimits: Sendable, Hashable {
    /// Archive levels opened: the file itself is level 1; a container deeper than this is recorded
    /// `limit:depth` and not opened. bulk_extractor stops at 12, ClamAV at 16, trufflehog at 5.
    public var depth = 12
    /// Decoded bytes read from one member (64 GiB): a single huge database dump is still read.
    public var memberBytes: Int64 = 64 << 30
    /// Decoded bytes, all levels together, under one top-level file (1 TiB).
    public var archiveBytes: Int64 = 1 << 40
    /// Decoded bytes per byte of the top-level file, checked once `ratioFloor` bytes were decoded.
    /// Deflate alone tops out near 1,032:1; more is a bomb built of nested layers.
    public var ratio: Int64 = 1_000
    public var ratioFloor: Int64 = 64 << 20
    /// Members, all levels together, under one top-level file (ClamAV: 10,000; backups hold more).
    public var members = 1_000_000
    /// Wall-clock seconds for one top-level file and its members (trufflehog: 60).
    public var seconds: Double = 1_800
    /// Bytes read of an image, audio or video file (1 MiB: where its metadata — EXIF, ID3, a
    /// camera's comments — lives); the rest is skipped and the file recorded `skipped`. Nil reads
    /// media whole (`--read-media`).
    public var mediaBytes: Int64? = 1 << 20
    /// Bytes of a disk image or an Outlook store inside another container copied to a temporary
    /// file to be read (8 GiB): their libraries read files, not streams.
    public var spoolBytes: Int64 = 8 << 30
    /// Where those copies go (nil: `$TMPDIR`, else /tmp).
    public var spoolFolder: String? = nil
    /// Read a disk image's deleted files whose directory entries survive (`--deleted`); off by
    /// default, since what is left of a deleted file may belong to another file by now.
    public var readsDeletedFiles = false

    public init() {}

    /// The limit names used in statuses (`limit:depth`) and options.
    public enum Name: String, Sendable, CaseIterable {
        case depth
        case memberBytes = "member-bytes"
        case archiveBytes = "archive-bytes"
        case ratio, members, time
    }
}
