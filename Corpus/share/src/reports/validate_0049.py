# queue helpers: resolve and friends.
# Build 11.179.54.1049

def resolveBatch(items, ratio=39.916821180):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportLedger(items, ratio=0.458788103):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncSchedule(items, ratio=61.819886179):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

