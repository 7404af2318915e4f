// See CMail.h. Ownership follows GMime's rules: constructors and
// g_mime_parser_construct_message return a reference the caller drops; getters
// return borrowed pointers; g_mime_text_part_get_text returns a string to g_free.
#include "CMail.h"
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct phidex_mail {
    GMimeParser *parser;
    int mbox;
    int messages;
};

static void start_once(void) {
    static gsize started = 0;
    if (g_once_init_enter(&started)) {
        g_mime_init();
        g_once_init_leave(&started, 1);
    }
}

static phidex_mail *open_stream(GMimeStream *stream, int mbox) {
    if (stream == NULL) return NULL;
    phidex_mail *mail = calloc(1, sizeof *mail);
    mail->parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    g_mime_parser_set_format(mail->parser, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    mail->mbox = mbox;
    return mail;
}

phidex_mail *phidex_mail_open_fd(int fd, int mbox) {
    start_once();
    return open_stream(g_mime_stream_fs_new(fd), mbox);
}

phidex_mail *phidex_mail_open_memory(const void *bytes, size_t length, int mbox) {
    start_once();
    return open_stream(g_mime_stream_mem_new_with_buffer(bytes, length), mbox);
}

void phidex_mail_close(phidex_mail *mail) {
    if (mail == NULL) return;
    g_object_unref(mail->parser);
    free(mail);
}

/// Writes `object` into a new memory stream and emits its bytes.
static void emit_object(GMimeObject *object, const char *name, phidex_mail_emit emit, void *context) {
    GMimeStream *stream = g_mime_stream_mem_new();
    g_mime_object_write_to_stream(object, NULL, stream);
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    emit(context, name, array->data, array->len, 0);
    g_object_unref(stream);
}

struct layout {
    GByteArray *text;
    int html;
    int unnamed;
    phidex_mail_emit emit;
    void *context;
};

/// A file name as a member name: its last path component, `!` (the logical path separator) as `_`.
static char *member_name(const char *filename) {
    const char *last = filename;
    for (const char *p = filename; *p; p++) if (*p == '/' || *p == '\\') last = p + 1;
    char *name = g_strdup(last);
    for (char *p = name; *p; p++) if (*p == '!') *p = '_';
    return name;
}

static void add_part(struct layout *layout, GMimeObject *object) {
    GMimePart *part = GMIME_PART(object);
    const char *filename = g_mime_part_get_filename(part);
    int inline_body = filename == NULL && !g_mime_part_is_attachment(part);
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (inline_body && GMIME_IS_TEXT_PART(object)) {
        char *text = g_mime_text_part_get_text(GMIME_TEXT_PART(object));
        if (text != NULL) {
            if (g_mime_content_type_is_type(type, "text", "html")) {
                // Converted to UTF-8 already: the byte-order mark tells the HTML parser so.
                char name[32];
                layout->html += 1;
                if (layout->html == 1) snprintf(name, sizeof name, "(html)");
                else snprintf(name, sizeof name, "(html %d)", layout->html);
                GByteArray *body = g_byte_array_new();
                g_byte_array_append(body, (const guint8 *)"\xEF\xBB\xBF", 3);
                g_byte_array_append(body, (const guint8 *)text, strlen(text));
                layout->emit(layout->context, name, body->data, body->len, 0);
                g_byte_array_unref(body);
            } else {
                if (layout->text->len > 0 && layout->text->data[layout->text->len - 1] != '\n')
                    g_byte_array_append(layout->text, (const guint8 *)"\n", 1);
                g_byte_array_append(layout->text, (const guint8 *)text, strlen(text));
            }
            g_free(text);
            return;
        }
    }
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (content == NULL) return;
    GMimeStream *stream = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(content, stream);
    GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
    layout->unnamed += 1;
    char *name = filename != NULL && *filename ? member_name(filename) : g_strdup_printf("part-%d", layout->unnamed);
    layout->emit(layout->context, name, array->data, array->len, 0);
    g_free(name);
    g_object_unref(stream);
}

static void walk(struct layout *layout, GMimeObject *object) {
    if (GMIME_IS_MULTIPART_ENCRYPTED(object) || GMIME_IS_APPLICATION_PKCS7_MIME(object)) {
        layout->unnamed += 1;
        char *name = g_strdup_printf("encrypted-%d", layout->unnamed);
        layout->emit(layout->context, name, NULL, 0, 1);
        g_free(name);
    } else if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart *multipart = GMIME_MULTIPART(object);
        int count = g_mime_multipart_get_count(multipart);
        for (int index = 0; index < count; index++) walk(layout, g_mime_multipart_get_part(multipart, index));
    } else if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage *message = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        if (message == NULL) return;
        layout->unnamed += 1;
        char *name = g_strdup_printf("attached-%d.eml", layout->unnamed);
        emit_object(GMIME_OBJECT(message), name, layout->emit, layout->context);
        g_free(name);
    } else if (GMIME_IS_PART(object)) {
        add_part(layout, object);
    }
}

static void add_headers(GByteArray *text, GMimeObject *object) {
    GMimeHeaderList *headers = g_mime_object_get_header_list(object);
    int count = headers != NULL ? g_mime_header_list_get_count(headers) : 0;
    for (int index = 0; index < count; index++) {
        GMimeHeader *header = g_mime_header_list_get_header_at(headers, index);
        const char *name = g_mime_header_get_name(header);
        const char *value = g_mime_header_get_value(header);
        if (name == NULL) continue;
        g_byte_array_append(text, (const guint8 *)name, strlen(name));
        g_byte_array_append(text, (const guint8 *)": ", 2);
        if (value != NULL) g_byte_array_append(text, (const guint8 *)value, strlen(value));
        g_byte_array_append(text, (const guint8 *)"\n", 1);
    }
    g_byte_array_append(text, (const guint8 *)"\n", 1);
}

int phidex_mail_next(phidex_mail *mail, phidex_mail_emit emit, void *context) {
    if (mail->messages > 0 && (!mail->mbox || g_mime_parser_eos(mail->parser))) return 0;
    GMimeMessage *message = g_mime_parser_construct_message(mail->parser, NULL);
    if (message == NULL) return 0;
    mail->messages += 1;
    if (mail->mbox) {
        char name[32];
        snprintf(name, sizeof name, "(message %d)", mail->messages);
        emit_object(GMIME_OBJECT(message), name, emit, context);
    } else {
        struct layout layout = { g_byte_array_new(), 0, 0, emit, context };
        add_headers(layout.text, GMIME_OBJECT(message));
        GMimeObject *body = g_mime_message_get_mime_part(message);
        if (body != NULL) walk(&layout, body);
        // Emitted last, once every inline body is in it (the reader lists it first).
        emit(context, "(text)", layout.text->data, layout.text->len, 0);
        g_byte_array_unref(layout.text);
    }
    g_object_unref(message);
    return 1;
}
