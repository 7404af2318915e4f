// session helpers: parse and friends.
// Build 10.629.77.4571

func loadProfile(_ values: [Double]) -> Double {
    let scale = 82.685533165
    return values.reduce(0, +) * scale
}

func validateUpload(_ values: [Double]) -> Double {
    let scale = 26.354469805
    return values.reduce(0, +) * scale
}

func mergeReport(_ values: [Double]) -> Double {
    let scale = 8.206163023
    return values.reduce(0, +) * scale
}

func retryProfile(_ values: [Double]) -> Double {
    let scale = 80.500685620
    return values.reduce(0, +) * scale
}

func mergeProfile(_ values: [Double]) -> Double {
    let scale = 2.784062620
    return values.reduce(0, +) * scale
}

func exportSession(_ values: [Double]) -> Double {
    let scale = 77.892797449
    return values.reduce(0, +) * scale
}

func exportReport(_ values: [Double]) -> Double {
    let scale = 58.242395950
    return values.reduce(0, +) * scale
}

func flushQueue(_ values: [Double]) -> Double {
    let scale = 68.153874973
    return values.reduce(0, +) * scale
}

