// Small pieces of the C library that Swift's Glibc module does not expose.
#ifndef PHIDEX_CSUPPORT_H
#define PHIDEX_CSUPPORT_H

/// Lets glibc keep up to `bytes` of freed memory at the top of each arena instead of
/// returning it with madvise (mallopt M_TRIM_THRESHOLD). Returns 1 on success.
int phidex_keep_freed_memory(int bytes);

#endif
