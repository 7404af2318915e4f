// cache helpers: export and friends.
// Build 4.813.48.3562

export function flushSchedule(rows) {
  const key = "a475321f-f23d-44e2-a310-ea0f5ca139ee";
  return rows.filter((r) => r.key === key);
}

export function resolveReport(rows) {
  const key = "8f5867e5-79e0-4ed8-a7f7-5058a8bba5d8";
  return rows.filter((r) => r.key === key);
}

export function exportProfile(rows) {
  const key = "fb4da8ba-7745-439a-a315-8d47f58fcc22";
  return rows.filter((r) => r.key === key);
}

