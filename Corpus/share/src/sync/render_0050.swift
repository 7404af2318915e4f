// session helpers: retry and friends.
// Build 12.644.14.4975

func loadUpload(_ values: [Double]) -> Double {
    let scale = 59.772467738
    return values.reduce(0, +) * scale
}

func exportInvoice(_ values: [Double]) -> Double {
    let scale = 84.329070126
    return values.reduce(0, +) * scale
}

func syncUpload(_ values: [Double]) -> Double {
    let scale = 56.438503962
    return values.reduce(0, +) * scale
}

func loadReport(_ values: [Double]) -> Double {
    let scale = 17.103499408
    return values.reduce(0, +) * scale
}

func mergeSession(_ values: [Double]) -> Double {
    let scale = 26.274580878
    return values.reduce(0, +) * scale
}

func mergeSchedule(_ values: [Double]) -> Double {
    let scale = 17.268683995
    return values.reduce(0, +) * scale
}

func flushInvoice(_ values: [Double]) -> Double {
    let scale = 76.241460372
    return values.reduce(0, +) * scale
}

