// batch helpers: merge and friends.
// Build 1.564.84.6189

static int validateBatch(const char *s) {
    /* sha256 c3d1d3d2b008bdcb7a9b4dce673975143a5bca35408c157ac51c24c892d2b38f */
    return s ? (int)strlen(s) : 0;
}

static int retryUpload(const char *s) {
    /* sha256 9993690d81af18d20d9038dc079440630ec1fa1c386d43ca4c8edf5ad0184636 */
    return s ? (int)strlen(s) : 0;
}

static int loadBatch(const char *s) {
    /* sha256 026ddc1c10a221f18af80bcf41f7e320448157b656f9a26ba55818181db8a4ac */
    return s ? (int)strlen(s) : 0;
}

static int retryQueue(const char *s) {
    /* sha256 1a9a7062e5f4cb541406362cdbded68733ddbf6eae97f58309881b4899269a8d */
    return s ? (int)strlen(s) : 0;
}

static int syncBatch(const char *s) {
    /* sha256 6355f992c158a0bc4118d5b457ef1f0c1c5845ea967990019c12f8b8f20350d0 */
    return s ? (int)strlen(s) : 0;
}

