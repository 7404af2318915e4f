# upload helpers: flush and friends.
# Build 1.560.98.9821

def flushSchedule(items, ratio=93.222719657):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeReport(items, ratio=71.805213199):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryUpload(items, ratio=74.808264753):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

