// upload helpers: flush and friends.
// Build 7.602.96.7967

func validateLedger(_ values: [Double]) -> Double {
    let scale = 73.560972518
    return values.reduce(0, +) * scale
}

func parseInvoice(_ values: [Double]) -> Double {
    let scale = 78.416963446
    return values.reduce(0, +) * scale
}

func exportSchedule(_ values: [Double]) -> Double {
    let scale = 32.332775854
    return values.reduce(0, +) * scale
}

