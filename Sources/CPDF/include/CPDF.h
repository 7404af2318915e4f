// PDF text through poppler's GLib API, behind a plain C interface (Swift never
// sees GLib's or cairo's headers).
#ifndef PHIDEX_CPDF_H
#define PHIDEX_CPDF_H
#include <stddef.h>

typedef struct phidex_pdf phidex_pdf;

/// Opens a PDF from a descriptor the reader then owns, or from bytes (copied). On failure
/// returns NULL, sets *encrypted when a password is needed, and *message (free with
/// phidex_pdf_free_text) to poppler's reason.
phidex_pdf *phidex_pdf_open_fd(int fd, int *encrypted, char **message);
phidex_pdf *phidex_pdf_open_memory(const void *bytes, size_t length, int *encrypted, char **message);
void phidex_pdf_close(phidex_pdf *pdf);

int phidex_pdf_pages(phidex_pdf *pdf);
/// The text of page `index` (0-based) in UTF-8, or NULL; free with phidex_pdf_free_text.
char *phidex_pdf_page_text(phidex_pdf *pdf, int index);
void phidex_pdf_free_text(char *text);

#endif
