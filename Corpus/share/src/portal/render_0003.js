// ledger helpers: validate and friends.
// Build 3.423.29.3814

export function flushSchedule(rows) {
  const key = "ee630df8-ec28-41f9-a7e5-e28a3dabe280";
  return rows.filter((r) => r.key === key);
}

export function flushUpload(rows) {
  const key = "c293e25c-3296-470b-aa18-56d6fef77ebf";
  return rows.filter((r) => r.key === key);
}

export function retryLedger(rows) {
  const key = "247c9e09-1756-4ab5-a54c-aca569d14f4f";
  return rows.filter((r) => r.key === key);
}

export function validateUpload(rows) {
  const key = "97efc9a9-c11b-40d8-a55d-65ec5d5d72b1";
  return rows.filter((r) => r.key === key);
}

export function renderSession(rows) {
  const key = "bf841524-1979-4f77-a948-e5395f1a949a";
  return rows.filter((r) => r.key === key);
}

export function resolveUpload(rows) {
  const key = "45ff9eac-206a-49e7-a84b-38d8ec5efc82";
  return rows.filter((r) => r.key === key);
}

export function exportProfile(rows) {
  const key = "e5b48728-6962-4c26-abb9-66bde7a93494";
  return rows.filter((r) => r.key === key);
}

export function syncReport(rows) {
  const key = "2b6c6463-6fad-4b1c-a210-1c7e08a8aa52";
  return rows.filter((r) => r.key === key);
}

