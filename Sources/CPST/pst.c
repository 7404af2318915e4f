#define _GNU_SOURCE 1  // dlmopen
#include "CPST.h"

// libpff's header includes libbfio's when built with it; Phidex uses no file IO handles.
#include <libpff/features.h>
#undef LIBPFF_HAVE_BFIO
#include <libpff.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// libpff is loaded into a link-map namespace of its own (dlmopen) rather than linked: like every
/// libyal library it carries and exports its own copies of libcdata, libcthreads and libcerror, and
/// Debian's libewf, libvhdi, libvmdk and libbfio (which The Sleuth Kit links) export other versions
/// of the same functions. In one namespace whichever loads first serves them all: closing an E01
/// image then freed libewf's arrays with libpff's code (a double free), and libpff's file handles
/// were locked with libvmdk's code (a crash). In its own namespace libpff and the libbfio it links
/// bind only each other. Nothing allocated by libpff is freed here, nor the other way round.
static struct {
    __typeof__(&libpff_attachment_data_read_buffer) attachment_data_read_buffer;
    __typeof__(&libpff_attachment_get_item) attachment_get_item;
    __typeof__(&libpff_attachment_get_type) attachment_get_type;
    __typeof__(&libpff_error_free) error_free;
    __typeof__(&libpff_error_sprint) error_sprint;
    __typeof__(&libpff_file_close) file_close;
    __typeof__(&libpff_file_free) file_free;
    __typeof__(&libpff_file_get_root_folder) file_get_root_folder;
    __typeof__(&libpff_file_initialize) file_initialize;
    __typeof__(&libpff_file_open) file_open;
    __typeof__(&libpff_file_set_ascii_codepage) file_set_ascii_codepage;
    __typeof__(&libpff_folder_get_number_of_sub_folders) folder_get_number_of_sub_folders;
    __typeof__(&libpff_folder_get_number_of_sub_messages) folder_get_number_of_sub_messages;
    __typeof__(&libpff_folder_get_sub_folder) folder_get_sub_folder;
    __typeof__(&libpff_folder_get_sub_message) folder_get_sub_message;
    __typeof__(&libpff_folder_get_utf8_name) folder_get_utf8_name;
    __typeof__(&libpff_folder_get_utf8_name_size) folder_get_utf8_name_size;
    __typeof__(&libpff_item_free) item_free;
    __typeof__(&libpff_item_get_number_of_record_sets) item_get_number_of_record_sets;
    __typeof__(&libpff_item_get_record_set_by_index) item_get_record_set_by_index;
    __typeof__(&libpff_message_get_attachment) message_get_attachment;
    __typeof__(&libpff_message_get_delivery_time) message_get_delivery_time;
    __typeof__(&libpff_message_get_html_body) message_get_html_body;
    __typeof__(&libpff_message_get_html_body_size) message_get_html_body_size;
    __typeof__(&libpff_message_get_number_of_attachments) message_get_number_of_attachments;
    __typeof__(&libpff_message_get_plain_text_body) message_get_plain_text_body;
    __typeof__(&libpff_message_get_plain_text_body_size) message_get_plain_text_body_size;
    __typeof__(&libpff_message_get_recipients) message_get_recipients;
    __typeof__(&libpff_message_get_rtf_body) message_get_rtf_body;
    __typeof__(&libpff_message_get_rtf_body_size) message_get_rtf_body_size;
    __typeof__(&libpff_record_entry_free) record_entry_free;
    __typeof__(&libpff_record_entry_get_data) record_entry_get_data;
    __typeof__(&libpff_record_entry_get_data_as_utf8_string) record_entry_get_data_as_utf8_string;
    __typeof__(&libpff_record_entry_get_data_as_utf8_string_size) record_entry_get_data_as_utf8_string_size;
    __typeof__(&libpff_record_entry_get_data_size) record_entry_get_data_size;
    __typeof__(&libpff_record_set_free) record_set_free;
    __typeof__(&libpff_record_set_get_entry_by_type) record_set_get_entry_by_type;
} pff;

static pthread_once_t pff_once = PTHREAD_ONCE_INIT;
static int pff_loaded = 0;

