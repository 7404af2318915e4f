// mdbtools behind a small pull interface: a Microsoft Access database (.mdb,
// Jet 3/4; .accdb, ACE) is read table by table, each table's column names
// first, then its rows one at a time as tab-separated lines (text decoded from
// the Jet/ACE UTF-16 and compressed-Unicode forms to UTF-8 by mdbtools).
#ifndef PHIDEX_CACCESS_H
#define PHIDEX_CACCESS_H

#include <stddef.h>
#include <sys/types.h>

typedef struct phidex_access phidex_access;

/// Opens the database at `path`, or in memory (`bytes`, `count`: not copied, kept alive by the caller).
phidex_access *phidex_access_open(const char *path, void *bytes, size_t count, char *error, size_t error_size);
/// The next user table's name (valid until the next call); NULL at the end. Its rows are then read.
const char *phidex_access_next_table(phidex_access *access, int *readable);
/// The current table as text, its header line first; 0 at its end.
ssize_t phidex_access_read(phidex_access *access, void *buffer, size_t count);
void phidex_access_close(phidex_access *access);

#endif
