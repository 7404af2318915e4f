// See CPDF.h.
#include "CPDF.h"
#include <poppler.h>
#include <string.h>
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

/* One character of a page with the box poppler's layout gives it. */
typedef struct {
    double x1, y1, x2, y2;
    const char *bytes;
    int length;
} phidex_glyph;

static int by_line(const void *a, const void *b) {
    const phidex_glyph *g = a, *h = b;
    double ga = (g->y1 + g->y2) / 2, gb = (h->y1 + h->y2) / 2;
    if (ga != gb) return ga < gb ? -1 : 1;
    return g->x1 < h->x1 ? -1 : g->x1 > h->x1;
}

static int by_x(const void *a, const void *b) {
    const phidex_glyph *g = a, *h = b;
    return g->x1 < h->x1 ? -1 : g->x1 > h->x1;
}

/* The page's text laid out by position, as a reader sees the page: characters grouped into lines
   by their height on the page, left to right, a space where words stand apart and a tab where
   the gap is wider than half a character's height (table cells, form fields and their labels).
   poppler's own text follows its reading order, which runs a table's cells together
   ("Avery Quill1962-03-14") or reads a grid column by column. When the layout does not line up
   with the text, the text is returned as poppler reads it. */
char *phidex_pdf_page_text(phidex_pdf *pdf, int index) {
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (page == NULL) return NULL;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint count = 0;
    if (text == NULL || !poppler_page_get_text_layout(page, &rects, &count) || count == 0
        || (glong)count != g_utf8_strlen(text, -1)) {
        g_free(rects);
        g_object_unref(page);
        return text;
    }
    phidex_glyph *glyphs = g_malloc(sizeof(phidex_glyph) * count);
    guint n = 0, character = 0;
    for (const char *p = text; *p != '\0' && character < count; p = g_utf8_next_char(p), character++) {
        if (*p == '\n' || *p == '\r') continue;
        PopplerRectangle *r = &rects[character];
        glyphs[n++] = (phidex_glyph){ r->x1, r->y1, r->x2, r->y2, p, (int)(g_utf8_next_char(p) - p) };
    }
    qsort(glyphs, n, sizeof(phidex_glyph), by_line);
    size_t length = strlen(text);
    char *out = g_malloc(length * 3 + 2);
    size_t written = 0;
    guint start = 0;
    while (start < n) {
        /* One line: glyphs whose middle lies within half a height of the line's first. */
        double middle = (glyphs[start].y1 + glyphs[start].y2) / 2, height = glyphs[start].y2 - glyphs[start].y1;
        guint end = start + 1;
        while (end < n) {
            double m = (glyphs[end].y1 + glyphs[end].y2) / 2, h = glyphs[end].y2 - glyphs[end].y1;
            if (m - middle > 0.5 * (h > height ? h : height)) break;
            end++;
        }
        qsort(glyphs + start, end - start, sizeof(phidex_glyph), by_x);
        for (guint i = start; i < end; i++) {
            if (i > start) {
                phidex_glyph *previous = &glyphs[i - 1], *current = &glyphs[i];
                double h = current->y2 - current->y1;
                double gap = current->x1 - previous->x2;
                int spaces = *previous->bytes == ' ' || *current->bytes == ' ';
                if (h > 0 && gap > 0.5 * h) {
                    while (written > 0 && out[written - 1] == ' ') written--;
                    out[written++] = '\t';
                    if (*current->bytes == ' ') continue;
                } else if (!spaces && h > 0 && gap > 0.12 * h) {
                    out[written++] = ' ';
                }
            }
            memcpy(out + written, glyphs[i].bytes, (size_t)glyphs[i].length);
            written += (size_t)glyphs[i].length;
        }
        out[written++] = '\n';
        start = end;
    }
    out[written] = '\0';
    g_free(glyphs);
    g_free(text);
    g_free(rects);
    g_object_unref(page);
    return out;
}

void phidex_pdf_free_text(char *text) { g_free(text); }