static void pff_load(void) {
    void *library = dlmopen(LM_ID_NEWLM, "libpff.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define LOAD(name) if ((*(void **)&pff.name = dlsym(library, "libpff_" #name)) == NULL) return
    LOAD(attachment_data_read_buffer);
    LOAD(attachment_get_item);
    LOAD(attachment_get_type);
    LOAD(error_free);
    LOAD(error_sprint);
    LOAD(file_close);
    LOAD(file_free);
    LOAD(file_get_root_folder);
    LOAD(file_initialize);
    LOAD(file_open);
    LOAD(file_set_ascii_codepage);
    LOAD(folder_get_number_of_sub_folders);
    LOAD(folder_get_number_of_sub_messages);
    LOAD(folder_get_sub_folder);
    LOAD(folder_get_sub_message);
    LOAD(folder_get_utf8_name);
    LOAD(folder_get_utf8_name_size);
    LOAD(item_free);
    LOAD(item_get_number_of_record_sets);
    LOAD(item_get_record_set_by_index);
    LOAD(message_get_attachment);
    LOAD(message_get_delivery_time);
    LOAD(message_get_html_body);
    LOAD(message_get_html_body_size);
    LOAD(message_get_number_of_attachments);
    LOAD(message_get_plain_text_body);
    LOAD(message_get_plain_text_body_size);
    LOAD(message_get_recipients);
    LOAD(message_get_rtf_body);
    LOAD(message_get_rtf_body_size);
    LOAD(record_entry_free);
    LOAD(record_entry_get_data);
    LOAD(record_entry_get_data_as_utf8_string);
    LOAD(record_entry_get_data_as_utf8_string_size);
    LOAD(record_entry_get_data_size);
    LOAD(record_set_free);
    LOAD(record_set_get_entry_by_type);
#undef LOAD
    pff_loaded = 1;
}

#define PHIDEX_PST_FOLDER_DEPTH 64
#define PHIDEX_PST_MESSAGE_DEPTH 16

/// PR_RTF_COMPRESSED: the raw body property, read when libpff cannot decompress it.
#define PHIDEX_PST_RTF_COMPRESSED 0x1009

typedef struct {
    libpff_item_t *folder;
    int folders, next_folder;
    int messages, next_message;
    size_t path_length;
} folder_frame;

typedef enum { STAGE_TEXT, STAGE_HTML, STAGE_RTF, STAGE_ATTACHMENTS } message_stage;

typedef struct {
    libpff_item_t *message;
    /// The attachment an attached message came from: libpff reads the message through it, so it
    /// is freed only after the message.
    libpff_item_t *holder;
    message_stage stage;
    int has_text;
    int attachments, next_attachment, attached_messages;
    size_t path_length;
} message_frame;

typedef struct {
    uint8_t *bytes;
    size_t count, capacity;
} phidex_bytes;

struct phidex_pst {
    libpff_file_t *file;
    folder_frame folders[PHIDEX_PST_FOLDER_DEPTH];
    int folder_depth;
    message_frame messages[PHIDEX_PST_MESSAGE_DEPTH];
    int message_depth;
    char path[8192];
    char member[8448];
    char reason[512];
    /// The current member: bytes in memory, or an attachment streamed.
    phidex_bytes buffer;
    size_t buffer_offset;
    libpff_item_t *attachment;
    /// Why part of the current member could not be read: reported once its readable bytes are read.
    char failure[512];
    /// The file is shorter than its header says (cut short): said after the last member.
    char problem[256];
};

static void take_error(libpff_error_t **error, char *out, size_t size, const char *fallback) {
    char message[1024] = {0};
    if (error != NULL && *error != NULL) {
        pff.error_sprint(*error, message, sizeof message);
        pff.error_free(error);
    }
    const char *source = message[0] ? message : fallback;
    size_t n = 0;
    // The first line only: later ones are libpff's backtrace.
    for (const char *c = source; *c && *c != '\n' && n + 1 < size; c++) {
        unsigned char byte = (unsigned char)*c;
        out[n++] = (byte < 0x20 || byte == 0x7F) ? ' ' : (char)byte;
    }
    out[n] = 0;
}

static int reserve(phidex_bytes *bytes, size_t more) {
    if (bytes->count + more <= bytes->capacity) return 1;
    size_t capacity = bytes->capacity ? bytes->capacity : 4096;
    while (capacity < bytes->count + more) capacity *= 2;
    uint8_t *grown = realloc(bytes->bytes, capacity);
    if (grown == NULL) return 0;
    bytes->bytes = grown;
    bytes->capacity = capacity;
    return 1;
}

static void append(phidex_bytes *bytes, const void *data, size_t count) {
    if (count == 0 || !reserve(bytes, count)) return;
    memcpy(bytes->bytes + bytes->count, data, count);
    bytes->count += count;
}

static void append_text(phidex_bytes *bytes, const char *text) { append(bytes, text, strlen(text)); }

/// A property of `item` (record set `set`, type `type`; `value_type` 0 with `flags` matching any):
/// its entry, which `release_property` frees with its record set; NULL when it has none.
typedef struct {
    libpff_record_set_t *set;
    libpff_record_entry_t *entry;
} pff_property;

static pff_property find_property(libpff_item_t *item, int set, uint32_t type, uint32_t value_type, uint8_t flags) {
    pff_property found = {NULL, NULL};
    libpff_error_t *error = NULL;
    if (pff.item_get_record_set_by_index(item, set, &found.set, &error) != 1
        || pff.record_set_get_entry_by_type(found.set, type, value_type, &found.entry, flags, &error) != 1) {
        found.entry = NULL;
    }
    pff.error_free(&error);
    return found;
}

static void release_property(pff_property *property) {
    if (property->entry) pff.record_entry_free(&property->entry, NULL);
    if (property->set) pff.record_set_free(&property->set, NULL);
}

/// A string property of `item` (record set `set`), appended after `label`; returns whether it had one.
static int append_property(phidex_bytes *bytes, libpff_item_t *item, int set, uint32_t type, const char *label) {
    pff_property property = find_property(item, set, type, 0, LIBPFF_ENTRY_VALUE_FLAG_MATCH_ANY_VALUE_TYPE);
    libpff_error_t *error = NULL;
    int ok = 0;
    size_t size = 0;
    if (property.entry && pff.record_entry_get_data_as_utf8_string_size(property.entry, &size, &error) == 1 && size > 1) {
        uint8_t *value = malloc(size);
        if (value != NULL && pff.record_entry_get_data_as_utf8_string(property.entry, value, size, &error) == 1) {
            if (label) append_text(bytes, label);
            append(bytes, value, strnlen((const char *)value, size));
            ok = 1;
        }
        free(value);
    }
    pff.error_free(&error);
    release_property(&property);
    return ok;
}

/// A body (plain, HTML, RTF) into `bytes`; returns 1 when there was one, 0 when there is none, and
/// -1 when there is one that cannot be read (its reason in `reason`).
static int body(phidex_bytes *bytes, libpff_item_t *message,
    int (*get_size)(libpff_item_t *, size_t *, libpff_error_t **),
    int (*get)(libpff_item_t *, uint8_t *, size_t, libpff_error_t **), char *reason, size_t reason_size) {
    size_t size = 0;
    libpff_error_t *error = NULL;
    int has = get_size(message, &size, &error);
    if (has != 1 || size == 0) {
        if (has < 0) take_error(&error, reason, reason_size, "body not readable");
        pff.error_free(&error);
        return has < 0 ? -1 : 0;
    }
    if (!reserve(bytes, size)) return 0;
    if (get(message, bytes->bytes + bytes->count, size, &error) != 1) {
        take_error(&error, reason, reason_size, "body not readable");
        return -1;
    }
    bytes->count += strnlen((const char *)bytes->bytes + bytes->count, size);
    return 1;
}

/// The raw PR_RTF_COMPRESSED property when it holds uncompressed RTF ("MELA"), which libpff does not decode.
static int uncompressed_rtf(phidex_bytes *bytes, libpff_item_t *message) {
    pff_property property = find_property(message, 0, PHIDEX_PST_RTF_COMPRESSED, LIBPFF_VALUE_TYPE_BINARY_DATA, 0);
    libpff_error_t *error = NULL;
    int found = 0;
    size_t size = 0;
    if (property.entry && pff.record_entry_get_data_size(property.entry, &size, &error) == 1 && size > 16) {
        uint8_t *data = malloc(size);
        if (data && pff.record_entry_get_data(property.entry, data, size, &error) == 1 && memcmp(data + 8, "MELA", 4) == 0) {
            append(bytes, data + 16, size - 16);
            found = 1;
        }
        free(data);
    }
    pff.error_free(&error);
    release_property(&property);
    return found;
}

/// A contact's, a task's or an appointment's fields that are not in its body, as labelled lines
/// ([MS-OXOCNTC] and [MS-OXPROPS] tags; Outlook's own labels).
static const struct { uint32_t tag; const char *label; } item_fields[] = {
    {0x3001, "Name"}, {0x3A06, "Given Name"}, {0x3A44, "Middle Name"}, {0x3A11, "Surname"},
    {0x3A42, "Birthday"}, {0x3A07, "Government ID Number"}, {0x3A4A, "Customer ID"},
    {0x3A08, "Business Phone"}, {0x3A09, "Home Phone"}, {0x3A1C, "Mobile Phone"}, {0x3A2F, "Home Phone 2"},
    {0x3A1A, "Primary Phone"}, {0x3A1F, "Other Phone"}, {0x3A2C, "Telex"},
    {0x3A5D, "Home Street"}, {0x3A59, "Home City"}, {0x3A5C, "Home State"}, {0x3A5B, "Home Postal Code"},
    {0x3A29, "Business Street"}, {0x3A27, "Business City"}, {0x3A28, "Business State"}, {0x3A2A, "Business Postal Code"},
    {0x3A15, "Postal Address"}, {0x3A16, "Company"}, {0x3003, "Email Address"},
};

/// A PT_SYSTIME property as a date (YYYY-MM-DD) after `label`.
static void append_date(phidex_bytes *bytes, libpff_item_t *item, uint32_t type, const char *label) {
    pff_property property = find_property(item, 0, type, 0x0040 /* PT_SYSTIME */, 0);
    libpff_error_t *error = NULL;
    uint8_t data[8];
    if (property.entry && pff.record_entry_get_data(property.entry, data, sizeof data, &error) == 1) {
        uint64_t filetime = 0;
        for (int i = 7; i >= 0; i--) filetime = filetime << 8 | data[i];
        // 100 ns ticks since 1601 to days since 1970, then the civil date (Hinnant's algorithm).
        int64_t days = (int64_t)(filetime / 864000000000ULL) - 134774;
        int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
        int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
        int64_t day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9, year = yoe + era * 400 + (month <= 2);
        char text[64];
        snprintf(text, sizeof text, "%s%04lld-%02lld-%02lld\n", label, (long long)year, (long long)month, (long long)day);
        append_text(bytes, text);
    }
    pff.error_free(&error);
    release_property(&property);
}

/// The message's headers and plain body as one text.
static void message_text(phidex_bytes *bytes, libpff_item_t *message) {
    append_property(bytes, message, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SUBJECT, "Subject: ");
    append_text(bytes, "\n");
    if (append_property(bytes, message, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_NAME, "From: ")) {
        append_property(bytes, message, 0, LIBPFF_ENTRY_TYPE_MESSAGE_SENDER_EMAIL_ADDRESS, " <");
        append_text(bytes, ">\n");
    }
    libpff_item_t *recipients = NULL;
    libpff_error_t *error = NULL;
    if (pff.message_get_recipients(message, &recipients, &error) == 1 && recipients != NULL) {
        int count = 0;
        pff.item_get_number_of_record_sets(recipients, &count, &error);
        for (int index = 0; index < count; index++) {
            append_property(bytes, recipients, index, LIBPFF_ENTRY_TYPE_DISPLAY_NAME, "To: ");
            append_property(bytes, recipients, index, LIBPFF_ENTRY_TYPE_EMAIL_ADDRESS, " <");
            append_text(bytes, ">\n");
        }
        pff.item_free(&recipients, NULL);
    }
    pff.error_free(&error);
    for (size_t i = 0; i < sizeof item_fields / sizeof item_fields[0]; i++) {
        char label[64];
        snprintf(label, sizeof label, "%s: ", item_fields[i].label);
        if (item_fields[i].tag == 0x3A42) append_date(bytes, message, item_fields[i].tag, label);
        else if (append_property(bytes, message, 0, item_fields[i].tag, label)) append_text(bytes, "\n");
    }
    append_text(bytes, "\n");
}

phidex_pst *phidex_pst_open(const char *path, char *error_text, size_t error_size) {
    pthread_once(&pff_once, pff_load);
    if (!pff_loaded) {
        snprintf(error_text, error_size, "libpff (libpff.so.1) could not be loaded");
        return NULL;
    }
    phidex_pst *pst = calloc(1, sizeof *pst);
    if (pst == NULL) {
        snprintf(error_text, error_size, "out of memory");
        return NULL;
    }
    libpff_error_t *error = NULL;
    libpff_item_t *root = NULL;
    if (pff.file_initialize(&pst->file, &error) != 1
        || pff.file_set_ascii_codepage(pst->file, LIBPFF_CODEPAGE_WINDOWS_1252, &error) != 1
        || pff.file_open(pst->file, path, LIBPFF_ACCESS_FLAG_READ, &error) != 1
        || pff.file_get_root_folder(pst->file, &root, &error) != 1) {
        take_error(&error, error_text, error_size, "not a readable PST file");
        if (pst->file) pff.file_free(&pst->file, NULL);
        free(pst);
        return NULL;
    }
    // [MS-PST] 2.2.2.5: the header's ROOT records the file's size (ibFileEof); a file shorter than
    // that was cut short (a half-copied backup), and the items past the cut are lost.
    FILE *raw = fopen(path, "rb");
    if (raw != NULL) {
        uint8_t header[0xC0] = {0};
        size_t got = fread(header, 1, sizeof header, raw);
        fseek(raw, 0, SEEK_END);
        long actual = ftell(raw);
        fclose(raw);
        uint16_t version = (uint16_t)(header[10] | header[11] << 8);
        uint64_t declared = 0;
        if (got == sizeof header && version >= 23) {
            for (int i = 7; i >= 0; i--) declared = declared << 8 | header[0xB8 + i];
        } else if (got >= 0xAC) {
            for (int i = 3; i >= 0; i--) declared = declared << 8 | header[0xA8 + i];
        }
        if (declared > 0 && actual >= 0 && (uint64_t)actual < declared) {
            snprintf(pst->problem, sizeof pst->problem, "the file is cut short: %ld of the %llu bytes its header declares; items past the cut are lost",
                actual, (unsigned long long)declared);
        }
    }
    folder_frame *frame = &pst->folders[0];
    frame->folder = root;
    pff.folder_get_number_of_sub_folders(root, &frame->folders, &error);
    pff.folder_get_number_of_sub_messages(root, &frame->messages, &error);
    pff.error_free(&error);
    pst->folder_depth = 1;
    return pst;
}

static void close_member(phidex_pst *pst) {
    pst->failure[0] = 0;
    pst->buffer.count = 0;
    pst->buffer_offset = 0;
    if (pst->attachment) pff.item_free(&pst->attachment, NULL);
}

static phidex_pst_kind damaged(phidex_pst *pst, phidex_pst_entry *entry, libpff_error_t **error, const char *what) {
    take_error(error, pst->reason, sizeof pst->reason, what);
    entry->kind = PHIDEX_PST_DAMAGED;
    entry->path = pst->member;
    entry->reason = pst->reason;
    return entry->kind;
}

/// A name usable as one path segment: '/' and '!' would split it.
static void segment(char *out, size_t size, const uint8_t *name) {
    size_t n = 0;
    for (const uint8_t *c = name; *c && n + 1 < size; c++) out[n++] = (*c == '/' || *c == '!' || *c < 0x20) ? '_' : (char)*c;
    out[n] = 0;
}

static void push_message(phidex_pst *pst, libpff_item_t *message, libpff_item_t *holder, size_t path_length) {
    message_frame *frame = &pst->messages[pst->message_depth++];
    memset(frame, 0, sizeof *frame);
    frame->message = message;
    frame->holder = holder;
    frame->path_length = path_length;
    libpff_error_t *error = NULL;
    if (pff.message_get_number_of_attachments(message, &frame->attachments, &error) != 1) frame->attachments = 0;
    pff.error_free(&error);
}

/// Hands out the current message's member named by `suffix` ("" for its text, "/(html)", "/(rtf)").
static int message_member(phidex_pst *pst, phidex_pst_entry *entry, const char *suffix) {
    snprintf(pst->member, sizeof pst->member, "%s%s", pst->path, suffix);
    entry->kind = PHIDEX_PST_MEMBER;
    entry->path = pst->member;
    return 1;
}

/// The next member of the innermost open message; 0 when it has no more (it is then closed).
static int next_in_message(phidex_pst *pst, phidex_pst_entry *entry) {
    message_frame *frame = &pst->messages[pst->message_depth - 1];
    libpff_error_t *error = NULL;
    pst->path[frame->path_length] = 0;
    switch (frame->stage) {
    case STAGE_TEXT: {
        frame->stage = STAGE_HTML;
        message_text(&pst->buffer, frame->message);
        char why[256] = {0};
        int plain = body(&pst->buffer, frame->message, pff.message_get_plain_text_body_size, pff.message_get_plain_text_body, why, sizeof why);
        frame->has_text = plain == 1;
        if (plain < 0) snprintf(pst->failure, sizeof pst->failure, "its plain body is not readable: %s", why);
        uint64_t filetime = 0;
        if (pff.message_get_delivery_time(frame->message, &filetime, &error) == 1 && filetime > 116444736000000000ULL) {
            entry->mtime_ns = (int64_t)((filetime - 116444736000000000ULL) * 100);
            entry->has_mtime = 1;
        }
        pff.error_free(&error);
        return message_member(pst, entry, "");
    }
    case STAGE_HTML: {
        frame->stage = STAGE_RTF;
        char why[256] = {0};
        int html = body(&pst->buffer, frame->message, pff.message_get_html_body_size, pff.message_get_html_body, why, sizeof why);
        if (html != 0) {
            if (html < 0) snprintf(pst->failure, sizeof pst->failure, "its HTML body is not readable: %s", why);
            else frame->has_text = 1;
            return message_member(pst, entry, "/(html)");
        }
    }
        /* fall through */
    case STAGE_RTF:
        frame->stage = STAGE_ATTACHMENTS;
        if (!frame->has_text) {
            char why[256] = {0};
            int rtf = body(&pst->buffer, frame->message, pff.message_get_rtf_body_size, pff.message_get_rtf_body, why, sizeof why);
            if (rtf == 1 || uncompressed_rtf(&pst->buffer, frame->message)) return message_member(pst, entry, "/(rtf)");
            if (rtf < 0) {
                // An RTF body that neither libpff nor the raw property gives: said on an empty member.
                snprintf(pst->failure, sizeof pst->failure, "its RTF body is not readable: %s", why);
                return message_member(pst, entry, "/(rtf)");
            }
        }
        /* fall through */
    case STAGE_ATTACHMENTS:
        while (frame->next_attachment < frame->attachments) {
            int index = frame->next_attachment++;
            libpff_item_t *attachment = NULL;
            if (pff.message_get_attachment(frame->message, index, &attachment, &error) != 1) {
                snprintf(pst->member, sizeof pst->member, "%s/(attachment %d)", pst->path, index + 1);
                damaged(pst, entry, &error, "attachment not readable");
                return 1;
            }
            int type = 0;
            if (pff.attachment_get_type(attachment, &type, &error) != 1) {
                pff.item_free(&attachment, NULL);
                snprintf(pst->member, sizeof pst->member, "%s/(attachment %d)", pst->path, index + 1);
                damaged(pst, entry, &error, "attachment type not readable");
                return 1;
            }
            if (type == LIBPFF_ATTACHMENT_TYPE_ITEM) {
                libpff_item_t *attached = NULL;
                int got = pff.attachment_get_item(attachment, &attached, &error);
                frame->attached_messages++;
                size_t room = sizeof pst->path - frame->path_length;
                int length = snprintf(pst->path + frame->path_length, room, "/(attached message %d)", frame->attached_messages);
                snprintf(pst->member, sizeof pst->member, "%s", pst->path);
                if (length < 0 || (size_t)length >= room - 64) {
                    pst->path[frame->path_length] = 0;
                    if (attached) pff.item_free(&attached, NULL);
                    pff.item_free(&attachment, NULL);
                    entry->kind = PHIDEX_PST_DAMAGED;
                    entry->path = pst->member;
                    entry->reason = "path too long (folders and attached messages nested too deep); not read";
                    return 1;
                }
                if (got != 1 || attached == NULL) {
                    pff.item_free(&attachment, NULL);
                    damaged(pst, entry, &error, "attached message not readable");
                    return 1;
                }
                if (pst->message_depth >= PHIDEX_PST_MESSAGE_DEPTH) {
                    pff.item_free(&attached, NULL);
                    pff.item_free(&attachment, NULL);
                    entry->kind = PHIDEX_PST_DAMAGED;
                    entry->path = pst->member;
                    entry->reason = "attached messages nested too deep; not read";
                    return 1;
                }
                push_message(pst, attached, attachment, frame->path_length + (size_t)length);
                return next_in_message(pst, entry);
            }
            if (type != LIBPFF_ATTACHMENT_TYPE_DATA) {
                // A reference (a link to a file elsewhere) holds no data.
                pff.item_free(&attachment, NULL);
                continue;
            }
            phidex_bytes name = {0};
            if (!append_property(&name, attachment, 0, LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_LONG, NULL)
                && !append_property(&name, attachment, 0, LIBPFF_ENTRY_TYPE_ATTACHMENT_FILENAME_SHORT, NULL)
                && !append_property(&name, attachment, 0, LIBPFF_ENTRY_TYPE_DISPLAY_NAME, NULL)) {
                append_text(&name, "");
            }
            append(&name, "", 1);
            char clean[512];
            segment(clean, sizeof clean, name.bytes ? name.bytes : (const uint8_t *)"");
            free(name.bytes);
            if (clean[0]) snprintf(pst->member, sizeof pst->member, "%s/%s", pst->path, clean);
            else snprintf(pst->member, sizeof pst->member, "%s/(attachment %d)", pst->path, index + 1);
            pst->attachment = attachment;
            entry->kind = PHIDEX_PST_MEMBER;
            entry->path = pst->member;
            return 1;
        }
        pff.item_free(&frame->message, NULL);
        if (frame->holder) pff.item_free(&frame->holder, NULL);
        pst->message_depth--;
        return 0;
    }
    return 0;
}

phidex_pst_kind phidex_pst_next(phidex_pst *pst, phidex_pst_entry *entry) {
    memset(entry, 0, sizeof *entry);
    close_member(pst);
    libpff_error_t *error = NULL;
    for (;;) {
        if (pst->message_depth > 0) {
            if (next_in_message(pst, entry)) return entry->kind;
            continue;
        }
        if (pst->folder_depth == 0) return PHIDEX_PST_END;
        folder_frame *frame = &pst->folders[pst->folder_depth - 1];
        pst->path[frame->path_length] = 0;
        if (frame->next_message < frame->messages) {
            int index = frame->next_message++;
            size_t room = sizeof pst->path - frame->path_length;
            int length = snprintf(pst->path + frame->path_length, room, "(message %d)", index + 1);
            if (length < 0 || (size_t)length >= room - 64) {
                pst->path[frame->path_length] = 0;
                snprintf(pst->member, sizeof pst->member, "%s", pst->path);
                entry->kind = PHIDEX_PST_DAMAGED;
                entry->path = pst->member;
                entry->reason = "path too long (folders nested too deep); not read";
                frame->next_message = frame->messages;
                return entry->kind;
            }
            libpff_item_t *message = NULL;
            if (pff.folder_get_sub_message(frame->folder, index, &message, &error) != 1 || message == NULL) {
                snprintf(pst->member, sizeof pst->member, "%s", pst->path);
                return damaged(pst, entry, &error, "message not readable");
            }
            push_message(pst, message, NULL, frame->path_length + (size_t)length);
            continue;
        }
        if (frame->next_folder < frame->folders && pst->folder_depth >= PHIDEX_PST_FOLDER_DEPTH) {
            snprintf(pst->member, sizeof pst->member, "%s", pst->path);
            entry->kind = PHIDEX_PST_DAMAGED;
            entry->path = pst->member;
            entry->reason = "folders nested over 64 levels deep; the deeper ones not read";
            frame->next_folder = frame->folders;
            return entry->kind;
        }
        if (frame->next_folder < frame->folders) {
            int index = frame->next_folder++;
            libpff_item_t *folder = NULL;
            if (pff.folder_get_sub_folder(frame->folder, index, &folder, &error) != 1 || folder == NULL) {
                snprintf(pst->member, sizeof pst->member, "%s(folder %d)", pst->path, index + 1);
                return damaged(pst, entry, &error, "folder not readable");
            }
            phidex_bytes name = {0};
            size_t size = 0;
            if (pff.folder_get_utf8_name_size(folder, &size, &error) == 1 && size > 1 && reserve(&name, size)
                && pff.folder_get_utf8_name(folder, name.bytes, size, &error) == 1) {
                name.count = size;
            }
            pff.error_free(&error);
            char clean[512];
            segment(clean, sizeof clean, name.count ? name.bytes : (const uint8_t *)"");
            free(name.bytes);
            size_t base = frame->path_length;
            int length = clean[0] ? snprintf(pst->path + base, sizeof pst->path - base, "%s/", clean)
                                  : snprintf(pst->path + base, sizeof pst->path - base, "(folder %d)/", index + 1);
            folder_frame *child = &pst->folders[pst->folder_depth++];
            memset(child, 0, sizeof *child);
            child->folder = folder;
            child->path_length = base + (size_t)length;
            if (child->path_length >= sizeof pst->path - 64) child->path_length = base;
            pff.folder_get_number_of_sub_folders(folder, &child->folders, &error);
            pff.folder_get_number_of_sub_messages(folder, &child->messages, &error);
            pff.error_free(&error);
            continue;
        }
        pff.item_free(&frame->folder, NULL);
        pst->folder_depth--;
    }
}

ssize_t phidex_pst_read(phidex_pst *pst, void *buffer, size_t count, char *error_text, size_t error_size) {
    if (pst->attachment) {
        libpff_error_t *error = NULL;
        ssize_t got = pff.attachment_data_read_buffer(pst->attachment, buffer, count, &error);
        if (got < 0) {
            take_error(&error, error_text, error_size, "attachment data not readable");
            return -1;
        }
        return got;
    }
    size_t left = pst->buffer.count - pst->buffer_offset;
    if (left == 0 && pst->failure[0]) {
        snprintf(error_text, error_size, "%s", pst->failure);
        pst->failure[0] = 0;
        return -1;
    }
    size_t length = count < left ? count : left;
    if (length) memcpy(buffer, pst->buffer.bytes + pst->buffer_offset, length);
    pst->buffer_offset += length;
    return (ssize_t)length;
}

void phidex_pst_close(phidex_pst *pst) {
    if (pst == NULL) return;
    close_member(pst);
    while (pst->message_depth > 0) {
        message_frame *frame = &pst->messages[--pst->message_depth];
        pff.item_free(&frame->message, NULL);
        if (frame->holder) pff.item_free(&frame->holder, NULL);
    }
    while (pst->folder_depth > 0) pff.item_free(&pst->folders[--pst->folder_depth].folder, NULL);
    pff.file_close(pst->file, NULL);
    pff.file_free(&pst->file, NULL);
    free(pst->buffer.bytes);
    free(pst);
}

const char *phidex_pst_problem(phidex_pst *pst) { return pst->problem[0] ? pst->problem : NULL; }
