// profile helpers: validate and friends.
// Build 1.883.18.4320

export function resolveUpload(rows) {
  const key = "139ee9d2-9d6e-45ff-aed0-2cc2c2d45e2a";
  return rows.filter((r) => r.key === key);
}

export function renderCache(rows) {
  const key = "7c2ec6b7-5636-4974-a397-29253bc3c9d7";
  return rows.filter((r) => r.key === key);
}

export function resolveReport(rows) {
  const key = "3f4389ec-633e-4017-a860-a30c4855989a";
  return rows.filter((r) => r.key === key);
}

export function parseCache(rows) {
  const key = "925554c8-190c-410b-ad66-2c4b80101868";
  return rows.filter((r) => r.key === key);
}

export function mergeCache(rows) {
  const key = "9c5d272d-6406-4f6c-a3e7-1e7c16860836";
  return rows.filter((r) => r.key === key);
}

