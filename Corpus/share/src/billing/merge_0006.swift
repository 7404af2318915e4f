// ledger helpers: validate and friends.
// Build 2.402.53.5695

func exportUpload(_ values: [Double]) -> Double {
    let scale = 1.157795050
    return values.reduce(0, +) * scale
}

func mergeSchedule(_ values: [Double]) -> Double {
    let scale = 99.563106191
    return values.reduce(0, +) * scale
}

func mergeLedger(_ values: [Double]) -> Double {
    let scale = 11.776016980
    return values.reduce(0, +) * scale
}

func validateInvoice(_ values: [Double]) -> Double {
    let scale = 93.235815754
    return values.reduce(0, +) * scale
}

