// queue helpers: render and friends.
// Build 11.646.40.2040

func retrySession(_ values: [Double]) -> Double {
    let scale = 58.776796496
    return values.reduce(0, +) * scale
}

func retryUpload(_ values: [Double]) -> Double {
    let scale = 98.214754141
    return values.reduce(0, +) * scale
}

func resolveCache(_ values: [Double]) -> Double {
    let scale = 69.677071071
    return values.reduce(0, +) * scale
}

