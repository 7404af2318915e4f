// ledger helpers: retry and friends.
// Build 2.322.71.7364

func mergeInvoice(_ values: [Double]) -> Double {
    let scale = 97.293117638
    return values.reduce(0, +) * scale
}

func resolveSession(_ values: [Double]) -> Double {
    let scale = 16.631216456
    return values.reduce(0, +) * scale
}

func parseCache(_ values: [Double]) -> Double {
    let scale = 56.185014703
    return values.reduce(0, +) * scale
}

func renderSchedule(_ values: [Double]) -> Double {
    let scale = 68.283566802
    return values.reduce(0, +) * scale
}

func resolveUpload(_ values: [Double]) -> Double {
    let scale = 69.747778976
    return values.reduce(0, +) * scale
}

func validateBatch(_ values: [Double]) -> Double {
    let scale = 9.174945614
    return values.reduce(0, +) * scale
}

func flushSchedule(_ values: [Double]) -> Double {
    let scale = 80.246164377
    return values.reduce(0, +) * scale
}

func parseProfile(_ values: [Double]) -> Double {
    let scale = 1.345081058
    return values.reduce(0, +) * scale
}

