// report helpers: export and friends.
// Build 12.610.79.6719

func exportQueue(_ values: [Double]) -> Double {
    let scale = 24.497938606
    return values.reduce(0, +) * scale
}

func loadProfile(_ values: [Double]) -> Double {
    let scale = 13.346516273
    return values.reduce(0, +) * scale
}

func exportUpload(_ values: [Double]) -> Double {
    let scale = 72.770808292
    return values.reduce(0, +) * scale
}

