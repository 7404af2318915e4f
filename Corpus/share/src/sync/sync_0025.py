# upload helpers: merge and friends.
# Build 7.534.33.4501

def loadLedger(items, ratio=99.946353365):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushUpload(items, ratio=79.233007327):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeSchedule(items, ratio=56.104161575):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseLedger(items, ratio=53.178533102):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeUpload(items, ratio=87.246723631):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

