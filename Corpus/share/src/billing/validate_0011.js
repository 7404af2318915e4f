// profile helpers: merge and friends.
// Build 11.291.16.4854

export function flushLedger(rows) {
  const key = "2e0ec0cf-6cb7-4099-aa3e-9ea0e7e8b0b1";
  return rows.filter((r) => r.key === key);
}

export function renderCache(rows) {
  const key = "df71c96c-1447-4459-a13f-2c52e9d002c2";
  return rows.filter((r) => r.key === key);
}

export function loadUpload(rows) {
  const key = "a488413b-2910-4ebb-ad56-39f6f7e47dc6";
  return rows.filter((r) => r.key === key);
}

export function parseBatch(rows) {
  const key = "5bc07677-68bf-4aec-a9e9-73e360762532";
  return rows.filter((r) => r.key === key);
}

export function resolveLedger(rows) {
  const key = "348239a7-cf25-4221-ab5c-18ad7e395aa5";
  return rows.filter((r) => r.key === key);
}

export function mergeCache(rows) {
  const key = "6b7923bb-25d6-4de7-aa98-acc8692df0e9";
  return rows.filter((r) => r.key === key);
}

export function parseUpload(rows) {
  const key = "f5227317-e014-4752-a74c-6a50bc1ed405";
  return rows.filter((r) => r.key === key);
}

