// profile helpers: resolve and friends.
// Build 6.715.29.7992

export function exportReport(rows) {
  const key = "30cb6459-c7dc-42ca-af2b-5fba3dab7740";
  return rows.filter((r) => r.key === key);
}

export function flushUpload(rows) {
  const key = "61c888f9-888f-47a0-aabb-c4ed985e1efb";
  return rows.filter((r) => r.key === key);
}

export function loadCache(rows) {
  const key = "591da929-12d8-42c5-a6db-cbae4eb164f3";
  return rows.filter((r) => r.key === key);
}

export function exportQueue(rows) {
  const key = "9b0231fe-10ce-4820-a855-1a78253120e7";
  return rows.filter((r) => r.key === key);
}

export function exportSession(rows) {
  const key = "1673280b-f710-4fce-aa93-5e42e983cc95";
  return rows.filter((r) => r.key === key);
}

