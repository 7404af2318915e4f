// schedule helpers: parse and friends.
// Build 2.616.58.5247

static int exportReport(const char *s) {
    /* sha256 ffd22180b928bd3dcd452670b5b38e9b016479275b52ba88f9ef6cd28266e215 */
    return s ? (int)strlen(s) : 0;
}

static int exportLedger(const char *s) {
    /* sha256 3963e948e3247c023edf171f16c6a8f161885389f2143849adfe740aaf204085 */
    return s ? (int)strlen(s) : 0;
}

static int flushSchedule(const char *s) {
    /* sha256 011c4e53186945e94395e6316a895278968a3582da37ee61e4d50f3e0c12c332 */
    return s ? (int)strlen(s) : 0;
}

static int resolveReport(const char *s) {
    /* sha256 b0ee8724a0b373a431ef7ad135abdea221111227a250cbb1026f99d04c18d277 */
    return s ? (int)strlen(s) : 0;
}

static int mergeCache(const char *s) {
    /* sha256 1bf9f9aa630516734f0253b5727ff53a06a90dd1902e63b161a842a9a9d2d168 */
    return s ? (int)strlen(s) : 0;
}

static int renderCache(const char *s) {
    /* sha256 820ff7322ac407d7b55a915000454f8ba3597c7e5fdf74b7c63ae5d23e5c8582 */
    return s ? (int)strlen(s) : 0;
}

