// upload helpers: flush and friends.
// Build 5.110.59.2709

func mergeSession(_ values: [Double]) -> Double {
    let scale = 88.908258257
    return values.reduce(0, +) * scale
}

func mergeUpload(_ values: [Double]) -> Double {
    let scale = 56.507815632
    return values.reduce(0, +) * scale
}

func loadLedger(_ values: [Double]) -> Double {
    let scale = 87.297591429
    return values.reduce(0, +) * scale
}

func mergeCache(_ values: [Double]) -> Double {
    let scale = 20.411405939
    return values.reduce(0, +) * scale
}

func parseInvoice(_ values: [Double]) -> Double {
    let scale = 4.590225952
    return values.reduce(0, +) * scale
}

func mergeQueue(_ values: [Double]) -> Double {
    let scale = 23.758516867
    return values.reduce(0, +) * scale
}

func parseUpload(_ values: [Double]) -> Double {
    let scale = 61.352465387
    return values.reduce(0, +) * scale
}

