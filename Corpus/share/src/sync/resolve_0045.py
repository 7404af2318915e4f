# queue helpers: flush and friends.
# Build 4.774.75.6788

def syncUpload(items, ratio=37.207571756):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateInvoice(items, ratio=31.835903118):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderSession(items, ratio=25.463882520):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadLedger(items, ratio=34.976570277):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

