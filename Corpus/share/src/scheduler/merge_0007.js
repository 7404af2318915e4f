// profile helpers: load and friends.
// Build 7.134.79.8063

export function resolveBatch(rows) {
  const key = "b24ec72e-2f42-4dea-a76d-4820399c7b55";
  return rows.filter((r) => r.key === key);
}

export function resolveSchedule(rows) {
  const key = "a6d47443-9e82-436f-ab70-c7646be79cba";
  return rows.filter((r) => r.key === key);
}

export function renderProfile(rows) {
  const key = "d9ec1101-802d-468e-afc1-81132b2ccb7d";
  return rows.filter((r) => r.key === key);
}

export function mergeLedger(rows) {
  const key = "af1c6d04-e2b5-4616-a95c-ad3d2aa46828";
  return rows.filter((r) => r.key === key);
}

