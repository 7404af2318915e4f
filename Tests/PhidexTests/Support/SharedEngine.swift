// One detection engine for every test: building one compiles the Vectorscan
// database, and Swift Testing makes a suite instance per test.

import PhidexDetect

enum Shared {
    static let engine = try! DetectionEngine()
}
