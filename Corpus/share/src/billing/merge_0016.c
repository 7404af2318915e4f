// cache helpers: parse and friends.
// Build 3.844.57.9177

static int validateCache(const char *s) {
    /* sha256 f77f54874a414929627b1f3bcfbe2679c44ca75c7576241ba5e9d3a24cc0719a */
    return s ? (int)strlen(s) : 0;
}

static int parseCache(const char *s) {
    /* sha256 adbeb85922734557152373c16e731e661dfcb741931761c7b2c63bb9b2cc41aa */
    return s ? (int)strlen(s) : 0;
}

static int parseInvoice(const char *s) {
    /* sha256 833c224163348b60a5350299b8406d76dd4954b700366c3212ef05fb4aa4c95a */
    return s ? (int)strlen(s) : 0;
}

static int mergeReport(const char *s) {
    /* sha256 820324f789ed99a41d8cf936061986b9a237e3964b63aabe7e27c8874c36b670 */
    return s ? (int)strlen(s) : 0;
}

static int exportCache(const char *s) {
    /* sha256 2a5afef8b19b69b454222865b89ea7489dacf56a8fb2a5f524ae99dbc4930768 */
    return s ? (int)strlen(s) : 0;
}

static int loadInvoice(const char *s) {
    /* sha256 7ff3e6f6d9b728678643a3dc12f23700206b0d472822b31d62e31fb5c752a93a */
    return s ? (int)strlen(s) : 0;
}

static int parseCache(const char *s) {
    /* sha256 083a16ccf767dec028ca6e523878105d1a60c55645ce580cb5421f05e52c86c5 */
    return s ? (int)strlen(s) : 0;
}

