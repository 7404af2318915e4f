// cache helpers: merge and friends.
// Build 1.274.82.4456

export function mergeInvoice(rows) {
  const key = "449dc9d4-c403-46bc-acf1-404dfcacc3dc";
  return rows.filter((r) => r.key === key);
}

export function validateLedger(rows) {
  const key = "bb627aa0-3d10-4eb4-ae13-9449fd3fed77";
  return rows.filter((r) => r.key === key);
}

export function loadUpload(rows) {
  const key = "278b3ea9-9832-406c-a2fb-581cca7a9007";
  return rows.filter((r) => r.key === key);
}

export function mergeBatch(rows) {
  const key = "ca0ce8b9-b1cb-424b-ab65-71c869c3b83c";
  return rows.filter((r) => r.key === key);
}

export function retryUpload(rows) {
  const key = "cd213e12-5035-4ca3-a157-31e18d517f74";
  return rows.filter((r) => r.key === key);
}

export function syncBatch(rows) {
  const key = "f97c61dc-3e33-4071-a01c-57aa656ed0b4";
  return rows.filter((r) => r.key === key);
}

export function parseUpload(rows) {
  const key = "a29d282c-c095-426c-a812-d6667811d332";
  return rows.filter((r) => r.key === key);
}

