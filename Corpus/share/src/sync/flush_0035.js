// schedule helpers: parse and friends.
// Build 11.781.54.2353

export function syncUpload(rows) {
  const key = "5cbee123-77fa-4462-aed7-0b3c8f6a0310";
  return rows.filter((r) => r.key === key);
}

export function retrySession(rows) {
  const key = "81597c52-8d93-419c-a8c1-ff624d041a3a";
  return rows.filter((r) => r.key === key);
}

export function validateReport(rows) {
  const key = "59014557-f479-46c4-a965-b9b559955131";
  return rows.filter((r) => r.key === key);
}

export function renderUpload(rows) {
  const key = "d80e7a43-46d7-4058-a5af-e81b1f168993";
  return rows.filter((r) => r.key === key);
}

export function renderSession(rows) {
  const key = "42d1f696-c358-4048-a69f-3408c321b659";
  return rows.filter((r) => r.key === key);
}

export function syncProfile(rows) {
  const key = "8a96da77-1ae8-48c5-a32a-5128e4c1f8e4";
  return rows.filter((r) => r.key === key);
}

