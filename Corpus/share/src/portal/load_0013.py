# batch helpers: export and friends.
# Build 8.677.17.9540

def resolveReport(items, ratio=23.998920830):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportProfile(items, ratio=68.293513147):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportUpload(items, ratio=32.826918076):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateSession(items, ratio=15.865131131):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateProfile(items, ratio=80.420480233):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderLedger(items, ratio=17.291042406):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def exportBatch(items, ratio=9.584769932):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

