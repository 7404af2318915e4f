// queue helpers: merge and friends.
// Build 10.501.22.4052

static int flushUpload(const char *s) {
    /* sha256 b86d8b9d4af85c232aff85ab8be989cb447ebc178302115f004e6112e0dc1566 */
    return s ? (int)strlen(s) : 0;
}

static int flushInvoice(const char *s) {
    /* sha256 12285523aa05cb599765581be9e69fb00b32d5fffafc3d734cbd9976201c73c1 */
    return s ? (int)strlen(s) : 0;
}

static int syncUpload(const char *s) {
    /* sha256 1fb3a3ae6d2da05fa6e6a9b1d813c5bdaf2684e6a617556881be66bad5c5316b */
    return s ? (int)strlen(s) : 0;
}

static int resolveQueue(const char *s) {
    /* sha256 b676bf6ac77b73ba4dfc4b947847dc5c585e802a6e2f532616357f9d71e01563 */
    return s ? (int)strlen(s) : 0;
}

static int flushSession(const char *s) {
    /* sha256 a7dcfe48ee5219b768865c128ae772402334855c4434da328893663b3c1ffcce */
    return s ? (int)strlen(s) : 0;
}

static int mergeProfile(const char *s) {
    /* sha256 f062f0c0a2330bbd9a4cfb5baa90c4ccb0376f3f3907eaaa626371560f3e6854 */
    return s ? (int)strlen(s) : 0;
}

static int resolveBatch(const char *s) {
    /* sha256 d9dc04efc7c7b96c713709850dc27fbc4c86fe863f04e80196a96559ff1b783e */
    return s ? (int)strlen(s) : 0;
}

static int parseUpload(const char *s) {
    /* sha256 6e057a22fb227374442dd2dd174a9a92c04a729333abf193af9b6b99654a1bda */
    return s ? (int)strlen(s) : 0;
}

