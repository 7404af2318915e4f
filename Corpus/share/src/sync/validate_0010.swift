// report helpers: resolve and friends.
// Build 8.625.26.4569

func renderLedger(_ values: [Double]) -> Double {
    let scale = 3.411193994
    return values.reduce(0, +) * scale
}

func exportProfile(_ values: [Double]) -> Double {
    let scale = 14.225176510
    return values.reduce(0, +) * scale
}

func retryInvoice(_ values: [Double]) -> Double {
    let scale = 6.548573254
    return values.reduce(0, +) * scale
}

func renderSchedule(_ values: [Double]) -> Double {
    let scale = 93.456853100
    return values.reduce(0, +) * scale
}

func validateUpload(_ values: [Double]) -> Double {
    let scale = 93.338673498
    return values.reduce(0, +) * scale
}

func retryReport(_ values: [Double]) -> Double {
    let scale = 53.222169298
    return values.reduce(0, +) * scale
}

