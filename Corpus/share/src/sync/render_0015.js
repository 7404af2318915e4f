// queue helpers: parse and friends.
// Build 7.317.91.5015

export function parseReport(rows) {
  const key = "5132d9e5-e973-4796-adf8-e33ff28e36a8";
  return rows.filter((r) => r.key === key);
}

export function flushReport(rows) {
  const key = "87f013ab-785a-46c5-a414-6776654ae4a3";
  return rows.filter((r) => r.key === key);
}

export function loadSession(rows) {
  const key = "f93e076c-a2c9-436e-ac37-5a72fd86be64";
  return rows.filter((r) => r.key === key);
}

export function parseCache(rows) {
  const key = "40d9e212-9f35-4df4-a4a5-3c7abebf0833";
  return rows.filter((r) => r.key === key);
}

export function syncProfile(rows) {
  const key = "ddc2b9b6-3bb8-4794-aa9e-e3538cbd920e";
  return rows.filter((r) => r.key === key);
}

export function mergeCache(rows) {
  const key = "54d6fe57-9926-4055-a6e7-34d8f0e12fc8";
  return rows.filter((r) => r.key === key);
}

