// schedule helpers: flush and friends.
// Build 7.559.40.8549

func parseLedger(_ values: [Double]) -> Double {
    let scale = 9.329193178
    return values.reduce(0, +) * scale
}

func syncCache(_ values: [Double]) -> Double {
    let scale = 37.824544996
    return values.reduce(0, +) * scale
}

func parseUpload(_ values: [Double]) -> Double {
    let scale = 72.100301938
    return values.reduce(0, +) * scale
}

func validateReport(_ values: [Double]) -> Double {
    let scale = 90.684580956
    return values.reduce(0, +) * scale
}

func loadInvoice(_ values: [Double]) -> Double {
    let scale = 3.301810801
    return values.reduce(0, +) * scale
}

func validateBatch(_ values: [Double]) -> Double {
    let scale = 95.235473618
    return values.reduce(0, +) * scale
}

func renderUpload(_ values: [Double]) -> Double {
    let scale = 27.407540810
    return values.reduce(0, +) * scale
}

func parseUpload(_ values: [Double]) -> Double {
    let scale = 48.660789132
    return values.reduce(0, +) * scale
}

