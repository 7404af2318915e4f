#define _GNU_SOURCE 1  // dlmopen
#include "CDisk.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tsk/libtsk.h>

/// Directory levels followed below a volume's root (a loop of hard-linked directories stops here too).
#define PHIDEX_DISK_MAX_DEPTH 128
/// Directories opened on one volume, and entries looked at without handing out a file, before the
/// rest of the volume is given up as damaged: a hostile FAT whose directories point at each other
/// would otherwise be walked for ever inside one call.
#define PHIDEX_DISK_MAX_DIRECTORIES 4000000
#define PHIDEX_DISK_MAX_IDLE_ENTRIES 8000000

// tsk_img_malloc's layout of TSK_IMG_INFO is that of The Sleuth Kit 4.11 (Debian 12); later versions
// keep their cache past the structure, which the qcow2 image below would overlap.
_Static_assert(TSK_VERSION_NUM < 0x04120000, "qcow_image assumes The Sleuth Kit 4.11's TSK_IMG_INFO");

typedef struct {
    TSK_FS_DIR *dir;
    size_t index;
    /// Length of `path` up to and including this directory's trailing '/'.
    size_t path_length;
    TSK_INUM_T address;
    /// The directory's first data block (FAT numbers a directory by its entry, not its cluster:
    /// a loop is seen by the block).
    TSK_DADDR_T block;
} phidex_disk_frame;

struct phidex_disk {
    TSK_IMG_INFO *img;
    TSK_VS_INFO *vs;
    TSK_PNUM_T next_part;
    int volume_number;
    /// No volume system: the file system at offset 0 (or the whole image, carved).
    int whole_pending;
    int whole_carved;
    TSK_FS_INFO *fs;
    phidex_disk_frame stack[PHIDEX_DISK_MAX_DEPTH];
    int depth;
    int read_deleted;
    /// On the current volume: directories opened, and entries looked at since the last file.
    long directories;
    long idle;
    /// The current member.
    TSK_FS_FILE *file;
    const TSK_FS_ATTR *attr;
    int next_attr;
    int carving;
    TSK_OFF_T carve_start;
    TSK_OFF_T offset;
    TSK_OFF_T size;
    size_t file_path_length;
    char path[8192];
    char member[8448];
    char reason[512];
    char description[256];
};

/// TSK's last error as one printable line (it may hold newlines), then cleared.
static void take_error(char *out, size_t size, const char *fallback) {
    const char *message = tsk_error_get();
    if (message == NULL || message[0] == 0) message = fallback;
    size_t n = 0;
    for (const char *c = message; *c && n + 1 < size; c++) {
        unsigned char byte = (unsigned char)*c;
        out[n++] = (byte < 0x20 || byte == 0x7F) ? ' ' : (char)byte;
    }
    while (n > 0 && out[n - 1] == ' ') n--;
    out[n] = 0;
    tsk_error_reset();
}

static void close_member(phidex_disk *disk) {
    if (disk->file) tsk_fs_file_close(disk->file);
    disk->file = NULL;
    disk->attr = NULL;
    disk->next_attr = -1;
    disk->carving = 0;
    disk->offset = 0;
    disk->size = 0;
}

static void close_fs(phidex_disk *disk) {
    while (disk->depth > 0) tsk_fs_dir_close(disk->stack[--disk->depth].dir);
    if (disk->fs) tsk_fs_close(disk->fs);
    disk->fs = NULL;
}

// MARK: The Sleuth Kit's allocator, bounded

/// The largest single allocation The Sleuth Kit may make. It sizes some buffers from fields of the
/// image (seen fuzzing: a 25 KiB ext2 image made it allocate and fill 1.9 GB while opening its
/// root directory), so a hostile image could hold gigabytes per worker. Its allocator functions are
/// exported and called through the PLT, so these definitions in Phidex replace them: the
/// allocation fails, and The Sleuth Kit reports the file or volume as not readable.
#define PHIDEX_DISK_MAX_ALLOCATION ((size_t)256 << 20)

