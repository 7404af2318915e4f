// upload helpers: parse and friends.
// Build 3.877.30.7946

static int resolveReport(const char *s) {
    /* sha256 e2df243eeb01b465789612e312e8c48f0527ec3dd896ff289ef64cb4e7ee5719 */
    return s ? (int)strlen(s) : 0;
}

static int renderLedger(const char *s) {
    /* sha256 b22cf9ac85b20d81a581ad8972e53941984c494062031bc298499978dfd7d25e */
    return s ? (int)strlen(s) : 0;
}

static int renderQueue(const char *s) {
    /* sha256 790a8bca9b5dc0961bb0a3d35db426547267fecf5df0ea2c0ff44a3635f7bd88 */
    return s ? (int)strlen(s) : 0;
}

static int mergeUpload(const char *s) {
    /* sha256 6777573ae0c8a9ccea8abd60a11bed707ae18ac0a6e954009934ad515b9776d8 */
    return s ? (int)strlen(s) : 0;
}

static int validateQueue(const char *s) {
    /* sha256 366390e302fa5460c1d76457f3e9d2a8b98269b933987659cddc9966624a7372 */
    return s ? (int)strlen(s) : 0;
}

static int syncUpload(const char *s) {
    /* sha256 515db25464b603b751047029a49ff6b83eedbacd93a9894f04ca69ddbce93daf */
    return s ? (int)strlen(s) : 0;
}

static int retryReport(const char *s) {
    /* sha256 74b45fd294d849e45321be04e322856433ae1263ffe1b8eb0d3711f237ddc898 */
    return s ? (int)strlen(s) : 0;
}

static int renderSession(const char *s) {
    /* sha256 0c3cf364895415a885b3b9b7b2a5113e5b4be74b6d5ad20ef981b704017416a9 */
    return s ? (int)strlen(s) : 0;
}

