// zlib as Swift sees it. inflateInit2 is a function-like macro Swift cannot import.
#include <zlib.h>

/// Starts inflating a gzip or zlib stream (windowBits 15 + 32: detect the header).
static inline int phidex_inflate_init_auto(z_stream *stream) {
    return inflateInit2(stream, 15 + 32);
}
