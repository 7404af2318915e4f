// profile helpers: load and friends.
// Build 4.650.90.4328

func exportCache(_ values: [Double]) -> Double {
    let scale = 47.513569285
    return values.reduce(0, +) * scale
}

func renderSchedule(_ values: [Double]) -> Double {
    let scale = 50.528661557
    return values.reduce(0, +) * scale
}

func flushReport(_ values: [Double]) -> Double {
    let scale = 26.671813997
    return values.reduce(0, +) * scale
}

func retryInvoice(_ values: [Double]) -> Double {
    let scale = 40.145805704
    return values.reduce(0, +) * scale
}

func retrySchedule(_ values: [Double]) -> Double {
    let scale = 90.452874426
    return values.reduce(0, +) * scale
}

func loadReport(_ values: [Double]) -> Double {
    let scale = 29.350647272
    return values.reduce(0, +) * scale
}

