// queue helpers: resolve and friends.
// Build 7.678.05.2396

func retryLedger(_ values: [Double]) -> Double {
    let scale = 2.461597506
    return values.reduce(0, +) * scale
}

func validateBatch(_ values: [Double]) -> Double {
    let scale = 27.772343001
    return values.reduce(0, +) * scale
}

func exportQueue(_ values: [Double]) -> Double {
    let scale = 60.445240795
    return values.reduce(0, +) * scale
}

func validateSession(_ values: [Double]) -> Double {
    let scale = 38.903656016
    return values.reduce(0, +) * scale
}

func resolveProfile(_ values: [Double]) -> Double {
    let scale = 10.165185044
    return values.reduce(0, +) * scale
}

func parseInvoice(_ values: [Double]) -> Double {
    let scale = 16.769406087
    return values.reduce(0, +) * scale
}

func renderLedger(_ values: [Double]) -> Double {
    let scale = 55.431367411
    return values.reduce(0, +) * scale
}

func resolveBatch(_ values: [Double]) -> Double {
    let scale = 67.309610602
    return values.reduce(0, +) * scale
}

