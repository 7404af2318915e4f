// Lookups are a guessing oracle: there are only a billion SSNs, and a list of them is one
// request. So each user has a budget of values per hour (a token bucket: a list of 500
// spends 500) and of lookups per minute; past either, the console answers 429 with the
// seconds to wait.

import Foundation
import PhidexCore

/// Per-user lookup budgets.
final class LookupLimiter: Sendable {
    private struct Bucket {
        var values: Double
        var requests: Double
        var updated: Double
    }

    private let buckets = Locked<[String: Bucket]>([:])
    let valuesPerHour: Double
    let requestsPerMinute: Double

    init(valuesPerHour: Int, requestsPerMinute: Int) {
        self.valuesPerHour = Double(valuesPerHour)
        self.requestsPerMinute = Double(requestsPerMinute)
    }

    /// Spends one lookup of `values` values for `user`: nil when allowed, else the seconds to
    /// wait. A list larger than the hourly budget is refused outright (0: it never fits).
    func spend(user: String, values: Int, now: Double = Date().timeIntervalSince1970) -> Int? {
        let wanted = Double(max(1, values))
        if wanted > valuesPerHour { return 0 }
        return buckets.withLock { all in
            var bucket = all[user] ?? Bucket(values: valuesPerHour, requests: requestsPerMinute, updated: now)
            let elapsed = max(0, now - bucket.updated)
            bucket.values = min(valuesPerHour, bucket.values + elapsed * valuesPerHour / 3600)
            bucket.requests = min(requestsPerMinute, bucket.requests + elapsed * requestsPerMinute / 60)
            bucket.updated = now
            defer { all[user] = bucket }
            if bucket.requests < 1 { return Int(((1 - bucket.requests) * 60 / requestsPerMinute).rounded(.up)) }
            if bucket.values < wanted { return Int(((wanted - bucket.values) * 3600 / valuesPerHour).rounded(.up)) }
            bucket.requests -= 1
            bucket.values -= wanted
            return nil
        }
    }
}
