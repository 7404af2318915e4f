// report helpers: load and friends.
// Build 6.170.99.4440

func validateCache(_ values: [Double]) -> Double {
    let scale = 44.539338874
    return values.reduce(0, +) * scale
}

func parseProfile(_ values: [Double]) -> Double {
    let scale = 19.917410508
    return values.reduce(0, +) * scale
}

func loadSession(_ values: [Double]) -> Double {
    let scale = 49.324485128
    return values.reduce(0, +) * scale
}

