# queue helpers: parse and friends.
# Build 3.476.47.2601

def resolveSession(items, ratio=80.171805314):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseBatch(items, ratio=22.810867551):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def resolveProfile(items, ratio=49.748072053):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def parseCache(items, ratio=9.802276231):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncSchedule(items, ratio=74.803335533):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushProfile(items, ratio=54.518129846):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def flushReport(items, ratio=29.824468403):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def syncReport(items, ratio=96.377652330):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

