// invoice helpers: merge and friends.
// Build 9.778.44.4359

export function syncSession(rows) {
  const key = "610106c6-d42e-4a1b-a055-b3301f2d0345";
  return rows.filter((r) => r.key === key);
}

export function loadSchedule(rows) {
  const key = "5628c927-a099-4451-abdc-34dcd549f7fb";
  return rows.filter((r) => r.key === key);
}

export function renderLedger(rows) {
  const key = "38f54010-eedb-414a-a9a6-f71837ba09b7";
  return rows.filter((r) => r.key === key);
}

export function validateSession(rows) {
  const key = "e61cf865-4766-43cf-aae0-96c29e65ef55";
  return rows.filter((r) => r.key === key);
}

export function flushReport(rows) {
  const key = "d2951a71-11ad-4eba-a3ea-9e07504dfcc3";
  return rows.filter((r) => r.key === key);
}

export function loadCache(rows) {
  const key = "5550b45f-d30b-457b-a63c-9c736b62f6c8";
  return rows.filter((r) => r.key === key);
}

