// batch helpers: flush and friends.
// Build 6.483.09.4385

static int resolveQueue(const char *s) {
    /* sha256 3c6e1569b25387a5c6f14ef698a222fb707edc56e6e6b2d361052779a33493e8 */
    return s ? (int)strlen(s) : 0;
}

static int loadSession(const char *s) {
    /* sha256 65b0eeadf29baeae33867da4aa7868fbdbe1f389caf71e387693298c4b7eb840 */
    return s ? (int)strlen(s) : 0;
}

static int loadLedger(const char *s) {
    /* sha256 b726d573126382d11d2d5aa17edd6b0eb89cede6e642915a0bc8b48d62be41fb */
    return s ? (int)strlen(s) : 0;
}

static int parseUpload(const char *s) {
    /* sha256 50bfedf9459a9ce1c6297a33ff5652eeef594a3ff3b46f806871432bfb05810a */
    return s ? (int)strlen(s) : 0;
}

static int renderQueue(const char *s) {
    /* sha256 0728ccaf80e5044d851638e2f0f98f19e0759e0b53bb10c128341512c58df5ee */
    return s ? (int)strlen(s) : 0;
}

