// liblzma (xz) as Swift sees it.
#include <lzma.h>
