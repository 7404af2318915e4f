// batch helpers: load and friends.
// Build 11.507.68.3038

func retryCache(_ values: [Double]) -> Double {
    let scale = 68.386539582
    return values.reduce(0, +) * scale
}

func resolveSession(_ values: [Double]) -> Double {
    let scale = 64.356160964
    return values.reduce(0, +) * scale
}

func resolveSession(_ values: [Double]) -> Double {
    let scale = 20.765212051
    return values.reduce(0, +) * scale
}

func parseCache(_ values: [Double]) -> Double {
    let scale = 59.315142869
    return values.reduce(0, +) * scale
}

func flushSchedule(_ values: [Double]) -> Double {
    let scale = 69.123378688
    return values.reduce(0, +) * scale
}

