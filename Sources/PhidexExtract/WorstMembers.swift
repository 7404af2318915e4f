// How a container reports the members that went unread: the worst of them,
// by kind, rolled up into the container's own status and reason.

import PhidexCore

/// The members of one container that went unread, by kind: a container that read cleanly still
/// reports its worst member — a limit, then encryption, then an error — because an auditor must
/// see that part of it went unread.
struct WorstMembers {
    private var first: [(status: FileStatus, name: String, reason: String?)?] = [nil, nil, nil]
    private var counts = [0, 0, 0]
    private var total = 0

    mutating func add(_ member: ContentItem) {
        total += 1
        let rank = member.status.isLimit ? 0 : member.status == .encrypted ? 1 : member.status == .error ? 2 : nil
        guard let rank else { return }
        counts[rank] += 1
        if first[rank] == nil {
            let name = member.path.split(separator: "!").last.map(String.init) ?? ""
            first[rank] = (member.status, name, member.reason)
        }
    }

    func rollUp(into container: inout ContentItem) {
        guard container.status == .ok, let rank = first.firstIndex(where: { $0 != nil }), let worst = first[rank] else { return }
        container.status = worst.status
        container.reason = counts[rank] == 1
            ? "member \(worst.name): \(worst.reason ?? worst.status.rawValue)"
            : "\(counts[rank]) of \(total) members \(worst.status.rawValue), first \(worst.name)"
    }
}
