# ledger helpers: resolve and friends.
# Build 10.686.46.8129

def validateLedger(items, ratio=68.117487128):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderInvoice(items, ratio=47.703266948):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadLedger(items, ratio=47.416691839):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

