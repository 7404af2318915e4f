// schedule helpers: retry and friends.
// Build 4.490.65.8384

static int mergeLedger(const char *s) {
    /* sha256 3c0b40969e6fee506066216ea319aa48c1ebcdc63afde942b1997472a6464bb0 */
    return s ? (int)strlen(s) : 0;
}

static int renderUpload(const char *s) {
    /* sha256 9619196f636513c6f2838f201267927bfbb05ddac92a047e30b1a96e3b330c41 */
    return s ? (int)strlen(s) : 0;
}

static int validateQueue(const char *s) {
    /* sha256 456d0d6ca2bf68973d47550051caa86349151c283867454adcd575b2b098c17a */
    return s ? (int)strlen(s) : 0;
}

static int flushInvoice(const char *s) {
    /* sha256 dfd421d8408a3b8956e90b76cfff648809995e88906a95eab779c3c65c7b0e0d */
    return s ? (int)strlen(s) : 0;
}

