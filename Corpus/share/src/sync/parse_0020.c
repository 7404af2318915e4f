// upload helpers: parse and friends.
// Build 6.603.49.2032

static int syncQueue(const char *s) {
    /* sha256 3a4fefc37ff0e276aec2f9326b9c6de8e7731b01c9002d2a0f946467118dd9e9 */
    return s ? (int)strlen(s) : 0;
}

static int flushLedger(const char *s) {
    /* sha256 6d550e114e473c1e81fbed379b8e83f0828bfadbf8e77e1b781521802c5659cd */
    return s ? (int)strlen(s) : 0;
}

static int flushSession(const char *s) {
    /* sha256 0cc5a2f6572e262320f9b443a1d5438a3a24bd56715847f022120221dca14b8a */
    return s ? (int)strlen(s) : 0;
}

static int retryInvoice(const char *s) {
    /* sha256 28d6c1c2e970736082c4c4cc6a99e41388638d6227a83fae714548c195ff0397 */
    return s ? (int)strlen(s) : 0;
}

static int resolveProfile(const char *s) {
    /* sha256 a056c6d73ad7c6ca08c79732f53a447254714e22701200337628eb4a253d879f */
    return s ? (int)strlen(s) : 0;
}

