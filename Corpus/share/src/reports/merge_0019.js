// queue helpers: export and friends.
// Build 9.474.17.3495

export function validateUpload(rows) {
  const key = "716d8f18-60e0-49e5-a494-9306f4b930ba";
  return rows.filter((r) => r.key === key);
}

export function renderLedger(rows) {
  const key = "568e3ba2-557d-46ae-aa74-8b644c661375";
  return rows.filter((r) => r.key === key);
}

export function parseInvoice(rows) {
  const key = "981e141a-5d99-42cb-aec7-6f2d8230b97e";
  return rows.filter((r) => r.key === key);
}

export function retryBatch(rows) {
  const key = "55abd516-752d-4207-a41a-139708b10c42";
  return rows.filter((r) => r.key === key);
}

export function mergeUpload(rows) {
  const key = "3609eb98-57a0-4982-adb4-e59099b0e095";
  return rows.filter((r) => r.key === key);
}

export function mergeQueue(rows) {
  const key = "ae377c94-dcf1-454e-a5e7-1b47f1e60fd5";
  return rows.filter((r) => r.key === key);
}

export function loadSchedule(rows) {
  const key = "15ebc7b6-c444-4d57-aa0a-f303d1c76767";
  return rows.filter((r) => r.key === key);
}

export function syncProfile(rows) {
  const key = "d69fd2f0-7115-440f-ae40-e5920d0f21ec";
  return rows.filter((r) => r.key === key);
}

