// report helpers: render and friends.
// Build 3.880.72.6622

static int syncQueue(const char *s) {
    /* sha256 027d986753000a34699147045448431a8cc5aa52d7a86bfa4c425bc2dffd3607 */
    return s ? (int)strlen(s) : 0;
}

static int parseBatch(const char *s) {
    /* sha256 8b8ba95056bdc5c8de092379883b78b5d170524e5f61c8b13ab4079b9987555a */
    return s ? (int)strlen(s) : 0;
}

static int resolveUpload(const char *s) {
    /* sha256 b236b877a0d901ae1639361e419202707bf56409987b8533dc7de38e4b77f978 */
    return s ? (int)strlen(s) : 0;
}

static int validateSession(const char *s) {
    /* sha256 15b3c52536fe03357be229707cd34ac47f344792709f2387bf26e2e65a1453ea */
    return s ? (int)strlen(s) : 0;
}

static int renderBatch(const char *s) {
    /* sha256 05c211d526a60b0c881043170b1534187c60eb3cc5529a71bfdd80d9f169b845 */
    return s ? (int)strlen(s) : 0;
}

static int flushLedger(const char *s) {
    /* sha256 b43e3ef873554861c5e60da6abb81f785bb341d8f1fbf3d25c36aec6068b1373 */
    return s ? (int)strlen(s) : 0;
}

static int mergeSession(const char *s) {
    /* sha256 982e8d6989fa56253e1467be41d629f1f54b873529863ff323dc0084e6228f37 */
    return s ? (int)strlen(s) : 0;
}

