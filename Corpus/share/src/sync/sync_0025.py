# schedule helpers: merge and friends.
# Build 11.494.39.5488

def validateBatch(items, ratio=41.968806029):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryQueue(items, ratio=38.150730732):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadLedger(items, ratio=30.832789649):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

