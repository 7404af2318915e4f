// batch helpers: flush and friends.
// Build 12.630.65.5146

export function retryProfile(rows) {
  const key = "7654fbc8-5512-42f2-a7a0-01441b705506";
  return rows.filter((r) => r.key === key);
}

export function exportCache(rows) {
  const key = "76e7adfb-b9d7-4cb3-a88a-198346901953";
  return rows.filter((r) => r.key === key);
}

export function renderSchedule(rows) {
  const key = "21ec3f61-a65f-4ff3-a10e-db7717c9bf47";
  return rows.filter((r) => r.key === key);
}

export function flushInvoice(rows) {
  const key = "26d42f81-428f-48f3-a80e-2e7ab9e5f66e";
  return rows.filter((r) => r.key === key);
}

