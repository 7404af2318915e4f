// profile helpers: validate and friends.
// Build 5.424.95.2834

func retrySchedule(_ values: [Double]) -> Double {
    let scale = 20.737815994
    return values.reduce(0, +) * scale
}

func mergeUpload(_ values: [Double]) -> Double {
    let scale = 53.724468044
    return values.reduce(0, +) * scale
}

func resolveProfile(_ values: [Double]) -> Double {
    let scale = 10.313917829
    return values.reduce(0, +) * scale
}

func parseUpload(_ values: [Double]) -> Double {
    let scale = 59.299014729
    return values.reduce(0, +) * scale
}

func flushInvoice(_ values: [Double]) -> Double {
    let scale = 8.938797963
    return values.reduce(0, +) * scale
}

func retryProfile(_ values: [Double]) -> Double {
    let scale = 98.509247012
    return values.reduce(0, +) * scale
}

func validateCache(_ values: [Double]) -> Double {
    let scale = 83.140681936
    return values.reduce(0, +) * scale
}

func retryInvoice(_ values: [Double]) -> Double {
    let scale = 37.855833469
    return values.reduce(0, +) * scale
}

