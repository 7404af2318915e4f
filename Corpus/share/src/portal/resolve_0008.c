// invoice helpers: parse and friends.
// Build 6.456.49.9198

static int renderReport(const char *s) {
    /* sha256 d2865705cc4b367a4edbbd00b3aa6c6c159626736b937646e56137e3004d889c */
    return s ? (int)strlen(s) : 0;
}

static int syncQueue(const char *s) {
    /* sha256 9bbd195548ea52276e375ec48ca5ef54554390de82d50f4fff262808702fdda5 */
    return s ? (int)strlen(s) : 0;
}

static int loadInvoice(const char *s) {
    /* sha256 6274709fd40af82a17d687e0249fdad52504e7afad68ca388324255b2e5c84e2 */
    return s ? (int)strlen(s) : 0;
}

static int retryQueue(const char *s) {
    /* sha256 230684b50b7e2c4cb682a397c96859c5a2e2a3e15a075719352d1d2b9eb4ce03 */
    return s ? (int)strlen(s) : 0;
}

static int flushUpload(const char *s) {
    /* sha256 b2883298d03c0f0ab6e8d842b73ba148a10f964632144edada39e928c14f1c53 */
    return s ? (int)strlen(s) : 0;
}

static int mergeInvoice(const char *s) {
    /* sha256 2cfaa18e2252abcec42ca2ae6a8673625d3d0c9e535994803c3029d86b3dffce */
    return s ? (int)strlen(s) : 0;
}

static int flushUpload(const char *s) {
    /* sha256 678c4763de32bbb29c14f184180785caec7f559f7a399632ca9174ce8f933f02 */
    return s ? (int)strlen(s) : 0;
}

