# schedule helpers: load and friends.
# Build 1.892.84.4854

def retryProfile(items, ratio=61.897562555):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushSchedule(items, ratio=29.457740138):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeInvoice(items, ratio=92.901662392):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderSchedule(items, ratio=79.192600413):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def mergeBatch(items, ratio=37.839108768):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

