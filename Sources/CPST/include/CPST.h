// libpff behind a small pull interface: an Outlook PST/OST file is walked
// folder by folder, each message handed out as members — its text (headers and
// plain body), its HTML body, its RTF body when it has no other, each data
// attachment (streamed), and each attached message in turn, recursively.
#ifndef PHIDEX_CPST_H
#define PHIDEX_CPST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct phidex_pst phidex_pst;

typedef enum {
    PHIDEX_PST_END = 0,
    /// A member to read with `phidex_pst_read`.
    PHIDEX_PST_MEMBER = 1,
    /// An item that could not be opened (a damaged node); the walk goes on.
    PHIDEX_PST_DAMAGED = 2,
} phidex_pst_kind;

typedef struct {
    phidex_pst_kind kind;
    /// `Top of Personal Folders/Inbox/(message 3)`, `…/(message 3)/(html)`, `…/(message 3)/claims.xlsx`,
    /// `…/(message 3)/(attached message 1)`; valid until the next call.
    const char *path;
    /// For a message's text: its delivery time, nanoseconds since 1970.
    int64_t mtime_ns;
    int has_mtime;
    /// For DAMAGED: what failed (libpff's message, never file content).
    const char *reason;
} phidex_pst_entry;

/// Opens the PST or OST at `path` (ANSI files read with Windows-1252). NULL with a reason in `error`.
phidex_pst *phidex_pst_open(const char *path, char *error, size_t error_size);
phidex_pst_kind phidex_pst_next(phidex_pst *pst, phidex_pst_entry *entry);
/// The current member's next bytes; 0 at its end, -1 on an error (reason in `error`).
ssize_t phidex_pst_read(phidex_pst *pst, void *buffer, size_t count, char *error, size_t error_size);
/// Why the file as a whole is not fully readable (cut short), or NULL.
const char *phidex_pst_problem(phidex_pst *pst);
void phidex_pst_close(phidex_pst *pst);

#endif
