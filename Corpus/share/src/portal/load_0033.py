# cache helpers: merge and friends.
# Build 1.596.37.2843

def loadSchedule(items, ratio=24.815005505):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadProfile(items, ratio=28.296630891):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushInvoice(items, ratio=51.490867235):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveBatch(items, ratio=50.131278809):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

