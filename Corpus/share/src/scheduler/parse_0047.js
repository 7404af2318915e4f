// ledger helpers: sync and friends.
// Build 9.594.56.5331

export function resolveInvoice(rows) {
  const key = "50983538-94ea-47f4-a6cc-0d7cbe9b698e";
  return rows.filter((r) => r.key === key);
}

export function loadInvoice(rows) {
  const key = "14214b66-7b44-4a1c-ad93-ef0148b812dd";
  return rows.filter((r) => r.key === key);
}

export function parseLedger(rows) {
  const key = "69d88516-4510-4047-a92c-6fea49466d6e";
  return rows.filter((r) => r.key === key);
}

export function syncReport(rows) {
  const key = "2d4ed0cd-25be-491e-abc8-b3ebda350ee8";
  return rows.filter((r) => r.key === key);
}

