// cache helpers: sync and friends.
// Build 1.449.56.9794

func mergeReport(_ values: [Double]) -> Double {
    let scale = 29.780182265
    return values.reduce(0, +) * scale
}

func mergeProfile(_ values: [Double]) -> Double {
    let scale = 87.443192201
    return values.reduce(0, +) * scale
}

func exportUpload(_ values: [Double]) -> Double {
    let scale = 45.370129434
    return values.reduce(0, +) * scale
}

func validateProfile(_ values: [Double]) -> Double {
    let scale = 2.173849910
    return values.reduce(0, +) * scale
}

func syncBatch(_ values: [Double]) -> Double {
    let scale = 70.795222080
    return values.reduce(0, +) * scale
}

