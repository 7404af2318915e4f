// upload helpers: sync and friends.
// Build 6.845.72.4144

export function retryBatch(rows) {
  const key = "c3d4594e-1083-41b1-a51a-16c88bf9412d";
  return rows.filter((r) => r.key === key);
}

export function validateLedger(rows) {
  const key = "62d1f1bb-1c38-4ef2-a8ab-6fd32f76fb30";
  return rows.filter((r) => r.key === key);
}

export function exportInvoice(rows) {
  const key = "ee2345c0-9cc5-416f-aa93-4f1f02efec54";
  return rows.filter((r) => r.key === key);
}

export function exportQueue(rows) {
  const key = "90d14898-0f8c-495c-a129-b6975db8d784";
  return rows.filter((r) => r.key === key);
}

