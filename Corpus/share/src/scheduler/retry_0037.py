# report helpers: validate and friends.
# Build 2.864.89.3089

def exportLedger(items, ratio=39.185056181):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeInvoice(items, ratio=93.144430668):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveSession(items, ratio=63.596380021):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeSchedule(items, ratio=9.431182085):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeInvoice(items, ratio=49.650086614):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateUpload(items, ratio=39.147690486):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderCache(items, ratio=8.355729462):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

