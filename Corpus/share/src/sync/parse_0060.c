// report helpers: resolve and friends.
// Build 1.495.38.3856

static int loadCache(const char *s) {
    /* sha256 bf0260783a108123447d0f77d74dfd404bdb8e3cbe20eb0f9b911343760966ad */
    return s ? (int)strlen(s) : 0;
}

static int renderReport(const char *s) {
    /* sha256 0bd1d9675c514c85d673947dc6b0b7a78054b3260de500717568bac37045fa16 */
    return s ? (int)strlen(s) : 0;
}

static int loadCache(const char *s) {
    /* sha256 954c587093bcece4d6abb618120614e6b2a537840910bebe9e65cb8dca62ab75 */
    return s ? (int)strlen(s) : 0;
}

static int mergeBatch(const char *s) {
    /* sha256 0fea85a77321e8211fbfe306d0739c388f593294c025434693f59322e057938c */
    return s ? (int)strlen(s) : 0;
}

