#include "CAccess.h"

#include <sys/stat.h>

#include <mdbtools.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/// The largest value (a memo) read of one cell; longer ones are cut.
#define PHIDEX_ACCESS_BIND_SIZE (256 * 1024)

struct phidex_access {
    MdbHandle *mdb;
    unsigned int next_catalog;
    MdbTableDef *table;
    char **values;
    int *lengths;
    unsigned int columns;
    /// The line being handed out: the header, then one row at a time.
    char *line;
    size_t line_count, line_capacity, line_offset;
    int rows_done;
    /// Rows the whole database may still give: a file of n bytes cannot hold more than n/2 rows (each
    /// takes at least its 2-byte offset), so damaged page links that loop end here.
    long long rows_left;
    int row_limit_hit;
};

static int line_reserve(phidex_access *access, size_t more) {
    if (access->line_count + more <= access->line_capacity) return 1;
    size_t capacity = access->line_capacity ? access->line_capacity : 4096;
    while (capacity < access->line_count + more) capacity *= 2;
    char *grown = realloc(access->line, capacity);
    if (grown == NULL) return 0;
    access->line = grown;
    access->line_capacity = capacity;
    return 1;
}

/// A value, its tabs and line breaks as spaces (they would split the row).
static void line_append(phidex_access *access, const char *text, size_t count) {
    if (!line_reserve(access, count + 1)) return;
    for (size_t i = 0; i < count; i++) {
        char c = text[i];
        access->line[access->line_count++] = (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
}

static void line_byte(phidex_access *access, char byte) {
    if (line_reserve(access, 1)) access->line[access->line_count++] = byte;
}

// A table whose usage map could not be found has none (mdbtools copies its zero bytes to NULL), and
// mdb_fetch_row would read through that NULL (seen fuzzing: a crash). Such a table is not readable.
static int has_usage_map(const MdbTableDef *table) {
    return table->usage_map != NULL && table->map_sz > 0;
}

/// The catalog (MSysObjects): what mdb_read_catalog reads, without the objects' properties (their
/// LvProp blobs). Phidex needs none of them, and mdbtools' property parser, given a damaged blob,
/// allocated without end (seen fuzzing: 10 GB in a minute, warnings on stderr for each step).
static int read_catalog(MdbHandle *mdb) {
    if (mdb->catalog) mdb_free_catalog(mdb);
    mdb->catalog = g_ptr_array_new();
    mdb->num_catalog = 0;
    MdbCatalogEntry msysobj;
    memset(&msysobj, 0, sizeof msysobj);
    msysobj.mdb = mdb;
    msysobj.object_type = MDB_TABLE;
    msysobj.table_pg = 2;
    snprintf(msysobj.object_name, sizeof msysobj.object_name, "%s", "MSysObjects");
    MdbTableDef *table = mdb_read_table(&msysobj);
    if (table == NULL) return 0;
    if (!has_usage_map(table)) {
        mdb_free_tabledef(table);
        return 0;
    }
    int ok = 0;
    char *id = calloc(1, mdb->bind_size), *name = calloc(1, mdb->bind_size), *type = calloc(1, mdb->bind_size),
         *flags = calloc(1, mdb->bind_size);
    if (id && name && type && flags && mdb_read_columns(table) != NULL
        && mdb_bind_column_by_name(table, "Id", id, NULL) != -1 && mdb_bind_column_by_name(table, "Name", name, NULL) != -1
        && mdb_bind_column_by_name(table, "Type", type, NULL) != -1 && mdb_bind_column_by_name(table, "Flags", flags, NULL) != -1
        && mdb_rewind_table(table) == 0) {
        ok = 1;
        // A catalog of a million objects is already far past any real database's.
        for (int rows = 0; rows < 1000000 && mdb_fetch_row(table); rows++) {
            int object_type = atoi(type);
            if (object_type != MDB_TABLE) continue;
            MdbCatalogEntry *entry = g_malloc0(sizeof(MdbCatalogEntry));
            entry->mdb = mdb;
            snprintf(entry->object_name, sizeof entry->object_name, "%s", name);
            entry->object_type = object_type & 0x7F;
            entry->table_pg = (unsigned long)atol(id) & 0x00FFFFFF;
            entry->flags = atoi(flags);
            mdb->num_catalog++;
            g_ptr_array_add(mdb->catalog, entry);
        }
    }
    mdb_free_tabledef(table);
    free(id);
    free(name);
    free(type);
    free(flags);
    return ok;
}

/// Whether a column's type is one mdbtools renders as text (numbers, dates and text).
static int is_text_column(int type) {
    switch (type) {
    case MDB_BOOL: case MDB_BYTE: case MDB_INT: case MDB_LONGINT: case MDB_MONEY: case MDB_FLOAT: case MDB_DOUBLE:
    case MDB_DATETIME: case MDB_TEXT: case MDB_MEMO: case MDB_REPID: case MDB_NUMERIC:
        return 1;
    default:
        return 0;
    }
}

phidex_access *phidex_access_open(const char *path, void *bytes, size_t count, char *error, size_t error_size) {
    MdbHandle *mdb = path ? mdb_open(path, MDB_NOFLAGS) : mdb_open_buffer(bytes, count, MDB_NOFLAGS);
    if (mdb == NULL) {
        snprintf(error, error_size, "mdbtools could not open it as an Access database");
        return NULL;
    }
    if (!read_catalog(mdb)) {
        snprintf(error, error_size, "the database's catalog (MSysObjects) is not readable");
        mdb_close(mdb);
        return NULL;
    }
    mdb_set_bind_size(mdb, PHIDEX_ACCESS_BIND_SIZE);
    mdb_set_date_fmt(mdb, "%Y-%m-%d %H:%M:%S");
    mdb_set_shortdate_fmt(mdb, "%Y-%m-%d");
    phidex_access *access = calloc(1, sizeof *access);
    if (access == NULL) {
        mdb_close(mdb);
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    access->mdb = mdb;
    struct stat st;
    long long size = path ? (stat(path, &st) == 0 ? (long long)st.st_size : 0) : (long long)count;
    access->rows_left = size / 2 + 1024;
    return access;
}

static void close_table(phidex_access *access) {
    if (access->values) {
        for (unsigned int i = 0; i < access->columns; i++) free(access->values[i]);
        free(access->values);
        free(access->lengths);
    }
    access->values = NULL;
    access->lengths = NULL;
    access->columns = 0;
    if (access->table) mdb_free_tabledef(access->table);
    access->table = NULL;
    access->line_count = 0;
    access->line_offset = 0;
    access->rows_done = 0;
}

const char *phidex_access_next_table(phidex_access *access, int *readable) {
    close_table(access);
    while (access->next_catalog < access->mdb->num_catalog) {
        MdbCatalogEntry *entry = g_ptr_array_index(access->mdb->catalog, access->next_catalog++);
        if (entry == NULL || entry->object_type != MDB_TABLE || mdb_is_system_table(entry)) continue;
        *readable = 0;
        MdbTableDef *table = mdb_read_table(entry);
        if (table == NULL || !has_usage_map(table) || mdb_read_columns(table) == NULL || mdb_rewind_table(table) != 0) {
            if (table) mdb_free_tabledef(table);
            return entry->object_name;
        }
        access->table = table;
        access->columns = table->num_cols;
        access->values = calloc(table->num_cols ? table->num_cols : 1, sizeof *access->values);
        access->lengths = calloc(table->num_cols ? table->num_cols : 1, sizeof *access->lengths);
        if (access->values == NULL || access->lengths == NULL) {
            close_table(access);
            return entry->object_name;
        }
        for (unsigned int i = 0; i < table->num_cols; i++) {
            MdbColumn *column = g_ptr_array_index(table->columns, i);
            access->values[i] = calloc(1, PHIDEX_ACCESS_BIND_SIZE);
            if (access->values[i] == NULL) {
                close_table(access);
                return entry->object_name;
            }
            // Only columns holding text or numbers are bound: OLE objects and binary columns are not
            // text, and a column of a type mdbtools does not know (a damaged definition) would have
            // it print a warning on stderr for every row (seen fuzzing: millions).
            if (is_text_column(column->col_type)) mdb_bind_column(table, (int)i + 1, access->values[i], &access->lengths[i]);
            if (i > 0) line_byte(access, '\t');
            line_append(access, column->name, strlen(column->name));
        }
        line_byte(access, '\n');
        *readable = 1;
        return entry->object_name;
    }
    return NULL;
}

ssize_t phidex_access_read(phidex_access *access, void *buffer, size_t count) {
    size_t written = 0;
    while (written < count) {
        if (access->line_offset == access->line_count) {
            if (access->table == NULL || access->rows_done) break;
            access->line_count = 0;
            access->line_offset = 0;
            if (access->rows_left-- <= 0) {
                access->rows_done = 1;
                access->row_limit_hit = 1;
                break;
            }
            if (!mdb_fetch_row(access->table)) {
                access->rows_done = 1;
                break;
            }
            for (unsigned int i = 0; i < access->columns; i++) {
                if (i > 0) line_byte(access, '\t');
                MdbColumn *column = g_ptr_array_index(access->table->columns, i);
                if (!is_text_column(column->col_type)) continue;  // not bound: its bytes are not carved
                if (access->lengths[i] > 0) line_append(access, access->values[i], strnlen(access->values[i], PHIDEX_ACCESS_BIND_SIZE));
            }
            line_byte(access, '\n');
        }
        size_t left = access->line_count - access->line_offset;
        size_t length = count - written < left ? count - written : left;
        memcpy((char *)buffer + written, access->line + access->line_offset, length);
        access->line_offset += length;
        written += length;
    }
    if (written == 0 && access->row_limit_hit) {
        access->row_limit_hit = 0;
        return -1;
    }
    return (ssize_t)written;
}

void phidex_access_close(phidex_access *access) {
    if (access == NULL) return;
    close_table(access);
    mdb_close(access->mdb);
    free(access->line);
    free(access);
}
