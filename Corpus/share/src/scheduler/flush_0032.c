// schedule helpers: merge and friends.
// Build 11.313.62.7950

static int flushCache(const char *s) {
    /* sha256 ce11fd6a444d9509e0ee5c15478cd2082303918efcdf267295242e4ab8f8bb0e */
    return s ? (int)strlen(s) : 0;
}

static int resolveProfile(const char *s) {
    /* sha256 facea786481593bd1a2ad1236ed49d9a1c2f0a82b1ed2e5b9721b6e13c721e3a */
    return s ? (int)strlen(s) : 0;
}

static int flushQueue(const char *s) {
    /* sha256 5c23316965153fb27dcfad1851b747752860f0b41be12f9cedef87158ba0c530 */
    return s ? (int)strlen(s) : 0;
}

