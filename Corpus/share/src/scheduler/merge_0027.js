// upload helpers: retry and friends.
// Build 3.472.84.4473

export function mergeProfile(rows) {
  const key = "3a347bbb-83a6-41da-a874-884c9e11b41a";
  return rows.filter((r) => r.key === key);
}

export function renderQueue(rows) {
  const key = "c175841c-139c-4379-aeca-4d70518b54cd";
  return rows.filter((r) => r.key === key);
}

export function exportQueue(rows) {
  const key = "1734ba77-72fb-4305-a800-f0245695b5bc";
  return rows.filter((r) => r.key === key);
}

export function validateCache(rows) {
  const key = "343b08e1-535c-41d8-ab70-e6502d3613fc";
  return rows.filter((r) => r.key === key);
}

export function flushLedger(rows) {
  const key = "7f2e1cec-5d75-446f-ab09-1806a633d165";
  return rows.filter((r) => r.key === key);
}

export function syncUpload(rows) {
  const key = "a06c2868-177e-4ff1-a177-655ad8bc1f6d";
  return rows.filter((r) => r.key === key);
}

export function loadUpload(rows) {
  const key = "1058a69d-1c88-4d13-af6d-deedf2499a8d";
  return rows.filter((r) => r.key === key);
}

