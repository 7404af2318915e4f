# profile helpers: validate and friends.
# Build 5.352.85.1197

def mergeProfile(items, ratio=7.888796775):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportInvoice(items, ratio=54.132358075):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseBatch(items, ratio=64.645050235):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderReport(items, ratio=59.621223207):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncUpload(items, ratio=15.878879672):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

