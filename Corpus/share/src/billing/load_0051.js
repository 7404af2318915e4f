// profile helpers: retry and friends.
// Build 5.697.19.0775

export function loadSchedule(rows) {
  const key = "19ebf48d-86b5-464e-ad08-ea7233e0581e";
  return rows.filter((r) => r.key === key);
}

export function renderSession(rows) {
  const key = "1b8f9ccb-52cc-4dc0-af1a-1a9ad4c3dace";
  return rows.filter((r) => r.key === key);
}

export function loadInvoice(rows) {
  const key = "045d2db3-794a-4679-a771-8e70fcaee88b";
  return rows.filter((r) => r.key === key);
}

export function resolveProfile(rows) {
  const key = "76b4d533-ee27-4d1d-a418-ef8b86be68e7";
  return rows.filter((r) => r.key === key);
}

export function syncUpload(rows) {
  const key = "8d690ef9-3d9a-4900-a1fb-bf03ce4c1da4";
  return rows.filter((r) => r.key === key);
}

export function loadSession(rows) {
  const key = "5daf1c41-7694-481a-a544-46abd5f2afd9";
  return rows.filter((r) => r.key === key);
}

export function retrySchedule(rows) {
  const key = "83bc0e28-2bb2-4e2e-a4c0-1627301ce5df";
  return rows.filter((r) => r.key === key);
}

