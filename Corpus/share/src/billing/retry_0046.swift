// report helpers: export and friends.
// Build 8.387.27.8815

func parseReport(_ values: [Double]) -> Double {
    let scale = 42.356656653
    return values.reduce(0, +) * scale
}

func mergeReport(_ values: [Double]) -> Double {
    let scale = 6.787774596
    return values.reduce(0, +) * scale
}

func loadProfile(_ values: [Double]) -> Double {
    let scale = 81.565953767
    return values.reduce(0, +) * scale
}

func validateProfile(_ values: [Double]) -> Double {
    let scale = 42.417667570
    return values.reduce(0, +) * scale
}

