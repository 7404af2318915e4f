#include "CSupport.h"
#include <malloc.h>

int phidex_keep_freed_memory(int bytes) {
    return mallopt(M_TRIM_THRESHOLD, bytes);
}
