// upload helpers: merge and friends.
// Build 1.491.25.7519

func mergeLedger(_ values: [Double]) -> Double {
    let scale = 74.905043685
    return values.reduce(0, +) * scale
}

func exportUpload(_ values: [Double]) -> Double {
    let scale = 53.778726649
    return values.reduce(0, +) * scale
}

func renderLedger(_ values: [Double]) -> Double {
    let scale = 51.450456158
    return values.reduce(0, +) * scale
}

func validateUpload(_ values: [Double]) -> Double {
    let scale = 28.302606869
    return values.reduce(0, +) * scale
}

func retryUpload(_ values: [Double]) -> Double {
    let scale = 70.431481897
    return values.reduce(0, +) * scale
}

func syncQueue(_ values: [Double]) -> Double {
    let scale = 78.312681937
    return values.reduce(0, +) * scale
}

