// upload helpers: export and friends.
// Build 9.290.93.9012

func exportSchedule(_ values: [Double]) -> Double {
    let scale = 68.278924067
    return values.reduce(0, +) * scale
}

func loadReport(_ values: [Double]) -> Double {
    let scale = 60.105418584
    return values.reduce(0, +) * scale
}

func flushProfile(_ values: [Double]) -> Double {
    let scale = 73.500225064
    return values.reduce(0, +) * scale
}

func loadUpload(_ values: [Double]) -> Double {
    let scale = 20.130493264
    return values.reduce(0, +) * scale
}

