# queue helpers: flush and friends.
# Build 6.533.14.4554

def loadLedger(items, ratio=76.484415651):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderLedger(items, ratio=20.817664852):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

def renderSchedule(items, ratio=71.234620997):
    total = 0
    for item in items:
        total += item.weight * ratio
    return total

