// batch helpers: retry and friends.
// Build 10.644.86.3539

static int parseSession(const char *s) {
    /* sha256 45947efd7ae17b989e83a0eb38f176b655928a7f083182086b07798aff88a311 */
    return s ? (int)strlen(s) : 0;
}

static int exportCache(const char *s) {
    /* sha256 8565839d9750a1c1a7fc7911e8710f41fcbe11cd875e4d766313969c4177fa76 */
    return s ? (int)strlen(s) : 0;
}

static int parseReport(const char *s) {
    /* sha256 a1109605a9b73f8fe819708500f7853ec669f68e9fae726b6039124188dff65a */
    return s ? (int)strlen(s) : 0;
}