void *tsk_malloc(size_t length) {
    if (length > PHIDEX_DISK_MAX_ALLOCATION) {
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
        tsk_error_set_errstr("an allocation of %zu bytes asked for by damaged metadata was refused", length);
        return NULL;
    }
    void *memory = calloc(1, length);
    if (memory == NULL) {
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
        tsk_error_set_errstr("out of memory");
    }
    return memory;
}

void *tsk_realloc(void *pointer, size_t length) {
    if (length > PHIDEX_DISK_MAX_ALLOCATION) {
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
        tsk_error_set_errstr("an allocation of %zu bytes asked for by damaged metadata was refused", length);
        return NULL;
    }
    void *memory = realloc(pointer, length);
    if (memory == NULL && length > 0) {
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_AUX_MALLOC);
        tsk_error_set_errstr("out of memory");
    }
    return memory;
}

static int claims_too_much(const TSK_FS_INFO *fs, const TSK_FS_META *meta);

/// Starts walking the file system just opened; `prefix` names its volume ("p2/", or "").
static int push_root(phidex_disk *disk, const char *prefix, char *error, size_t error_size) {
    TSK_FS_FILE *meta = tsk_fs_file_open_meta(disk->fs, NULL, disk->fs->root_inum);
    int damaged = meta != NULL && meta->meta != NULL && claims_too_much(disk->fs, meta->meta);
    if (meta != NULL) tsk_fs_file_close(meta);
    if (damaged) {
        snprintf(error, error_size, "its root directory claims more bytes than its file system holds (damaged)");
        return 0;
    }
    TSK_FS_DIR *root = tsk_fs_dir_open_meta(disk->fs, disk->fs->root_inum);
    if (root == NULL) {
        take_error(error, error_size, "root directory not readable");
        return 0;
    }
    snprintf(disk->path, sizeof disk->path, "%s", prefix);
    disk->stack[0] = (phidex_disk_frame){root, 0, strlen(disk->path), disk->fs->root_inum, 0};
    disk->depth = 1;
    disk->directories = 0;
    disk->idle = 0;
    return 1;
}

// MARK: qcow2, through libqcow

/// libqcow, loaded into a link-map namespace of its own (dlmopen) for the reason libpff is (CPST):
/// every libyal library exports its own copies of libcdata and libcerror, and The Sleuth Kit's
/// libewf, libvhdi and libvmdk export other versions. Its functions are called through these.
static struct {
    int (*file_initialize)(void **file, void **error);
    int (*file_open)(void *file, const char *filename, int access_flags, void **error);
    int (*file_get_media_size)(void *file, uint64_t *size, void **error);
    ssize_t (*file_read_buffer_at_offset)(void *file, void *buffer, size_t size, int64_t offset, void **error);
    int (*file_close)(void *file, void **error);
    int (*file_free)(void **file, void **error);
    int (*error_sprint)(void *error, char *string, size_t size);
    void (*error_free)(void **error);
} qcow;
static pthread_once_t qcow_once = PTHREAD_ONCE_INIT;
static int qcow_loaded = 0;

