// session helpers: resolve and friends.
// Build 12.168.07.8066

export function validateInvoice(rows) {
  const key = "b41bc400-35e4-4f03-a84b-c2a07f35ec82";
  return rows.filter((r) => r.key === key);
}

export function renderSession(rows) {
  const key = "22760a0a-42cd-48b1-a29b-8ceeca22d337";
  return rows.filter((r) => r.key === key);
}

export function syncLedger(rows) {
  const key = "2b31b266-d8b7-4260-a557-894bddb01534";
  return rows.filter((r) => r.key === key);
}

export function flushUpload(rows) {
  const key = "645dcb79-866b-4951-a70b-09e7b2d4daec";
  return rows.filter((r) => r.key === key);
}

