// See CPDF.h.
#include "CPDF.h"
#include <poppler.h>
#include <stdlib.h>

struct phidex_pdf {
    PopplerDocument *document;
};

static phidex_pdf *wrap(PopplerDocument *document, GError *error, int *encrypted, char **message) {
    *encrypted = 0;
    *message = NULL;
    if (document == NULL) {
        if (error != NULL) {
            *encrypted = error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
            *message = g_strdup(error->message);
            g_error_free(error);
        }
        return NULL;
    }
    phidex_pdf *pdf = calloc(1, sizeof *pdf);
    pdf->document = document;
    return pdf;
}

phidex_pdf *phidex_pdf_open_fd(int fd, int *encrypted, char **message) {
    GError *error = NULL;
    PopplerDocument *document = poppler_document_new_from_fd(fd, NULL, &error);
    return wrap(document, error, encrypted, message);
}

phidex_pdf *phidex_pdf_open_memory(const void *bytes, size_t length, int *encrypted, char **message) {
    GError *error = NULL;
    GBytes *copy = g_bytes_new(bytes, length);
    PopplerDocument *document = poppler_document_new_from_bytes(copy, NULL, &error);
    g_bytes_unref(copy);
    return wrap(document, error, encrypted, message);
}

void phidex_pdf_close(phidex_pdf *pdf) {
    if (pdf == NULL) return;
    g_object_unref(pdf->document);
    free(pdf);
}

int phidex_pdf_pages(phidex_pdf *pdf) { return poppler_document_get_n_pages(pdf->document); }

char *phidex_pdf_page_text(phidex_pdf *pdf, int index) {
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (page == NULL) return NULL;
    char *text = poppler_page_get_text(page);
    g_object_unref(page);
    return text;
}

void phidex_pdf_free_text(char *text) { g_free(text); }
