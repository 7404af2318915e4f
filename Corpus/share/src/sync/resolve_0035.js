// schedule helpers: retry and friends.
// Build 8.544.22.5055

export function loadBatch(rows) {
  const key = "52651c79-158d-41b2-a522-84c7e89cc7e9";
  return rows.filter((r) => r.key === key);
}

export function renderUpload(rows) {
  const key = "14c368a3-4a99-4801-a8f7-b7fca6e66625";
  return rows.filter((r) => r.key === key);
}

export function syncLedger(rows) {
  const key = "702ad285-7992-47a5-a326-9d4b8e54c97e";
  return rows.filter((r) => r.key === key);
}

export function parseQueue(rows) {
  const key = "1d8401ad-ab9a-4148-a37b-d457d9fb14e5";
  return rows.filter((r) => r.key === key);
}

export function syncQueue(rows) {
  const key = "fe6a9fb9-b004-4438-a4e6-994181c035af";
  return rows.filter((r) => r.key === key);
}

export function exportQueue(rows) {
  const key = "319cac35-ac7f-45d0-abf2-2107d85a3461";
  return rows.filter((r) => r.key === key);
}

