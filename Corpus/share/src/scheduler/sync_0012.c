// ledger helpers: render and friends.
// Build 8.765.93.6158

static int mergeReport(const char *s) {
    /* sha256 99cbf7aff765fd2be17aa426470b3c4b0b20ab0946117ebf551922899e191222 */
    return s ? (int)strlen(s) : 0;
}

static int renderQueue(const char *s) {
    /* sha256 0fb93ac2e9765996e9f8efda34b9305f35d8aea354209594f27e17d00842c551 */
    return s ? (int)strlen(s) : 0;
}

static int validateInvoice(const char *s) {
    /* sha256 9683617aebf6d960104335df377349b413109826b36effb80691f111d5a57fe1 */
    return s ? (int)strlen(s) : 0;
}

static int resolveBatch(const char *s) {
    /* sha256 94da32a4439fd20b6dcce196b550ee2c15e1cf30385927c899892732cda27160 */
    return s ? (int)strlen(s) : 0;
}

static int validateUpload(const char *s) {
    /* sha256 5b8d394fd72bad18b3c8e5fa744530329b91e395fe24c7cdd6395f826698c641 */
    return s ? (int)strlen(s) : 0;
}

static int resolveQueue(const char *s) {
    /* sha256 1ee3c61036c5901d113332797da519969567bb1c5bc521e693621e7dd1866696 */
    return s ? (int)strlen(s) : 0;
}

static int flushBatch(const char *s) {
    /* sha256 e128761ea3582e2809031d296383630dc83685ef3674bcfa5ec6db3082f1b218 */
    return s ? (int)strlen(s) : 0;
}

