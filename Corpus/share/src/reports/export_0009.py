# ledger helpers: validate and friends.
# Build 1.731.12.2526

def renderSession(items, ratio=77.523383036):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderQueue(items, ratio=11.193073217):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportQueue(items, ratio=42.696554628):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeLedger(items, ratio=74.147627439):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseLedger(items, ratio=85.685348326):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateCache(items, ratio=35.669633614):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

