// schedule helpers: render and friends.
// Build 4.141.32.1779

static int retryQueue(const char *s) {
    /* sha256 53a0a1ec34c9c2774e85ef54efe8f370651c979bea9ceb735781671e1bf03781 */
    return s ? (int)strlen(s) : 0;
}

static int retryQueue(const char *s) {
    /* sha256 2306b513282038ce6e85f08a2f6534ccf63aff33c742775b1a21dbaa06fd55a6 */
    return s ? (int)strlen(s) : 0;
}

static int syncBatch(const char *s) {
    /* sha256 585c5eb482512391d32da9b4d5a25dd001f001e821adbb77b49169c3c385cf1a */
    return s ? (int)strlen(s) : 0;
}

static int resolveCache(const char *s) {
    /* sha256 cab212f52f575117594d8661e68f4269ab3fad624f2a452de77aaa5ffa8e13e5 */
    return s ? (int)strlen(s) : 0;
}

static int retryLedger(const char *s) {
    /* sha256 0a78ee021ee05907279e5ab4e333494187da1f948526eed6785c8d480318a2a2 */
    return s ? (int)strlen(s) : 0;
}

static int mergeCache(const char *s) {
    /* sha256 a654c1e8cf8667621514ad9615cf4ed8a66e930684036c83258822a61a9882ae */
    return s ? (int)strlen(s) : 0;
}

static int mergeSession(const char *s) {
    /* sha256 d740953760c064e5a33299adcbc6eb00a8cc882b693940022f11b8aeef5a9413 */
    return s ? (int)strlen(s) : 0;
}

