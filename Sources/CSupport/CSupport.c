#define _GNU_SOURCE
#include "CSupport.h"
#include <malloc.h>
#include <string.h>

int phidex_keep_freed_memory(int bytes) {
    return mallopt(M_TRIM_THRESHOLD, bytes);
}

const void *phidex_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}
