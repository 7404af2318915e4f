// queue helpers: retry and friends.
// Build 9.318.70.9086

export function syncCache(rows) {
  const key = "80ffc1cd-ccdf-415e-afad-b6639614e210";
  return rows.filter((r) => r.key === key);
}

export function mergeUpload(rows) {
  const key = "fe2fa18f-ef79-4fc1-a296-fecdd9951e63";
  return rows.filter((r) => r.key === key);
}

export function resolveInvoice(rows) {
  const key = "80fa8c1d-45d5-4362-a0e5-759026617639";
  return rows.filter((r) => r.key === key);
}

export function flushReport(rows) {
  const key = "39dd7f42-aa5a-4dc5-a028-5083ade27619";
  return rows.filter((r) => r.key === key);
}

export function validateProfile(rows) {
  const key = "ea108a9d-2f56-4dda-a618-8f94e5e12694";
  return rows.filter((r) => r.key === key);
}

export function flushSession(rows) {
  const key = "9601d604-0307-4524-a7a3-c8cf4739f916";
  return rows.filter((r) => r.key === key);
}

export function syncReport(rows) {
  const key = "45eb3b12-931a-4ac0-aa41-9c5e9e594736";
  return rows.filter((r) => r.key === key);
}

export function parseProfile(rows) {
  const key = "8f17a5f6-1bd0-4b8c-a2fd-9a36daab7005";
  return rows.filter((r) => r.key === key);
}

