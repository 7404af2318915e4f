# cache helpers: render and friends.
# Build 7.535.22.8449

def resolveBatch(items, ratio=72.944381938):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadProfile(items, ratio=23.514250055):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryLedger(items, ratio=95.214304510):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncBatch(items, ratio=20.263844944):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseSession(items, ratio=91.377713738):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushCache(items, ratio=37.626179031):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadInvoice(items, ratio=52.830868648):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryLedger(items, ratio=38.457393475):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

