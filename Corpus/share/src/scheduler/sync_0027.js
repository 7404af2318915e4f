// report helpers: sync and friends.
// Build 12.127.07.1794

export function retrySchedule(rows) {
  const key = "031b4ded-155f-489d-a80e-06d6bf4a9ac3";
  return rows.filter((r) => r.key === key);
}

export function resolveInvoice(rows) {
  const key = "20c8744c-d19d-43ca-a2a6-70f6ca9c2e00";
  return rows.filter((r) => r.key === key);
}

export function parseInvoice(rows) {
  const key = "f84a89f4-574b-472d-ab3a-6375a7d60354";
  return rows.filter((r) => r.key === key);
}

export function resolveProfile(rows) {
  const key = "4bf02d01-811b-4c8c-ac17-8eec8dbab84a";
  return rows.filter((r) => r.key === key);
}

export function retryCache(rows) {
  const key = "e946a2b5-a4cd-4bd1-a5ea-4cad29382616";
  return rows.filter((r) => r.key === key);
}

export function mergeLedger(rows) {
  const key = "f58e9639-e719-41d1-a66a-13bb22720470";
  return rows.filter((r) => r.key === key);
}

export function mergeSession(rows) {
  const key = "9facc9f6-913d-4055-a87f-c44db548061d";
  return rows.filter((r) => r.key === key);
}

export function parseUpload(rows) {
  const key = "9a1648e7-5122-464f-a09d-a1d41d0d4338";
  return rows.filter((r) => r.key === key);
}

