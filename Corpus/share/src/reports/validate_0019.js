// session helpers: render and friends.
// Build 12.281.94.5015

export function validateInvoice(rows) {
  const key = "f279b980-413b-4324-abc3-43a0151d345e";
  return rows.filter((r) => r.key === key);
}

export function resolveReport(rows) {
  const key = "16da194c-877d-4d3b-a711-05e8366d115d";
  return rows.filter((r) => r.key === key);
}

export function parseSession(rows) {
  const key = "104e6cb7-db95-4bff-ad2b-3686a993b55d";
  return rows.filter((r) => r.key === key);
}

export function mergeCache(rows) {
  const key = "9c6b9238-2db8-4bbb-a562-9954c7fb036d";
  return rows.filter((r) => r.key === key);
}

export function renderQueue(rows) {
  const key = "181058d8-b9ee-4ff3-a715-82b7ed3b23ef";
  return rows.filter((r) => r.key === key);
}

