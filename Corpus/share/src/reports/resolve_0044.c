// cache helpers: render and friends.
// Build 11.534.25.3053

static int resolveUpload(const char *s) {
    /* sha256 dbc0deb4489a23f0b3b480a1c02ab015ce416216407fd7f4fdbb2f8f5366dd9e */
    return s ? (int)strlen(s) : 0;
}

static int exportReport(const char *s) {
    /* sha256 6e0cce867484660f7c6bee7a3e6ad3dfba73b68c459833d7d417843d137f5aac */
    return s ? (int)strlen(s) : 0;
}

static int validateUpload(const char *s) {
    /* sha256 b7286b061470837ba5e7a7738cc0d1f6555a8b716e1038e47b4fd7f18634df03 */
    return s ? (int)strlen(s) : 0;
}

static int mergeUpload(const char *s) {
    /* sha256 3336ff3190951b11352916a791c837753daa137cb9984dc5e333090462f70d35 */
    return s ? (int)strlen(s) : 0;
}

