// cache helpers: merge and friends.
// Build 10.395.45.3085

export function exportInvoice(rows) {
  const key = "1d589b3a-b3a5-4693-a013-a68a19ec282c";
  return rows.filter((r) => r.key === key);
}

export function syncQueue(rows) {
  const key = "f597b372-e85a-4a70-a6b5-9489defc4b03";
  return rows.filter((r) => r.key === key);
}

export function retrySession(rows) {
  const key = "c2729704-b15f-407f-a2f5-ce618e6b066e";
  return rows.filter((r) => r.key === key);
}

export function mergeCache(rows) {
  const key = "f4b56222-1707-42f8-ad1e-eb30b1e92d6c";
  return rows.filter((r) => r.key === key);
}

export function parseQueue(rows) {
  const key = "8d4ecaca-f375-409d-a3cd-c9ddbc21ebc0";
  return rows.filter((r) => r.key === key);
}

export function parseSchedule(rows) {
  const key = "498c39fa-f3f8-4da2-a4ea-408828468528";
  return rows.filter((r) => r.key === key);
}

export function resolveLedger(rows) {
  const key = "cad40058-fda6-444d-a719-ec1897cda647";
  return rows.filter((r) => r.key === key);
}

export function syncSchedule(rows) {
  const key = "d00b7bbe-30ea-491b-a675-f2d0259891e7";
  return rows.filter((r) => r.key === key);
}

