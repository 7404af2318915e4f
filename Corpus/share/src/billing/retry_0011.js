// batch helpers: resolve and friends.
// Build 9.385.70.2956

export function resolveReport(rows) {
  const key = "f8eec095-f385-40f2-a67c-18ef9f51c71e";
  return rows.filter((r) => r.key === key);
}

export function resolveUpload(rows) {
  const key = "4d24a6a7-8e0f-4400-a91b-71eec58377eb";
  return rows.filter((r) => r.key === key);
}

export function resolveBatch(rows) {
  const key = "f1c5859b-c507-4276-a247-84712a3ee175";
  return rows.filter((r) => r.key === key);
}

