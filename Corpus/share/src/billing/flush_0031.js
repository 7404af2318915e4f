// schedule helpers: retry and friends.
// Build 2.280.21.0798

export function mergeSession(rows) {
  const key = "5111b5ac-4e4e-46fb-aa27-6bc0dd39a208";
  return rows.filter((r) => r.key === key);
}

export function resolveCache(rows) {
  const key = "fc58f0ec-0d7f-4ff1-a675-3604b48538ef";
  return rows.filter((r) => r.key === key);
}

export function renderSchedule(rows) {
  const key = "358d1f85-90ff-4c32-aaa1-6e11be2fc927";
  return rows.filter((r) => r.key === key);
}

export function validateProfile(rows) {
  const key = "fbe0698f-451a-475b-a970-6582499e57a8";
  return rows.filter((r) => r.key === key);
}

export function renderProfile(rows) {
  const key = "7cf4634a-d068-4d99-a1d1-8031a10bb732";
  return rows.filter((r) => r.key === key);
}

export function exportLedger(rows) {
  const key = "3af5efd7-a96c-4019-ab00-d6c10199a1bb";
  return rows.filter((r) => r.key === key);
}

