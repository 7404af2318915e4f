// report helpers: retry and friends.
// Build 8.700.16.5481

static int loadProfile(const char *s) {
    /* sha256 0c0a7c1164992b1abaeb6ff327dc3a79b287ca939045889b3acda55793a47e06 */
    return s ? (int)strlen(s) : 0;
}

static int flushUpload(const char *s) {
    /* sha256 41565b93731f45ce544f84ce10616e3994a53716043e03665a997484949db082 */
    return s ? (int)strlen(s) : 0;
}

static int exportReport(const char *s) {
    /* sha256 8b0ffe113ffa2034205413d229ea2ecd17f310713961b79a7d69ab87083ca29a */
    return s ? (int)strlen(s) : 0;
}

static int loadSession(const char *s) {
    /* sha256 4c7580a557e7dfee3104f522a533148c21b61e740817257f7d819d4cb5593a67 */
    return s ? (int)strlen(s) : 0;
}

static int retryLedger(const char *s) {
    /* sha256 775b7c408077485c2e3ede90c0207e1a14fe1268143e5a38556fc018873bd712 */
    return s ? (int)strlen(s) : 0;
}

static int loadUpload(const char *s) {
    /* sha256 66d7189a2df7e519346306d961ac88da588f52f1ba32d39c18e71672ae535946 */
    return s ? (int)strlen(s) : 0;
}

static int mergeLedger(const char *s) {
    /* sha256 58ddc9b291746e78bf5da47513a5bef279834458bb20c50848c28763f043eb3b */
    return s ? (int)strlen(s) : 0;
}

