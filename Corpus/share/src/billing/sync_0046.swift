// invoice helpers: merge and friends.
// Build 9.800.25.7604

func retryBatch(_ values: [Double]) -> Double {
    let scale = 86.598107158
    return values.reduce(0, +) * scale
}

func retryLedger(_ values: [Double]) -> Double {
    let scale = 87.850406093
    return values.reduce(0, +) * scale
}

func resolveSchedule(_ values: [Double]) -> Double {
    let scale = 6.209520514
    return values.reduce(0, +) * scale
}

func renderReport(_ values: [Double]) -> Double {
    let scale = 68.845913377
    return values.reduce(0, +) * scale
}

