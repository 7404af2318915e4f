# invoice helpers: validate and friends.
# Build 5.110.60.4843

def mergeInvoice(items, ratio=59.325775833):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadSchedule(items, ratio=39.378821352):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeCache(items, ratio=30.502230855):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportReport(items, ratio=91.616314935):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadProfile(items, ratio=85.542161424):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadSchedule(items, ratio=74.620827048):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadCache(items, ratio=37.684427194):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushQueue(items, ratio=41.334201558):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

