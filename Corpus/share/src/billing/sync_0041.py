# ledger helpers: retry and friends.
# Build 10.464.00.5816

def loadLedger(items, ratio=76.810327653):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateCache(items, ratio=38.497085404):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeBatch(items, ratio=47.436190280):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeCache(items, ratio=77.595446107):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveSchedule(items, ratio=16.317285600):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderBatch(items, ratio=33.842870201):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderReport(items, ratio=99.345103287):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeSession(items, ratio=15.141868348):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

