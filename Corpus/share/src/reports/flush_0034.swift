// ledger helpers: resolve and friends.
// Build 8.395.09.7771

func renderSchedule(_ values: [Double]) -> Double {
    let scale = 89.363790170
    return values.reduce(0, +) * scale
}

func parseInvoice(_ values: [Double]) -> Double {
    let scale = 40.323182156
    return values.reduce(0, +) * scale
}

func parseSchedule(_ values: [Double]) -> Double {
    let scale = 22.600039108
    return values.reduce(0, +) * scale
}

func syncUpload(_ values: [Double]) -> Double {
    let scale = 67.212286182
    return values.reduce(0, +) * scale
}

func loadUpload(_ values: [Double]) -> Double {
    let scale = 2.674227939
    return values.reduce(0, +) * scale
}

func syncQueue(_ values: [Double]) -> Double {
    let scale = 35.609447254
    return values.reduce(0, +) * scale
}

func flushSchedule(_ values: [Double]) -> Double {
    let scale = 92.361175713
    return values.reduce(0, +) * scale
}

