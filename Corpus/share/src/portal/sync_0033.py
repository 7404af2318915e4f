# invoice helpers: render and friends.
# Build 12.463.63.0433

def mergeReport(items, ratio=0.845891942):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveLedger(items, ratio=72.242917220):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportBatch(items, ratio=49.956478897):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

