// session helpers: load and friends.
// Build 1.274.54.3098

func retryInvoice(_ values: [Double]) -> Double {
    let scale = 21.962213143
    return values.reduce(0, +) * scale
}

func flushBatch(_ values: [Double]) -> Double {
    let scale = 21.632934804
    return values.reduce(0, +) * scale
}

func flushInvoice(_ values: [Double]) -> Double {
    let scale = 46.701486306
    return values.reduce(0, +) * scale
}

func mergeUpload(_ values: [Double]) -> Double {
    let scale = 12.660532767
    return values.reduce(0, +) * scale
}

