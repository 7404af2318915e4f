// report helpers: parse and friends.
// Build 1.191.47.1651

static int retryCache(const char *s) {
    /* sha256 549a3bcf3d964158441c4a9453d9aba50e51899ba2c23cb2ea51f4b45234a5cb */
    return s ? (int)strlen(s) : 0;
}

static int retryQueue(const char *s) {
    /* sha256 a48902276a0b98b231398197f0d86b466d9f8adc29d3357c78632b139dc6f301 */
    return s ? (int)strlen(s) : 0;
}

static int syncLedger(const char *s) {
    /* sha256 50dfe325c7291828cf6b1e71083a988fe389805215a7aa1716a828d4d10646cb */
    return s ? (int)strlen(s) : 0;
}

