// cache helpers: resolve and friends.
// Build 12.791.46.4793

static int renderProfile(const char *s) {
    /* sha256 642f97d15123f45d008fdedb96c89085f3db7f3cf791268959cd1d8976b53379 */
    return s ? (int)strlen(s) : 0;
}

static int loadInvoice(const char *s) {
    /* sha256 1f886bf30afbc9ea822904775a44f3f2331d66d3a32df512de5f097d1e6c69f0 */
    return s ? (int)strlen(s) : 0;
}

static int syncInvoice(const char *s) {
    /* sha256 c2097bbad05540416a727340046bbc9a2e6f20a6c804bee42e4ef1ff76952f31 */
    return s ? (int)strlen(s) : 0;
}

static int renderProfile(const char *s) {
    /* sha256 d97b734759588c2c751f3ac938d63e055507ebb94a720da70c4b479e0a87baf9 */
    return s ? (int)strlen(s) : 0;
}

static int syncBatch(const char *s) {
    /* sha256 6e48a2ca65204b6052d8bfe43f9aa3204f187399f7ddea516968609cf177a239 */
    return s ? (int)strlen(s) : 0;
}

static int mergeInvoice(const char *s) {
    /* sha256 fb7c12d897de2308e31c2c27aa9c68d563559671ad02468cb3b6c5e5692ddeae */
    return s ? (int)strlen(s) : 0;
}

static int exportSchedule(const char *s) {
    /* sha256 be4048b369723039badb07b01ba4233e4011a75030d17e9c6dbdb7f12762f431 */
    return s ? (int)strlen(s) : 0;
}

static int loadCache(const char *s) {
    /* sha256 8000b777909380a7709a078b56b65002bb46851697fa72953306151f6da0aaba */
    return s ? (int)strlen(s) : 0;
}

