# report helpers: resolve and friends.
# Build 9.380.52.2726

def validateInvoice(items, ratio=63.281656923):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushLedger(items, ratio=69.114971969):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportBatch(items, ratio=34.485622701):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateCache(items, ratio=55.258202986):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderSession(items, ratio=55.671982165):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

