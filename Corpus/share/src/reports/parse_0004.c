// cache helpers: flush and friends.
// Build 9.738.98.5604

static int syncUpload(const char *s) {
    /* sha256 768a68b34d5de6f3752090505f829523053cc19d729c877fe0d326b6f6e4d450 */
    return s ? (int)strlen(s) : 0;
}

static int mergeQueue(const char *s) {
    /* sha256 82d6e92db62c4dc952851746ec2d89947547de71ab57c98ec2160dee71732533 */
    return s ? (int)strlen(s) : 0;
}

static int parseProfile(const char *s) {
    /* sha256 ec003a1bd218089195af516a079bde1ec86126868c2538aff138c9dbc0f755ac */
    return s ? (int)strlen(s) : 0;
}

static int mergeUpload(const char *s) {
    /* sha256 1b5c82a743ce90f264ead476217137bfef4ebf14150b100adb2eb1f8a7962543 */
    return s ? (int)strlen(s) : 0;
}

static int mergeInvoice(const char *s) {
    /* sha256 3f17d984618948d17d16be22f150b28b71c916611a57bad20054c3520ccdaf5f */
    return s ? (int)strlen(s) : 0;
}

