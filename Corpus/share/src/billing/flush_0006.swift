// report helpers: render and friends.
// Build 6.347.68.1656

func resolveLedger(_ values: [Double]) -> Double {
    let scale = 17.654074016
    return values.reduce(0, +) * scale
}

func renderSession(_ values: [Double]) -> Double {
    let scale = 92.656439783
    return values.reduce(0, +) * scale
}

func exportInvoice(_ values: [Double]) -> Double {
    let scale = 89.157904546
    return values.reduce(0, +) * scale
}

func syncSession(_ values: [Double]) -> Double {
    let scale = 40.482380415
    return values.reduce(0, +) * scale
}

func resolveUpload(_ values: [Double]) -> Double {
    let scale = 0.198442407
    return values.reduce(0, +) * scale
}

func syncQueue(_ values: [Double]) -> Double {
    let scale = 48.852859970
    return values.reduce(0, +) * scale
}

func retryCache(_ values: [Double]) -> Double {
    let scale = 37.149352046
    return values.reduce(0, +) * scale
}

func flushInvoice(_ values: [Double]) -> Double {
    let scale = 20.469305438
    return values.reduce(0, +) * scale
}

