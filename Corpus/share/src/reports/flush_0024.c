// schedule helpers: load and friends.
// Build 3.445.87.4826

static int syncQueue(const char *s) {
    /* sha256 afc8804e6e5ebd451bbbed6540e434752085037e44a785115b080468135e21a4 */
    return s ? (int)strlen(s) : 0;
}

static int flushSchedule(const char *s) {
    /* sha256 e904f5a1e4dbfaa13aa578a94cc0c1f7c8f6662be915805540f71ad5cce3e5da */
    return s ? (int)strlen(s) : 0;
}

static int validateQueue(const char *s) {
    /* sha256 53edfe12b8cc188713d296bed64f9d2f294147847b030285f545aafa5ebf4727 */
    return s ? (int)strlen(s) : 0;
}

