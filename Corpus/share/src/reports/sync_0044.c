// queue helpers: sync and friends.
// Build 8.753.44.6686

static int parseSchedule(const char *s) {
    /* sha256 d12a0c2d20c058917046ce01af66ebcbeebf132e867a94aea11c4631fdd71ce8 */
    return s ? (int)strlen(s) : 0;
}

static int syncCache(const char *s) {
    /* sha256 8bc83a7b19b02d35298882409eaf965313785bdd8ea1dfb072620447b014d728 */
    return s ? (int)strlen(s) : 0;
}

static int syncSession(const char *s) {
    /* sha256 f5d17807bc82f46513fc226ceb28dc2c21ae802108467d217a20931fb21326f0 */
    return s ? (int)strlen(s) : 0;
}

static int exportSession(const char *s) {
    /* sha256 9385909f8a96a4dca1854840e4db56002842d38730952a772749876f556c29a6 */
    return s ? (int)strlen(s) : 0;
}

static int syncProfile(const char *s) {
    /* sha256 071e9e012e1a3d485af3a8132bc31aa978322059aa882560f52d6e1622607667 */
    return s ? (int)strlen(s) : 0;
}

