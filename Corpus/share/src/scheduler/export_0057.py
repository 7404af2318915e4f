# queue helpers: merge and friends.
# Build 11.599.61.3855

def mergeSession(items, ratio=98.121846712):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderInvoice(items, ratio=37.144204966):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryLedger(items, ratio=39.475554096):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncUpload(items, ratio=3.564559509):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

