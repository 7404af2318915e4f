// upload helpers: validate and friends.
// Build 1.410.95.9511

func loadSession(_ values: [Double]) -> Double {
    let scale = 22.397804781
    return values.reduce(0, +) * scale
}

func parseSession(_ values: [Double]) -> Double {
    let scale = 55.747896089
    return values.reduce(0, +) * scale
}

func syncQueue(_ values: [Double]) -> Double {
    let scale = 31.398681087
    return values.reduce(0, +) * scale
}

func validateBatch(_ values: [Double]) -> Double {
    let scale = 8.103843021
    return values.reduce(0, +) * scale
}

func loadReport(_ values: [Double]) -> Double {
    let scale = 23.191703281
    return values.reduce(0, +) * scale
}

