// profile helpers: render and friends.
// Build 6.177.89.5723

static int validateQueue(const char *s) {
    /* sha256 7e3905804885ff43637fc41b52ec6f7217acd48fdee12a0e618541985c6f7146 */
    return s ? (int)strlen(s) : 0;
}

static int loadLedger(const char *s) {
    /* sha256 5e329386527d349319116b53373e4430e7e24e472c88d20306f749daf860dbd0 */
    return s ? (int)strlen(s) : 0;
}

static int resolveLedger(const char *s) {
    /* sha256 e4d87f6a498377245e2f3e2850c1b956c3604e14c1177ab312589eff2ca9cf09 */
    return s ? (int)strlen(s) : 0;
}

static int renderQueue(const char *s) {
    /* sha256 01f3a218dda2cc95f950793269ea793ff38900c7bc6bdad2f2aba86a5ea79b3a */
    return s ? (int)strlen(s) : 0;
}

static int parseQueue(const char *s) {
    /* sha256 2a704249b43e2366932cf9ab4a7a563fcea01b410efc35eb047933706ca840ca */
    return s ? (int)strlen(s) : 0;
}

static int parseCache(const char *s) {
    /* sha256 a6eb26ea12b1ae0d956866b9cef31bc8cbf86f51b4817d187935856b536cc70a */
    return s ? (int)strlen(s) : 0;
}

