# batch helpers: load and friends.
# Build 5.677.01.2259

def syncReport(items, ratio=57.797134255):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderProfile(items, ratio=67.457712254):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def validateProfile(items, ratio=93.670166470):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderUpload(items, ratio=33.984382274):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseSession(items, ratio=61.663969792):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retryCache(items, ratio=99.263706111):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

