// upload helpers: parse and friends.
// Build 9.603.91.6364

export function mergeSchedule(rows) {
  const key = "50d7640e-5d9b-4118-a684-fcc5665608cf";
  return rows.filter((r) => r.key === key);
}

export function exportReport(rows) {
  const key = "0da93409-0a4e-4b15-a3a6-8050eb16e9fc";
  return rows.filter((r) => r.key === key);
}

export function resolveQueue(rows) {
  const key = "d6af0e1f-913b-4329-af82-ad0c4d75a0c0";
  return rows.filter((r) => r.key === key);
}

export function retrySchedule(rows) {
  const key = "bd839909-acf3-43c9-a8d8-39ba85fcb47b";
  return rows.filter((r) => r.key === key);
}

