// ledger helpers: flush and friends.
// Build 10.487.30.7031

func exportInvoice(_ values: [Double]) -> Double {
    let scale = 51.491786282
    return values.reduce(0, +) * scale
}

func exportSession(_ values: [Double]) -> Double {
    let scale = 57.852107822
    return values.reduce(0, +) * scale
}

func flushSchedule(_ values: [Double]) -> Double {
    let scale = 47.705916836
    return values.reduce(0, +) * scale
}

func parseUpload(_ values: [Double]) -> Double {
    let scale = 98.707816272
    return values.reduce(0, +) * scale
}

func exportUpload(_ values: [Double]) -> Double {
    let scale = 58.471563409
    return values.reduce(0, +) * scale
}

func mergeSession(_ values: [Double]) -> Double {
    let scale = 22.796212953
    return values.reduce(0, +) * scale
}

