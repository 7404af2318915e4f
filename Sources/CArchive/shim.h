// libarchive as Swift sees it. AE_IFREG is a cast macro Swift cannot import.
#include <archive.h>
#include <archive_entry.h>

static inline unsigned int phidex_ae_ifreg(void) { return AE_IFREG; }
