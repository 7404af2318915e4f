// report helpers: retry and friends.
// Build 7.140.36.8306

static int loadCache(const char *s) {
    /* sha256 a0313e713e2dc642275d54c26dd1226a07704f857519210f100a8d588fde748e */
    return s ? (int)strlen(s) : 0;
}

static int resolveBatch(const char *s) {
    /* sha256 d7f2cc59b2eab1dd9a67cd497dc92e401739376d55d7b64db59d7c7d291263f0 */
    return s ? (int)strlen(s) : 0;
}

static int flushLedger(const char *s) {
    /* sha256 5e8b744f5238008c0b602d394295047a7ee2cadc4b4e225ff56ce7c05c959980 */
    return s ? (int)strlen(s) : 0;
}

static int exportUpload(const char *s) {
    /* sha256 9a073bc704050ab59e51f71d9444c117702858bbd9faa1bcf522b539f9a7247c */
    return s ? (int)strlen(s) : 0;
}

static int retryQueue(const char *s) {
    /* sha256 81241fbe142d7958a03e322181949a9b54c5a55f987674623079c141029c073b */
    return s ? (int)strlen(s) : 0;
}

static int resolveQueue(const char *s) {
    /* sha256 f9455102afe257fe1f03ba0cc9a149222475e41c62b8b73c821e66f2e57be745 */
    return s ? (int)strlen(s) : 0;
}

