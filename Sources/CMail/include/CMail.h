// Email through GMime 3, behind a plain C interface: Swift never sees GLib's
// headers (their pkg-config flags are ones SwiftPM refuses, and GObject's type
// checks are macros). A message is handed out as its members, one callback each.
#ifndef PHIDEX_CMAIL_H
#define PHIDEX_CMAIL_H
#include <stddef.h>

typedef struct phidex_mail phidex_mail;

/// Receives one member: its name (UTF-8), its decoded bytes, and whether it is encrypted.
typedef void (*phidex_mail_emit)(void *context, const char *name, const void *bytes, size_t length, int encrypted);

/// Opens a message (mbox = 0) or mailbox (mbox = 1) on a descriptor the reader then owns.
phidex_mail *phidex_mail_open_fd(int fd, int mbox);
/// Opens a message or mailbox held in memory; the bytes are copied.
phidex_mail *phidex_mail_open_memory(const void *bytes, size_t length, int mbox);
void phidex_mail_close(phidex_mail *mail);

/// Reads the next message and emits its members: for a mailbox, the message itself as
/// `(message N)`; for a message, `(text)` (headers and inline plain bodies in UTF-8), `(html)`
/// bodies, attachments by file name, attached messages, encrypted parts. Returns 1 when a
/// message was read, 0 at the end.
int phidex_mail_next(phidex_mail *mail, phidex_mail_emit emit, void *context);

#endif
