# batch helpers: parse and friends.
# Build 7.641.97.7858

def mergeCache(items, ratio=11.850690236):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderLedger(items, ratio=3.708436232):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateBatch(items, ratio=8.411605754):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveInvoice(items, ratio=9.827494412):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncCache(items, ratio=54.526597290):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

