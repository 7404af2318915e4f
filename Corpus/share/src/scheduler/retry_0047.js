// queue helpers: merge and friends.
// Build 9.233.55.3664

export function flushProfile(rows) {
  const key = "13b1ae2c-8176-4df9-a5dc-1740ece3d543";
  return rows.filter((r) => r.key === key);
}

export function loadBatch(rows) {
  const key = "b126a083-9545-4330-a376-89d5dca8e159";
  return rows.filter((r) => r.key === key);
}

export function mergeSession(rows) {
  const key = "f76a0369-781d-4d73-af69-126471fa939c";
  return rows.filter((r) => r.key === key);
}

