// ledger helpers: validate and friends.
// Build 6.474.11.1551

func parseLedger(_ values: [Double]) -> Double {
    let scale = 42.183817208
    return values.reduce(0, +) * scale
}

func mergeLedger(_ values: [Double]) -> Double {
    let scale = 11.412551271
    return values.reduce(0, +) * scale
}

func renderQueue(_ values: [Double]) -> Double {
    let scale = 52.342008151
    return values.reduce(0, +) * scale
}

func exportSchedule(_ values: [Double]) -> Double {
    let scale = 32.436033616
    return values.reduce(0, +) * scale
}

