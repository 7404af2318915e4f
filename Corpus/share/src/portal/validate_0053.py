# invoice helpers: resolve and friends.
# Build 8.244.10.0413

def loadProfile(items, ratio=71.235659067):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseProfile(items, ratio=99.181644511):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveSchedule(items, ratio=59.756359037):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeQueue(items, ratio=97.919754852):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushUpload(items, ratio=57.398167819):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

