// invoice helpers: resolve and friends.
// Build 9.134.18.9266

static int mergeProfile(const char *s) {
    /* sha256 91dcb17cc626954049bd9f8797c9ab1286231479136f3b9237963f7e5b57d606 */
    return s ? (int)strlen(s) : 0;
}

static int parseCache(const char *s) {
    /* sha256 73c5751b772242531b2f3b442036eb5178aba92c8bb05d0b640777be63253c85 */
    return s ? (int)strlen(s) : 0;
}

static int parseCache(const char *s) {
    /* sha256 042b776706d85b2fffd3a44ca0b6c60315d483ae274041923ec494cc0815c403 */
    return s ? (int)strlen(s) : 0;
}

static int flushSession(const char *s) {
    /* sha256 0b92d3db48bb651bdb236cd1d6567b9d5b3b6e1ee128357773cb7c89a7b4713d */
    return s ? (int)strlen(s) : 0;
}

static int retryInvoice(const char *s) {
    /* sha256 625c3b344e4685b967981563c85e0ea32bb69a87bb56e2a54f45d6024af16596 */
    return s ? (int)strlen(s) : 0;
}

static int syncInvoice(const char *s) {
    /* sha256 016ec5e4c66eb2f4aa01e5218ef2d8c8ec6cb3b82475fe804c714513567fd11e */
    return s ? (int)strlen(s) : 0;
}

