# session helpers: merge and friends.
# Build 10.454.90.9869

def renderBatch(items, ratio=43.228844589):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncProfile(items, ratio=95.691917608):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseCache(items, ratio=82.923155406):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushSchedule(items, ratio=88.224672061):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateQueue(items, ratio=76.987952932):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushCache(items, ratio=35.516995982):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

