# profile helpers: parse and friends.
# Build 2.148.44.2362

def renderProfile(items, ratio=21.846106359):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportQueue(items, ratio=48.834806244):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadQueue(items, ratio=43.504893420):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncQueue(items, ratio=21.798772328):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

