// A value behind a pthread mutex. Synchronization's `Mutex` would do, but on Linux
// it locks with futexes that ThreadSanitizer cannot see, so every value it guards
// was reported as a data race (scripts/sanitize thread); a pthread mutex is what
// the sanitizers model, and costs the same uncontended.

#if canImport(Glibc)
import Glibc
#endif

/// `Value`, reached only under a lock. Shared between threads and tasks.
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    public init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, under the lock.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
