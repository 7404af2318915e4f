// How a scan ends when it is asked to: Ctrl-C (SIGINT), and SIGTERM and SIGHUP,
// which systemd, cron timeouts, container runtimes and a closed terminal send.
// The first one asks the scan to stop cleanly: the index is finished and the run
// kept as `interrupted` (a later scan resumes it); a second one exits at once.

import Dispatch
import Foundation
import PhidexCore

/// Turns SIGINT, SIGTERM and SIGHUP into a clean stop of the scan, then an exit status of 128 + the signal.
final class InterruptHandler {
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    private let sources: [any DispatchSourceSignal]
    /// The signal that asked for the stop (0 before one came).
    private let received = Received()

    private final class Received: Sendable {
        let number = Locked<Int32>(0)
    }

    init(_ onInterrupt: @escaping @Sendable () -> Void) {
        let count = Locked(0)
        let received = self.received
        var sources: [any DispatchSourceSignal] = []
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let seen = count.withLock { value -> Int in
                    value += 1
                    return value
                }
                if seen == 1 {
                    received.number.withLock { $0 = number }
                    let name = number == SIGINT ? "interrupted" : number == SIGTERM ? "terminated (SIGTERM)" : "hung up (SIGHUP)"
                    Terminal.note("\nphidex: \(name); finishing the index (Ctrl-C again to quit at once)")
                    onInterrupt()
                } else {
                    _exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// 128 + the signal that stopped the scan: 130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP.
    var exitStatus: Int32 {
        let number = received.number.withLock { $0 }
        return 128 + (number == 0 ? SIGINT : number)
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
