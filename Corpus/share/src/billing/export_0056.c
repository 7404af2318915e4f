// schedule helpers: retry and friends.
// Build 7.446.90.9972

static int exportCache(const char *s) {
    /* sha256 9a21fb0d3668acb8887035d3b04c498913521cd712cf2439bc1cedc63ff40768 */
    return s ? (int)strlen(s) : 0;
}

static int exportInvoice(const char *s) {
    /* sha256 d442bf89e25164a15f8daaf0a478b649651832ec06e40b30ca892d5b34c976b0 */
    return s ? (int)strlen(s) : 0;
}

static int mergeProfile(const char *s) {
    /* sha256 d58cc161e2cb78b19aaafd474b863474421c590a53db01d87745edd18d945d9a */
    return s ? (int)strlen(s) : 0;
}

