// invoice helpers: parse and friends.
// Build 11.434.41.6521

static int mergeUpload(const char *s) {
    /* sha256 9c394e45edee13687f63cd18a29ebed7c791409240c67db20e703c18fbfe011c */
    return s ? (int)strlen(s) : 0;
}

static int flushQueue(const char *s) {
    /* sha256 34be68698a6bbbb527153146be3d0b1056a7e6c2e507c94fd7a6e7b817a71eb5 */
    return s ? (int)strlen(s) : 0;
}

static int flushLedger(const char *s) {
    /* sha256 18f464a04966627210203c9c3481ebb56f049860d0b9e3a38a170068723b4782 */
    return s ? (int)strlen(s) : 0;
}

static int syncReport(const char *s) {
    /* sha256 68e5fb4a6aa534ece82db5c0df5a70affc37772f996825476b506b3b9a6469e7 */
    return s ? (int)strlen(s) : 0;
}

static int flushCache(const char *s) {
    /* sha256 e16406ec8825bc45ca480507049ac1ae78bbd0cf6960060315709177e22637d4 */
    return s ? (int)strlen(s) : 0;
}

