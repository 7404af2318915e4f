// The Sleuth Kit behind a small pull interface: a disk image (raw, split raw,
// VHD, VHDX, VMDK, EWF) is opened, its volume system (MBR, GPT, none) and each
// volume's file system (NTFS, FAT, exFAT, ext2/3/4, ...) read, and every regular
// file — NTFS alternate data streams included — handed out one at a time with
// its bytes read in pieces. Nothing is listed ahead: the walk keeps one open
// directory per level, so a volume of millions of files walks in flat memory.
#ifndef PHIDEX_CDISK_H
#define PHIDEX_CDISK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct phidex_disk phidex_disk;

/// What `phidex_disk_next` hands out.
typedef enum {
    PHIDEX_DISK_END = 0,
    /// A regular file (or an NTFS named stream) to read.
    PHIDEX_DISK_FILE = 1,
    /// A volume without a file system Phidex reads: its bytes, to be carved.
    PHIDEX_DISK_VOLUME = 2,
    /// An item that could not be read (a damaged directory, a file without metadata); the walk goes on.
    PHIDEX_DISK_DAMAGED = 3,
} phidex_disk_kind;

typedef struct {
    phidex_disk_kind kind;
    /// The member's path inside the image (`p2/Users/hr/roster.xlsx`, `notes.txt:secret`); valid until the next call.
    const char *path;
    int64_t size;
    int64_t mtime_ns;
    int has_mtime;
    /// The file's name is unallocated (a deleted file; only with `read_deleted`).
    int deleted;
    /// An NTFS file encrypted with EFS (a `$EFS` logged utility stream): its bytes are ciphertext.
    int encrypted;
    /// Why: for a VOLUME, why it is carved; for DAMAGED, what failed. Never file content.
    const char *reason;
} phidex_disk_entry;

/// Opens the image at `path`. Returns NULL with a reason in `error` when no image format, volume
/// system or file system can be read at all.
phidex_disk *phidex_disk_open(const char *path, int read_deleted, char *error, size_t error_size);
/// The image format, volume system and file systems seen, for the container's description (`vhd, dos, ntfs`).
const char *phidex_disk_description(phidex_disk *disk);
/// The next member; its bytes are then read with `phidex_disk_read`.
phidex_disk_kind phidex_disk_next(phidex_disk *disk, phidex_disk_entry *entry);
/// Reads the current member's next bytes; 0 at its end, -1 on an error (reason in `error`).
ssize_t phidex_disk_read(phidex_disk *disk, void *buffer, size_t count, char *error, size_t error_size);
void phidex_disk_close(phidex_disk *disk);

#endif
