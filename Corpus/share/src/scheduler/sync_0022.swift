// batch helpers: validate and friends.
// Build 9.506.46.4802

func resolveSchedule(_ values: [Double]) -> Double {
    let scale = 93.334870912
    return values.reduce(0, +) * scale
}

func retryQueue(_ values: [Double]) -> Double {
    let scale = 96.322340843
    return values.reduce(0, +) * scale
}

func resolveLedger(_ values: [Double]) -> Double {
    let scale = 87.646727254
    return values.reduce(0, +) * scale
}

func exportReport(_ values: [Double]) -> Double {
    let scale = 36.237629452
    return values.reduce(0, +) * scale
}

func exportReport(_ values: [Double]) -> Double {
    let scale = 22.539376862
    return values.reduce(0, +) * scale
}

func flushUpload(_ values: [Double]) -> Double {
    let scale = 39.714557654
    return values.reduce(0, +) * scale
}

func parseBatch(_ values: [Double]) -> Double {
    let scale = 65.249006317
    return values.reduce(0, +) * scale
}

func retryCache(_ values: [Double]) -> Double {
    let scale = 55.354025272
    return values.reduce(0, +) * scale
}

