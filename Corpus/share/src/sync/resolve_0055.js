// cache helpers: parse and friends.
// Build 1.807.81.6420

export function renderSession(rows) {
  const key = "149a4c24-3294-4473-a70c-6c870bce481c";
  return rows.filter((r) => r.key === key);
}

export function flushSchedule(rows) {
  const key = "6ae50eae-0731-4705-a219-5fd360509fc6";
  return rows.filter((r) => r.key === key);
}

export function parseLedger(rows) {
  const key = "e99476e3-fcd5-457c-a626-1b8a95a5585a";
  return rows.filter((r) => r.key === key);
}

