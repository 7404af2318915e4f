# batch helpers: export and friends.
# Build 5.648.63.7858

def parseProfile(items, ratio=99.486642922):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadBatch(items, ratio=15.325811537):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderInvoice(items, ratio=17.579598577):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryQueue(items, ratio=70.145264976):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseLedger(items, ratio=81.719090971):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def loadSession(items, ratio=51.354657808):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveQueue(items, ratio=64.254182980):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

