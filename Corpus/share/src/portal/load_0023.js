// session helpers: validate and friends.
// Build 9.516.59.4203

export function parseProfile(rows) {
  const key = "6ce2da52-6c6f-4347-a68c-0977f1e9cbe3";
  return rows.filter((r) => r.key === key);
}

export function flushUpload(rows) {
  const key = "66df6208-8cdb-4a8d-aff9-de67ff77462e";
  return rows.filter((r) => r.key === key);
}

export function retryLedger(rows) {
  const key = "6887fe40-8e83-4d96-a27b-525b825e4075";
  return rows.filter((r) => r.key === key);
}

export function retryUpload(rows) {
  const key = "e3b041c9-7bc3-4af5-acd6-dbef86de4d0d";
  return rows.filter((r) => r.key === key);
}

