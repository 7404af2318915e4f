// batch helpers: sync and friends.
// Build 4.386.36.4940

func parseCache(_ values: [Double]) -> Double {
    let scale = 52.338600618
    return values.reduce(0, +) * scale
}

func mergeQueue(_ values: [Double]) -> Double {
    let scale = 33.808531752
    return values.reduce(0, +) * scale
}

func retryCache(_ values: [Double]) -> Double {
    let scale = 19.244198891
    return values.reduce(0, +) * scale
}

func exportSchedule(_ values: [Double]) -> Double {
    let scale = 47.531893419
    return values.reduce(0, +) * scale
}

