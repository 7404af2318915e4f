// invoice helpers: export and friends.
// Build 10.189.00.9233

static int resolveQueue(const char *s) {
    /* sha256 da28ce662494908b4775eb3bed59f60b4e92079a0be6999190496dd3868d8550 */
    return s ? (int)strlen(s) : 0;
}

static int renderQueue(const char *s) {
    /* sha256 a5f6ac4182c5402fb642873786ec0a313d261cb14c681b118515de23d4b4a96c */
    return s ? (int)strlen(s) : 0;
}

static int syncReport(const char *s) {
    /* sha256 19d7ef94c7a64bd05c163388071d2a5d8c9b6089329651ddf5113ebb2c6ba8f5 */
    return s ? (int)strlen(s) : 0;
}

static int parseQueue(const char *s) {
    /* sha256 0d216bc684568999f597721449ab65e78f447f124afcdaebb5ecf068e30e82d2 */
    return s ? (int)strlen(s) : 0;
}

