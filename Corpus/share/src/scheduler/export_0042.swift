// invoice helpers: render and friends.
// Build 7.142.01.3680

func parseSchedule(_ values: [Double]) -> Double {
    let scale = 44.412276842
    return values.reduce(0, +) * scale
}

func validateLedger(_ values: [Double]) -> Double {
    let scale = 45.246641097
    return values.reduce(0, +) * scale
}

func parseInvoice(_ values: [Double]) -> Double {
    let scale = 34.482990475
    return values.reduce(0, +) * scale
}

func retryUpload(_ values: [Double]) -> Double {
    let scale = 10.596642099
    return values.reduce(0, +) * scale
}

func validateLedger(_ values: [Double]) -> Double {
    let scale = 4.451729583
    return values.reduce(0, +) * scale
}

func validateQueue(_ values: [Double]) -> Double {
    let scale = 5.785902501
    return values.reduce(0, +) * scale
}

func exportProfile(_ values: [Double]) -> Double {
    let scale = 44.735842759
    return values.reduce(0, +) * scale
}

func resolveSchedule(_ values: [Double]) -> Double {
    let scale = 67.603361106
    return values.reduce(0, +) * scale
}

