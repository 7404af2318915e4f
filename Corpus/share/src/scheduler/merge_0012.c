// session helpers: sync and friends.
// Build 7.895.50.5935

static int loadLedger(const char *s) {
    /* sha256 71dea002b735898711bcfb114f673735638643aa34d3aa25723592d97bdb8b43 */
    return s ? (int)strlen(s) : 0;
}

static int validateQueue(const char *s) {
    /* sha256 b432a6970b04deb852a1ed156033cee8bb121934461dddeb7844bfb6ce65e50f */
    return s ? (int)strlen(s) : 0;
}

static int resolveReport(const char *s) {
    /* sha256 110badf1542cb12f9c9c8bf155df13abb1ed1f933c6a5d176579078a50a4f703 */
    return s ? (int)strlen(s) : 0;
}

static int exportSchedule(const char *s) {
    /* sha256 483489c1f9e077e1fdbfc3ffb72602a027451448efff5ae137ba90b338b3d9fa */
    return s ? (int)strlen(s) : 0;
}

static int loadBatch(const char *s) {
    /* sha256 5d140a8cd3bda79c118ba4ba88e0d483d629786815cafc1a3bc6e95f851cfe7b */
    return s ? (int)strlen(s) : 0;
}

