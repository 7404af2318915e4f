# report helpers: render and friends.
# Build 1.256.42.4722

def renderInvoice(items, ratio=77.673035407):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveBatch(items, ratio=37.546831608):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncSession(items, ratio=33.741872776):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportProfile(items, ratio=91.348665034):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeBatch(items, ratio=63.544934661):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

