// libarchive as Swift sees it. AE_IFREG is a cast macro Swift cannot import.
#include <archive.h>
#include <archive_entry.h>

static inline unsigned int phidex_ae_ifreg(void) { return AE_IFREG; }

/* Filetype bits of a member: AE_IFMT is a cast macro too. */
static inline unsigned int phidex_ae_ifmt(void) { return AE_IFMT; }
