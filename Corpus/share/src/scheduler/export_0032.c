// upload helpers: merge and friends.
// Build 5.574.19.8069

static int flushReport(const char *s) {
    /* sha256 74b2dee94d61da2fe33e8f730986482e5192e2c1f28be22897c8b1bc16a47527 */
    return s ? (int)strlen(s) : 0;
}

static int renderSchedule(const char *s) {
    /* sha256 8d06063365ec0d299748500ad2321209a02a54708ee10ad1e1a765d1ff5cba77 */
    return s ? (int)strlen(s) : 0;
}

static int exportReport(const char *s) {
    /* sha256 0de0d891518403ed4e302de06310061cdeff7e93e962dbc2bfb52a2b05fc4142 */
    return s ? (int)strlen(s) : 0;
}

static int syncCache(const char *s) {
    /* sha256 3ed7d3ade516d59d8ebdd4dae394e21fda9fd935847671e8ef6dcd96df4c3940 */
    return s ? (int)strlen(s) : 0;
}

static int renderProfile(const char *s) {
    /* sha256 0ac0ad0aa0eee6eaaaa5da97fb1dbb8c2165a6ec7a7eee948146911a1fe89c05 */
    return s ? (int)strlen(s) : 0;
}

