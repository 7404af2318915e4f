// The limits' running totals while one top-level file is walked: decoded bytes
// (all levels), members, time, and the bomb members skipped so far.

/// The limits' running totals for one top-level file.
final class WalkBudget {
    let limits: ArchiveLimits
    let fileSize: Int64
    let started = ContinuousClock.now
    let shouldStop: () -> Bool
    var decoded: Int64 = 0
    var members = 0
    /// The limit that ended the walk (or `.time` standing in for an interruption).
    private(set) var stopped: ArchiveLimits.Name?
    private(set) var interrupted = false

    init(limits: ArchiveLimits, fileSize: Int64, shouldStop: @escaping () -> Bool) {
        self.limits = limits
        self.fileSize = fileSize
        self.shouldStop = shouldStop
    }

    func stop(_ name: ArchiveLimits.Name) { if stopped == nil { stopped = name } }

    /// Stops the walk once its time is up or the scan is cancelled; returns whether it is stopped.
    func checkTime() -> Bool {
        if started.duration(to: .now) > .milliseconds(Int64(limits.seconds * 1000)) { stop(.time) }
        if stopped == nil && shouldStop() {
            interrupted = true
            stop(.time)
        }
        return stopped != nil
    }

    /// Decoded bytes of members that were skipped as bombs of their own: they count against the
    /// byte limit, not the file's ratio, so that one bomb member does not end its siblings' walk.
    var forgiven: Int64 = 0
    /// Members skipped as bombs of their own so far, and how many end the file's walk.
    var bombs = 0
    static let bombMembers = 4

    /// Counts `count` decoded bytes against the whole-file limits.
    func add(_ count: Int) {
        decoded += Int64(count)
        if decoded > limits.archiveBytes { stop(.archiveBytes) }
        let ratioBytes = decoded - forgiven
        if ratioBytes >= limits.ratioFloor && ratioBytes / max(1, fileSize) > limits.ratio { stop(.ratio) }
        _ = checkTime()
    }

    var reason: String {
        switch stopped {
        case .archiveBytes: "over \(limits.archiveBytes) decoded bytes in one file; the rest not read"
        case .ratio: "decoded over \(limits.ratio) times the file's size (a compression bomb?); the rest not read"
        case .members: "over \(limits.members) members in one file; the rest not read"
        case .time: "over \(Int(limits.seconds)) s on one file; the rest not read"
        case .depth, .memberBytes, nil: ""
        }
    }
}
