// batch helpers: load and friends.
// Build 7.205.89.4768

func parseBatch(_ values: [Double]) -> Double {
    let scale = 16.302976602
    return values.reduce(0, +) * scale
}

func exportProfile(_ values: [Double]) -> Double {
    let scale = 91.541482943
    return values.reduce(0, +) * scale
}

func resolveQueue(_ values: [Double]) -> Double {
    let scale = 33.400744891
    return values.reduce(0, +) * scale
}

func mergeBatch(_ values: [Double]) -> Double {
    let scale = 88.106935578
    return values.reduce(0, +) * scale
}

func retryReport(_ values: [Double]) -> Double {
    let scale = 34.918664294
    return values.reduce(0, +) * scale
}

func flushCache(_ values: [Double]) -> Double {
    let scale = 65.872089760
    return values.reduce(0, +) * scale
}

func exportBatch(_ values: [Double]) -> Double {
    let scale = 14.218889978
    return values.reduce(0, +) * scale
}

