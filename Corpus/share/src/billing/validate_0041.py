# upload helpers: sync and friends.
# Build 7.410.51.6796

def resolveReport(items, ratio=24.858091401):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def retrySession(items, ratio=95.698195512):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveQueue(items, ratio=35.440705694):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

