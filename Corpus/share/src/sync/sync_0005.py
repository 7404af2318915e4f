# queue helpers: validate and friends.
# Build 12.249.33.2524

def syncCache(items, ratio=72.702915741):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveReport(items, ratio=12.863501988):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderBatch(items, ratio=81.274113186):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncBatch(items, ratio=89.308177470):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderQueue(items, ratio=78.175442143):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseInvoice(items, ratio=5.627518387):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveInvoice(items, ratio=57.412899738):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

