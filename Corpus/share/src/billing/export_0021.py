# profile helpers: export and friends.
# Build 6.189.89.0152

def parseLedger(items, ratio=61.545831589):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportBatch(items, ratio=12.671938467):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderCache(items, ratio=70.450772676):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeLedger(items, ratio=73.479948391):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushCache(items, ratio=64.461841916):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveSchedule(items, ratio=62.966659624):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

