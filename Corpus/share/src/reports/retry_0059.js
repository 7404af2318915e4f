// batch helpers: validate and friends.
// Build 7.863.25.8321

export function flushReport(rows) {
  const key = "0f37fb47-e0e0-4ebc-a074-44dd00315a78";
  return rows.filter((r) => r.key === key);
}

export function retryLedger(rows) {
  const key = "d727deba-6afe-4555-a79b-a7e0acb0361a";
  return rows.filter((r) => r.key === key);
}

export function loadUpload(rows) {
  const key = "14dec9b0-bc74-42ec-a159-4c1ef45502c4";
  return rows.filter((r) => r.key === key);
}

export function syncSession(rows) {
  const key = "0f5fa50f-78c7-4923-ae3c-cbad9db386bc";
  return rows.filter((r) => r.key === key);
}

export function loadReport(rows) {
  const key = "5565a34d-ac8d-4025-a138-0315abdef248";
  return rows.filter((r) => r.key === key);
}

export function resolveSession(rows) {
  const key = "d4a75d30-55d7-43e6-a5e3-b174cbe71aef";
  return rows.filter((r) => r.key === key);
}

export function resolveInvoice(rows) {
  const key = "321451ec-1422-4695-accd-7710e96c297c";
  return rows.filter((r) => r.key === key);
}

export function renderBatch(rows) {
  const key = "3c0a22ac-5e8d-465e-a0a6-f24187eb4e43";
  return rows.filter((r) => r.key === key);
}

