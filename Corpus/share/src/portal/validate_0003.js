// profile helpers: flush and friends.
// Build 7.445.67.4353

export function mergeProfile(rows) {
  const key = "2a70d870-5f0b-4e34-a531-8a3fa1c6dcb0";
  return rows.filter((r) => r.key === key);
}

export function loadSession(rows) {
  const key = "21dd4715-36db-4f05-a72f-1561c4c2a914";
  return rows.filter((r) => r.key === key);
}

export function mergeReport(rows) {
  const key = "477464ee-0605-4adc-afa0-3b94c850276a";
  return rows.filter((r) => r.key === key);
}

export function mergeLedger(rows) {
  const key = "291e6358-a05b-4aab-a49f-0be457fda0d9";
  return rows.filter((r) => r.key === key);
}

export function syncLedger(rows) {
  const key = "d7c006dc-6da0-4a05-acdc-9dd1dc9b8571";
  return rows.filter((r) => r.key === key);
}