static void qcow_load(void) {
    void *library = dlmopen(LM_ID_NEWLM, "libqcow.so.1", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define LOAD(name) if ((*(void **)&qcow.name = dlsym(library, "libqcow_" #name)) == NULL) return
    LOAD(file_initialize); LOAD(file_open); LOAD(file_get_media_size); LOAD(file_read_buffer_at_offset);
    LOAD(file_close); LOAD(file_free); LOAD(error_sprint); LOAD(error_free);
#undef LOAD
    qcow_loaded = 1;
}

// TSK's allocator for image structures (its internal tsk_img_i.h; exported by libtsk): it sets the
// structure's tag and cache lock, which tsk_img_open_external and tsk_img_close expect.
extern void *tsk_img_malloc(size_t length);
extern void tsk_img_free(void *image);

/// A qcow2 image as a TSK image: TSK_IMG_INFO first, as tsk_img_open_external requires.
typedef struct {
    TSK_IMG_INFO img;
    void *file;
} qcow_image;

static ssize_t qcow_read(TSK_IMG_INFO *img, TSK_OFF_T offset, char *buffer, size_t count) {
    void *error = NULL;
    ssize_t got = qcow.file_read_buffer_at_offset(((qcow_image *)img)->file, buffer, count, offset, &error);
    if (got < 0) {
        char message[256] = "qcow2 read failed";
        if (error) qcow.error_sprint(error, message, sizeof message);
        qcow.error_free(&error);
        tsk_error_reset();
        tsk_error_set_errno(TSK_ERR_IMG_READ);
        tsk_error_set_errstr("%.200s", message);
    }
    return got;
}

static void qcow_close(TSK_IMG_INFO *img) {
    qcow_image *image = (qcow_image *)img;
    qcow.file_close(image->file, NULL);
    qcow.file_free(&image->file, NULL);
    tsk_img_free(img);
}

static void qcow_imgstat(TSK_IMG_INFO *img, FILE *out) {
    (void)img;
    fprintf(out, "qcow2 image (libqcow)\n");
}

/// Opens a qcow2 image for TSK, or NULL with a reason.
static TSK_IMG_INFO *qcow_open(const char *path, char *error, size_t error_size) {
    pthread_once(&qcow_once, qcow_load);
    if (!qcow_loaded) {
        snprintf(error, error_size, "qcow2 image: libqcow (libqcow.so.1) could not be loaded");
        return NULL;
    }
    void *file = NULL, *failure = NULL;
    uint64_t size = 0;
    if (qcow.file_initialize(&file, &failure) != 1 || qcow.file_open(file, path, 1 /* LIBQCOW_ACCESS_FLAG_READ */, &failure) != 1
        || qcow.file_get_media_size(file, &size, &failure) != 1) {
        char message[256] = "not readable";
        if (failure) qcow.error_sprint(failure, message, sizeof message);
        qcow.error_free(&failure);
        for (char *c = message; *c; c++) if (*c == '\n') { *c = 0; break; }
        snprintf(error, error_size, "qcow2 image: %s", message);
        if (file) qcow.file_free(&file, NULL);
        return NULL;
    }
    qcow_image *image = tsk_img_malloc(sizeof *image);
    if (image == NULL) {
        qcow.file_close(file, NULL);
        qcow.file_free(&file, NULL);
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    image->file = file;
    return tsk_img_open_external(image, (TSK_OFF_T)size, 512, qcow_read, qcow_close, qcow_imgstat);
}

/// Whether the file at `path` starts with qcow's magic (`QFI\xfb`).
static int is_qcow(const char *path) {
    unsigned char magic[4] = {0};
    FILE *file = fopen(path, "rb");
    if (file == NULL) return 0;
    size_t got = fread(magic, 1, sizeof magic, file);
    fclose(file);
    return got == 4 && memcmp(magic, "QFI\xfb", 4) == 0;
}

phidex_disk *phidex_disk_open(const char *path, int read_deleted, char *error, size_t error_size) {
    tsk_error_reset();
    TSK_IMG_INFO *img;
    if (is_qcow(path)) {
        img = qcow_open(path, error, error_size);
        if (img == NULL) return NULL;
    } else {
        img = tsk_img_open_utf8_sing(path, TSK_IMG_TYPE_DETECT, 0);
    }
    if (img == NULL) {
        take_error(error, error_size, "no disk image format recognized");
        return NULL;
    }
    phidex_disk *disk = calloc(1, sizeof *disk);
    if (disk == NULL) {
        tsk_img_close(img);
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    disk->img = img;
    disk->read_deleted = read_deleted;
    disk->next_attr = -1;
    const char *image_type = img->itype == TSK_IMG_TYPE_EXTERNAL ? "qcow2" : tsk_img_type_toname(img->itype);
    disk->vs = tsk_vs_open(img, 0, TSK_VS_TYPE_DETECT);
    if (disk->vs != NULL) {
        snprintf(disk->description, sizeof disk->description, "%s image, %s partition table",
            image_type ? image_type : "disk", tsk_vs_type_toname(disk->vs->vstype));
        return disk;
    }
    tsk_error_reset();
    disk->fs = tsk_fs_open_img(img, 0, TSK_FS_TYPE_DETECT);
    if (disk->fs == NULL) {
        char reason[256];
        take_error(reason, sizeof reason, "no file system recognized");
        if (img->itype == TSK_IMG_TYPE_RAW) {
            // Raw bytes that are neither a partitioned disk nor a file system: not a disk image.
            snprintf(error, error_size, "no partition table or file system found (%s)", reason);
            tsk_img_close(img);
            free(disk);
            return NULL;
        }
        disk->whole_carved = 1;
        snprintf(disk->reason, sizeof disk->reason, "no partition table or file system Phidex reads (%s); carved as raw bytes", reason);
    }
    disk->whole_pending = 1;
    snprintf(disk->description, sizeof disk->description, "%s image, %s", image_type ? image_type : "disk",
        disk->fs ? tsk_fs_type_toname(disk->fs->ftype) : "no file system");
    return disk;
}

const char *phidex_disk_description(phidex_disk *disk) { return disk->description; }

static int is_dot(const char *name) {
    return name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0));
}

/// The next NTFS named stream ($DATA with a name) of the current file, if any.
static int next_named_stream(phidex_disk *disk, phidex_disk_entry *entry) {
    if (disk->file == NULL || disk->next_attr < 0) return 0;
    int count = tsk_fs_file_attr_getsize(disk->file);
    while (disk->next_attr < count) {
        const TSK_FS_ATTR *attr = tsk_fs_file_attr_get_idx(disk->file, disk->next_attr++);
        if (attr == NULL || attr->type != TSK_FS_ATTR_TYPE_NTFS_DATA || attr->name == NULL) continue;
        if (attr->name[0] == 0 || strcmp(attr->name, "$Data") == 0) continue;
        disk->attr = attr;
        disk->offset = 0;
        disk->size = attr->size;
        snprintf(disk->member, sizeof disk->member, "%.*s:%s", (int)disk->file_path_length, disk->path, attr->name);
        entry->kind = PHIDEX_DISK_FILE;
        entry->path = disk->member;
        entry->size = attr->size;
        return 1;
    }
    return 0;
}

/// Opens the next volume's file system; returns 0 when there are no more volumes, or fills
/// `entry` (a volume to carve) and returns 1, or returns 2 when a file system is ready to walk.
static int next_volume(phidex_disk *disk, phidex_disk_entry *entry) {
    close_fs(disk);
    if (disk->vs == NULL) {
        if (!disk->whole_pending) return 0;
        disk->whole_pending = 0;
        if (disk->whole_carved) {
            disk->carving = 1;
            disk->carve_start = 0;
            disk->size = disk->img->size;
            entry->kind = PHIDEX_DISK_VOLUME;
            entry->path = "disk";
            entry->size = disk->size;
            entry->reason = disk->reason;
            return 1;
        }
        // The file system was opened with the image; open it again (close_fs released it).
        disk->fs = tsk_fs_open_img(disk->img, 0, TSK_FS_TYPE_DETECT);
        if (disk->fs == NULL || !push_root(disk, "", disk->reason, sizeof disk->reason)) {
            if (disk->fs == NULL) take_error(disk->reason, sizeof disk->reason, "file system not readable");
            entry->kind = PHIDEX_DISK_DAMAGED;
            entry->path = "(file system)";
            entry->reason = disk->reason;
            return 1;
        }
        return 2;
    }
    while (disk->next_part < disk->vs->part_count) {
        const TSK_VS_PART_INFO *part = tsk_vs_part_get(disk->vs, disk->next_part++);
        if (part == NULL || !(part->flags & TSK_VS_PART_FLAG_ALLOC)) continue;
        disk->volume_number++;
        char prefix[32];
        snprintf(prefix, sizeof prefix, "p%d/", disk->volume_number);
        TSK_OFF_T start = (TSK_OFF_T)part->start * disk->vs->block_size;
        // A BitLocker volume keeps NTFS-like boot parameters that TSK may take for NTFS: never open it.
        char boot[16] = {0};
        int bitlocker = tsk_img_read(disk->img, start, boot, sizeof boot) == (ssize_t)sizeof boot && memcmp(boot + 3, "-FVE-FS-", 8) == 0;
        disk->fs = bitlocker ? NULL : tsk_fs_open_img(disk->img, start, TSK_FS_TYPE_DETECT);
        if (disk->fs != NULL && push_root(disk, prefix, disk->reason, sizeof disk->reason)) return 2;
        char why[256];
        if (bitlocker) snprintf(why, sizeof why, "BitLocker");
        else if (disk->fs == NULL) take_error(why, sizeof why, "no file system recognized");
        else snprintf(why, sizeof why, "%s", disk->reason);
        close_fs(disk);
        disk->carving = 1;
        disk->carve_start = start;
        disk->size = (TSK_OFF_T)part->len * disk->vs->block_size;
        snprintf(disk->member, sizeof disk->member, "p%d", disk->volume_number);
        snprintf(disk->reason, sizeof disk->reason, "no file system Phidex reads (%s); carved as raw bytes", why);
        entry->kind = PHIDEX_DISK_VOLUME;
        entry->path = disk->member;
        entry->size = disk->size;
        entry->reason = disk->reason;
        return 1;
    }
    return 0;
}

/// The first data block of a directory, or 0 when it has none that TSK lists.
/// The largest directory read: directories of millions of entries are a few hundred MiB.
#define PHIDEX_DISK_MAX_DIRECTORY_BYTES ((TSK_OFF_T)1 << 30)

/// Whether a file claims more bytes than its file system holds (or a directory more than any
/// directory needs). The Sleuth Kit lists a file's blocks before reading any of it, in time that
/// grows with the square of their number for an ext2/3 file whose block pointers repeat (seen
/// fuzzing: a 41 KiB image whose root directory claimed terabytes took minutes); such a file is
/// damaged, and is not read.
static int claims_too_much(const TSK_FS_INFO *fs, const TSK_FS_META *meta) {
    if (meta->size < 0) return 1;
    if (meta->type == TSK_FS_META_TYPE_DIR && meta->size > PHIDEX_DISK_MAX_DIRECTORY_BYTES) return 1;
    if (fs->block_size == 0) return 0;
    // Sparse files may claim more than the volume, but not by this much; NTFS keeps small files
    // in the MFT (resident), so one block more than the volume's count is allowed.
    return (TSK_DADDR_T)(meta->size / fs->block_size) > fs->block_count + 1;
}

static TSK_DADDR_T first_block(TSK_FS_FILE *file) {
    const TSK_FS_ATTR *attr = tsk_fs_file_attr_get(file);
    if (attr == NULL) {
        tsk_error_reset();
        return 0;
    }
    if ((attr->flags & TSK_FS_ATTR_NONRES) && attr->nrd.run != NULL) return attr->nrd.run->addr;
    return 0;
}

/// Whether an NTFS file carries EFS's `$EFS` logged utility stream (its data is then encrypted).
static int has_efs_stream(TSK_FS_FILE *file) {
    int count = tsk_fs_file_attr_getsize(file);
    for (int i = 0; i < count; i++) {
        const TSK_FS_ATTR *attr = tsk_fs_file_attr_get_idx(file, i);
        if (attr && attr->type == TSK_FS_ATTR_TYPE_NTFS_LOG && attr->name && strcmp(attr->name, "$EFS") == 0) return 1;
    }
    tsk_error_reset();
    return 0;
}

/// Gives up the rest of the current volume as damaged.
static phidex_disk_kind give_up_volume(phidex_disk *disk, phidex_disk_entry *entry, const char *why) {
    snprintf(disk->reason, sizeof disk->reason, "%s", why);
    snprintf(disk->member, sizeof disk->member, "%.*s", (int)(disk->depth > 0 ? disk->stack[0].path_length : 0), disk->path);
    close_fs(disk);
    entry->kind = PHIDEX_DISK_DAMAGED;
    entry->path = disk->member[0] ? disk->member : "(file system)";
    entry->reason = disk->reason;
    return entry->kind;
}

phidex_disk_kind phidex_disk_next(phidex_disk *disk, phidex_disk_entry *entry) {
    memset(entry, 0, sizeof *entry);
    if (next_named_stream(disk, entry)) return entry->kind;
    close_member(disk);
    for (;;) {
        if (disk->fs == NULL || disk->depth == 0) {
            int volume = next_volume(disk, entry);
            if (volume == 0) return PHIDEX_DISK_END;
            if (volume == 1) return entry->kind;
            continue;
        }
        phidex_disk_frame *top = &disk->stack[disk->depth - 1];
        if (top->index >= tsk_fs_dir_getsize(top->dir)) {
            tsk_fs_dir_close(top->dir);
            disk->depth--;
            continue;
        }
        if (++disk->idle > PHIDEX_DISK_MAX_IDLE_ENTRIES) {
            return give_up_volume(disk, entry, "over 8,000,000 directory entries without a file (damaged or hostile directories); the rest of the volume not walked");
        }
        TSK_FS_FILE *file = tsk_fs_dir_get(top->dir, top->index++);
        if (file == NULL) {
            tsk_error_reset();
            continue;
        }
        const TSK_FS_NAME *name = file->name;
        int deleted = name != NULL && (name->flags & TSK_FS_NAME_FLAG_UNALLOC);
        if (name == NULL || name->name == NULL || is_dot(name->name) || (deleted && !disk->read_deleted)) {
            tsk_fs_file_close(file);
            continue;
        }
        // NTFS keeps its metadata ($MFT, $LogFile, $Extend, ...) as the root's first 24 MFT entries:
        // not members. Other names starting with '$' ($Recycle.Bin) are the user's.
        if (disk->depth == 1 && name->name[0] == '$' && TSK_FS_TYPE_ISNTFS(disk->fs->ftype) && name->meta_addr < 24) {
            tsk_fs_file_close(file);
            continue;
        }
        size_t length = top->path_length;
        int written = snprintf(disk->path + length, sizeof disk->path - length, "%s", name->name);
        if (written < 0 || (size_t)written >= sizeof disk->path - length - 1) {
            tsk_fs_file_close(file);
            entry->kind = PHIDEX_DISK_DAMAGED;
            entry->path = disk->path;
            entry->reason = "path too long; not read";
            return entry->kind;
        }
        const TSK_FS_META *meta = file->meta;
        if (meta == NULL) {
            tsk_fs_file_close(file);
            if (deleted) continue;
            entry->kind = PHIDEX_DISK_DAMAGED;
            entry->path = disk->path;
            entry->reason = "no metadata for this directory entry; not read";
            return entry->kind;
        }
        if (meta->type == TSK_FS_META_TYPE_VIRT || meta->type == TSK_FS_META_TYPE_VIRT_DIR) {
            tsk_fs_file_close(file);
            continue;
        }
        if ((meta->type == TSK_FS_META_TYPE_DIR || meta->type == TSK_FS_META_TYPE_REG) && claims_too_much(disk->fs, meta)) {
            int directory = meta->type == TSK_FS_META_TYPE_DIR;
            tsk_fs_file_close(file);
            if (deleted) continue;
            entry->kind = PHIDEX_DISK_DAMAGED;
            entry->path = disk->path;
            entry->reason = directory ? "a directory claiming more bytes than its file system holds (damaged); not read"
                                      : "a file claiming more bytes than its file system holds (damaged); not read";
            return entry->kind;
        }
        if (meta->type == TSK_FS_META_TYPE_DIR) {
            TSK_INUM_T address = meta->addr;
            TSK_DADDR_T block = first_block(file);
            tsk_fs_file_close(file);
            int loop = 0;
            for (int level = 0; level < disk->depth; level++) {
                loop |= disk->stack[level].address == address || (block != 0 && disk->stack[level].block == block);
            }
            if (loop || deleted) continue;
            if (++disk->directories > PHIDEX_DISK_MAX_DIRECTORIES) {
                return give_up_volume(disk, entry, "over 4,000,000 directories on one volume (damaged or hostile directories); the rest of the volume not walked");
            }
            if (disk->depth >= PHIDEX_DISK_MAX_DEPTH) {
                entry->kind = PHIDEX_DISK_DAMAGED;
                entry->path = disk->path;
                entry->reason = "directories nested too deep; not read";
                return entry->kind;
            }
            TSK_FS_DIR *dir = tsk_fs_dir_open_meta(disk->fs, address);
            if (dir == NULL) {
                take_error(disk->reason, sizeof disk->reason, "directory not readable");
                entry->kind = PHIDEX_DISK_DAMAGED;
                entry->path = disk->path;
                entry->reason = disk->reason;
                return entry->kind;
            }
            size_t path_length = length + (size_t)written;
            disk->path[path_length++] = '/';
            disk->path[path_length] = 0;
            disk->stack[disk->depth++] = (phidex_disk_frame){dir, 0, path_length, address, block};
            continue;
        }
        if (meta->type != TSK_FS_META_TYPE_REG) {
            tsk_fs_file_close(file);
            continue;
        }
        disk->idle = 0;
        disk->file = file;
        disk->file_path_length = length + (size_t)written;
        disk->attr = NULL;
        disk->next_attr = TSK_FS_TYPE_ISNTFS(disk->fs->ftype) ? 0 : -1;
        disk->offset = 0;
        disk->size = meta->size;
        entry->kind = PHIDEX_DISK_FILE;
        entry->path = disk->path;
        entry->size = meta->size;
        entry->mtime_ns = (int64_t)meta->mtime * 1000000000 + (int64_t)meta->mtime_nano;
        entry->has_mtime = meta->mtime != 0;
        entry->deleted = deleted;
        entry->encrypted = TSK_FS_TYPE_ISNTFS(disk->fs->ftype) && has_efs_stream(file);
        return entry->kind;
    }
}

ssize_t phidex_disk_read(phidex_disk *disk, void *buffer, size_t count, char *error, size_t error_size) {
    TSK_OFF_T left = disk->size - disk->offset;
    if (left <= 0 || count == 0 || (!disk->carving && disk->file == NULL)) return 0;
    size_t length = (TSK_OFF_T)count < left ? count : (size_t)left;
    ssize_t got;
    if (disk->carving) {
        got = tsk_img_read(disk->img, disk->carve_start + disk->offset, buffer, length);
    } else if (disk->attr != NULL) {
        got = tsk_fs_attr_read(disk->attr, disk->offset, buffer, length, TSK_FS_FILE_READ_FLAG_NONE);
    } else {
        got = tsk_fs_file_read(disk->file, disk->offset, buffer, length, TSK_FS_FILE_READ_FLAG_NONE);
    }
    if (got < 0) {
        take_error(error, error_size, "read failed");
        return -1;
    }
    disk->offset += got;
    return got;
}

void phidex_disk_close(phidex_disk *disk) {
    if (disk == NULL) return;
    close_member(disk);
    close_fs(disk);
    if (disk->vs) tsk_vs_close(disk->vs);
    if (disk->img) tsk_img_close(disk->img);
    free(disk);
}
