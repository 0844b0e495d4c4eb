/* virtio-mmio block device (virtio 1.2).  Section numbers refer to the
 * virtio 1.2 specification.
 *
 * Safety: every guest address goes through phys_ram_ptr() with the full
 * length of the access, so nothing outside guest RAM is ever touched.  A
 * malformed request whose status byte can be located and written ends with
 * VIRTIO_BLK_S_IOERR; anything worse (broken ring, descriptor loop, no
 * writable status byte) sets DEVICE_NEEDS_RESET and sends a configuration
 * change interrupt (§2.1.2), after which the queue is left alone until the
 * driver resets the device. */
#include "virtio_blk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define VIRTQ_DESC_F_NEXT 1
#define VIRTQ_DESC_F_WRITE 2
#define VIRTQ_DESC_F_INDIRECT 4
#define VIRTQ_AVAIL_F_NO_INTERRUPT 1
#define VIRTIO_INT_USED 1
#define VIRTIO_INT_CONFIG 2

#define MAX_SEGS 1024               /* longest chain accepted (indirect tables included) */
#define OVERLAY_CHUNK (64u * 1024u) /* snapshot copy-on-write granule */
#define BLK_HDR_BYTES 16            /* struct virtio_blk_req: le32 type, le32 reserved, le64 sector */

struct seg {
    uint8_t *p;   /* host pointer, NULL when the range is not in RAM */
    uint32_t len;
    bool writable;
};

struct virtio_blk {
    const struct phys_mem *pm;
    irq_fn irq;
    void *irq_ctx;
    unsigned irq_line;
    bool irq_level;

    int fd;
    bool readonly, snapshot;
    uint64_t bytes;       /* image size */
    uint8_t **overlay;    /* snapshot: chunk copies, NULL = still as in the file */
    uint64_t nchunks;
    char id[VIRTIO_BLK_ID_BYTES];

    uint64_t features, driver_features;
    uint32_t dev_feat_sel, drv_feat_sel;
    uint32_t status, int_status, queue_sel;
    struct {
        uint32_t num;
        bool ready;
        uint64_t desc, driver, device;
        uint16_t last_avail, used_idx;
    } q;
    uint8_t config[0x40];

    struct seg segs[MAX_SEGS];
};

static uint16_t ld16(const uint8_t *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint32_t ld32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t ld64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static void st16(uint8_t *p, uint16_t v) { memcpy(p, &v, 2); }
static void st32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }

/* ---- backing store ---------------------------------------------------- */

static bool file_read(int fd, uint64_t off, uint8_t *buf, uint64_t len)
{
    while (len) {
        ssize_t n = pread(fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n; off += (uint64_t)n; len -= (uint64_t)n;
    }
    return true;
}

static bool file_write(int fd, uint64_t off, const uint8_t *buf, uint64_t len)
{
    while (len) {
        ssize_t n = pwrite(fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        buf += n; off += (uint64_t)n; len -= (uint64_t)n;
    }
    return true;
}

static uint64_t chunk_len(const struct virtio_blk *d, uint64_t c)
{
    uint64_t start = c * OVERLAY_CHUNK;
    return d->bytes - start < OVERLAY_CHUNK ? d->bytes - start : OVERLAY_CHUNK;
}

/* Caller has checked off + len <= d->bytes. */
static bool disk_read(struct virtio_blk *d, uint64_t off, uint8_t *buf, uint64_t len)
{
    if (!d->snapshot)
        return file_read(d->fd, off, buf, len);
    while (len) {
        uint64_t c = off / OVERLAY_CHUNK, in = off % OVERLAY_CHUNK;
        uint64_t n = chunk_len(d, c) - in;
        if (n > len)
            n = len;
        if (d->overlay[c])
            memcpy(buf, d->overlay[c] + in, n);
        else if (!file_read(d->fd, off, buf, n))
            return false;
        buf += n; off += n; len -= n;
    }
    return true;
}

static bool disk_write(struct virtio_blk *d, uint64_t off, const uint8_t *buf, uint64_t len)
{
    if (!d->snapshot)
        return file_write(d->fd, off, buf, len);
    while (len) {
        uint64_t c = off / OVERLAY_CHUNK, in = off % OVERLAY_CHUNK;
        uint64_t clen = chunk_len(d, c), n = clen - in;
        if (n > len)
            n = len;
        if (!d->overlay[c]) {
            uint8_t *copy = malloc(clen);
            if (!copy || !file_read(d->fd, c * OVERLAY_CHUNK, copy, clen)) {
                free(copy);
                return false;
            }
            d->overlay[c] = copy;
        }
        memcpy(d->overlay[c] + in, buf, n);
        buf += n; off += n; len -= n;
    }
    return true;
}

bool virtio_blk_flush(struct virtio_blk *d)
{
    if (d->snapshot || d->readonly)
        return true;
    return fsync(d->fd) == 0;
}

/* ---- creation --------------------------------------------------------- */

struct virtio_blk *virtio_blk_create(const struct virtio_blk_opts *opts, const struct phys_mem *pm,
                                     irq_fn irq, void *irq_ctx, unsigned irq_line,
                                     char *err, size_t errlen)
{
    const char *path = opts->path;
    int fd = open(path, (opts->readonly || opts->snapshot) ? O_RDONLY : O_RDWR);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    off_t end = lseek(fd, 0, SEEK_END); /* works for block devices too */
    if (end < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    if (end % VIRTIO_BLK_SECTOR) {
        snprintf(err, errlen, "%s: size is not a multiple of 512 bytes", path);
        close(fd);
        return NULL;
    }
    struct virtio_blk *d = calloc(1, sizeof *d);
    if (!d) {
        snprintf(err, errlen, "%s: out of memory", path);
        close(fd);
        return NULL;
    }
    d->pm = pm;
    d->irq = irq;
    d->irq_ctx = irq_ctx;
    d->irq_line = irq_line;
    d->fd = fd;
    d->readonly = opts->readonly;
    d->snapshot = opts->snapshot;
    d->bytes = (uint64_t)end;
    if (d->snapshot) {
        d->nchunks = (d->bytes + OVERLAY_CHUNK - 1) / OVERLAY_CHUNK;
        d->overlay = calloc(d->nchunks ? d->nchunks : 1, sizeof *d->overlay);
        if (!d->overlay) {
            snprintf(err, errlen, "%s: out of memory", path);
            close(fd);
            free(d);
            return NULL;
        }
    }
    const char *serial = opts->serial;
    if (!serial) {
        const char *slash = strrchr(path, '/');
        serial = slash ? slash + 1 : path;
    }
    /* 20 bytes, NUL-padded, not NUL-terminated when full (§5.2.6). */
    size_t idlen = strlen(serial);
    memcpy(d->id, serial, idlen < sizeof d->id ? idlen : sizeof d->id);

    d->features = (1ull << VIRTIO_F_VERSION_1) | (1ull << VIRTIO_F_INDIRECT_DESC) |
                  (1ull << VIRTIO_BLK_F_SEG_MAX) | (1ull << VIRTIO_BLK_F_BLK_SIZE) |
                  (1ull << VIRTIO_BLK_F_FLUSH);
    if (d->readonly)
        d->features |= 1ull << VIRTIO_BLK_F_RO;
    /* struct virtio_blk_config (§5.2.4) */
    uint64_t cap = d->bytes / VIRTIO_BLK_SECTOR;
    memcpy(d->config + 0x00, &cap, 8);                   /* capacity */
    st32(d->config + 0x0c, VIRTIO_BLK_QUEUE_MAX - 2);     /* seg_max: header and status take two */
    st32(d->config + 0x14, VIRTIO_BLK_SECTOR);            /* blk_size */
    st16(d->config + 0x22, 1);                            /* num_queues */
    return d;
}

void virtio_blk_destroy(struct virtio_blk *d)
{
    if (!d)
        return;
    virtio_blk_flush(d);
    close(d->fd);
    if (d->overlay)
        for (uint64_t c = 0; c < d->nchunks; c++)
            free(d->overlay[c]);
    free(d->overlay);
    free(d);
}

uint64_t virtio_blk_capacity(const struct virtio_blk *d) { return d->bytes / VIRTIO_BLK_SECTOR; }
uint32_t virtio_blk_status(const struct virtio_blk *d) { return d->status; }

/* ---- interrupts and reset --------------------------------------------- */

/* Signal InterruptStatus != 0 to the PLIC, also when the level is
 * unchanged (a new request, as QEMU's virtio-mmio does on every used-buffer
 * notification and InterruptACK; plic.c says why). */
static void update_irq(struct virtio_blk *d)
{
    bool lvl = d->int_status != 0;
    d->irq_level = lvl;
    if (d->irq)
        d->irq(d->irq_ctx, d->irq_line, lvl);
}

static void device_reset(struct virtio_blk *d)
{
    d->driver_features = 0;
    d->dev_feat_sel = d->drv_feat_sel = 0;
    d->status = 0;
    d->int_status = 0;
    d->queue_sel = 0;
    memset(&d->q, 0, sizeof d->q);
    update_irq(d);
}

static void needs_reset(struct virtio_blk *d)
{
    d->status |= VIRTIO_STATUS_NEEDS_RESET;
    if (d->status & VIRTIO_STATUS_DRIVER_OK) {
        d->int_status |= VIRTIO_INT_CONFIG;
        update_irq(d);
    }
}

/* ---- requests --------------------------------------------------------- */

/* Gather the descriptor chain starting at `head` into d->segs (§2.7.5,
 * §2.7.5.3 indirect descriptors).  Returns the number of segments, or -1 when
 * the chain itself is broken (index out of range, loop, bad indirect table):
 * then nothing in it can be trusted.  A buffer outside RAM only gets p=NULL. */
static int gather(struct virtio_blk *d, const uint8_t *dtab, uint16_t head)
{
    const uint8_t *table = dtab;
    uint32_t tsize = d->q.num, idx = head, steps = 0;
    bool indirect = false;
    int n = 0;
    for (;;) {
        /* Each table is walked at most tsize steps: more means a loop. */
        if (idx >= tsize || ++steps > tsize)
            return -1;
        const uint8_t *e = table + 16 * (uint64_t)idx;
        uint64_t addr = ld64(e);
        uint32_t len = ld32(e + 8);
        uint16_t flags = ld16(e + 12), next = ld16(e + 14);
        if (flags & VIRTQ_DESC_F_INDIRECT) {
            /* §2.7.5.3.1: not inside an indirect table, not with NEXT,
             * len a non-zero multiple of 16; only if negotiated. */
            if (indirect || (flags & VIRTQ_DESC_F_NEXT) || len == 0 || len % 16 ||
                len / 16 > MAX_SEGS || !(d->driver_features & (1ull << VIRTIO_F_INDIRECT_DESC)))
                return -1;
            table = phys_ram_ptr(d->pm, addr, len);
            if (!table)
                return -1;
            tsize = len / 16;
            idx = 0;
            steps = 0;
            indirect = true;
            continue;
        }
        if (n >= MAX_SEGS)
            return -1;
        struct seg *s = &d->segs[n++];
        s->len = len;
        s->writable = flags & VIRTQ_DESC_F_WRITE;
        s->p = len ? phys_ram_ptr(d->pm, addr, len) : NULL;
        if (!len)
            s->p = (uint8_t *)d->segs; /* harmless non-NULL: nothing is accessed */
        if (!(flags & VIRTQ_DESC_F_NEXT))
            return n;
        idx = next;
    }
}

/* Run one request; returns the used length, or -1 to ask for a device reset. */
static int64_t do_request(struct virtio_blk *d, int n)
{
    struct seg *s = d->segs;
    /* The status byte is the last byte of the last (writable) descriptor. */
    if (n == 0 || !s[n - 1].writable || s[n - 1].len == 0 || !s[n - 1].p)
        return -1;
    uint8_t *status = s[n - 1].p + s[n - 1].len - 1;

    /* Readable part first, then writable (§2.7.4.2); all of it in RAM. */
    int nr = 0;
    while (nr < n && !s[nr].writable)
        nr++;
    uint64_t rd_bytes = 0, wr_bytes = 0;
    bool bad = false;
    for (int i = 0; i < n; i++) {
        if (!s[i].p || (i >= nr && !s[i].writable))
            bad = true;
        if (i < nr)
            rd_bytes += s[i].len;
        else
            wr_bytes += s[i].len;
    }
    if (bad || rd_bytes < BLK_HDR_BYTES) {
        *status = VIRTIO_BLK_S_IOERR;
        return 1;
    }
    uint8_t hdr[BLK_HDR_BYTES];
    uint64_t got = 0;
    int ri = 0;
    uint32_t roff = 0; /* position in the readable segments after the header */
    while (got < BLK_HDR_BYTES) {
        uint64_t take = s[ri].len - roff;
        if (take > BLK_HDR_BYTES - got)
            take = BLK_HDR_BYTES - got;
        memcpy(hdr + got, s[ri].p + roff, take);
        got += take;
        roff += (uint32_t)take;
        if (roff == s[ri].len) {
            ri++;
            roff = 0;
        }
    }
    uint32_t type = ld32(hdr);
    uint64_t sector = ld64(hdr + 8);
    uint64_t out_bytes = rd_bytes - BLK_HDR_BYTES; /* data the driver sends */
    uint64_t in_bytes = wr_bytes - 1;              /* room for data to the driver */
    uint64_t cap = d->bytes / VIRTIO_BLK_SECTOR;
    uint8_t st = VIRTIO_BLK_S_OK;
    int64_t used = 1;

    switch (type) {
    case VIRTIO_BLK_T_IN: {
        if (in_bytes % VIRTIO_BLK_SECTOR || sector > cap || in_bytes / VIRTIO_BLK_SECTOR > cap - sector) {
            st = VIRTIO_BLK_S_IOERR;
            break;
        }
        uint64_t off = sector * VIRTIO_BLK_SECTOR, left = in_bytes;
        for (int i = nr; i < n && left; i++) {
            uint64_t k = s[i].len < left ? s[i].len : left;
            if (!disk_read(d, off, s[i].p, k)) {
                st = VIRTIO_BLK_S_IOERR;
                break;
            }
            off += k;
            left -= k;
        }
        if (st == VIRTIO_BLK_S_OK)
            used = (int64_t)in_bytes + 1;
        break;
    }
    case VIRTIO_BLK_T_OUT: {
        if (d->readonly || out_bytes % VIRTIO_BLK_SECTOR || sector > cap ||
            out_bytes / VIRTIO_BLK_SECTOR > cap - sector) {
            st = VIRTIO_BLK_S_IOERR; /* §5.2.6.1: no data written on RO */
            break;
        }
        uint64_t off = sector * VIRTIO_BLK_SECTOR;
        for (int i = ri; i < nr; i++) {
            uint32_t from = i == ri ? roff : 0;
            if (s[i].len > from && !disk_write(d, off, s[i].p + from, s[i].len - from)) {
                st = VIRTIO_BLK_S_IOERR;
                break;
            }
            off += s[i].len - from;
        }
        break;
    }
    case VIRTIO_BLK_T_FLUSH:
        if (!virtio_blk_flush(d))
            st = VIRTIO_BLK_S_IOERR;
        break;
    case VIRTIO_BLK_T_GET_ID: {
        uint64_t left = in_bytes < VIRTIO_BLK_ID_BYTES ? in_bytes : VIRTIO_BLK_ID_BYTES;
        uint64_t done = 0;
        for (int i = nr; i < n && done < left; i++) {
            uint64_t k = s[i].len < left - done ? s[i].len : left - done;
            memcpy(s[i].p, d->id + done, k);
            done += k;
        }
        used = (int64_t)done + 1;
        break;
    }
    default:
        st = VIRTIO_BLK_S_UNSUPP;
        break;
    }
    *status = st;
    return used;
}

/* Process every available buffer of queue 0 (§2.7.13 "Supplying Buffers",
 * §2.7.14 "Receiving Used Buffers"). */
static void process_queue(struct virtio_blk *d)
{
    if (!(d->status & VIRTIO_STATUS_DRIVER_OK) || (d->status & VIRTIO_STATUS_NEEDS_RESET) || !d->q.ready)
        return;
    uint32_t num = d->q.num;
    /* Split queues have a power-of-2 size (§2.7) and aligned parts
     * (§2.7.1: desc 16, avail 2, used 4). */
    if (num == 0 || num > VIRTIO_BLK_QUEUE_MAX || (num & (num - 1)) ||
        (d->q.desc & 15) || (d->q.driver & 1) || (d->q.device & 3)) {
        needs_reset(d);
        return;
    }
    const uint8_t *dtab = phys_ram_ptr(d->pm, d->q.desc, 16ull * num);
    const uint8_t *avail = phys_ram_ptr(d->pm, d->q.driver, 6 + 2ull * num);
    uint8_t *usedr = phys_ram_ptr(d->pm, d->q.device, 6 + 8ull * num);
    if (!dtab || !avail || !usedr) {
        needs_reset(d);
        return;
    }
    bool any = false;
    for (;;) {
        uint16_t avail_idx = ld16(avail + 2);
        if (avail_idx == d->q.last_avail)
            break;
        if ((uint16_t)(avail_idx - d->q.last_avail) > num) { /* more than the ring holds */
            needs_reset(d);
            return;
        }
        uint16_t head = ld16(avail + 4 + 2 * (d->q.last_avail % num));
        int n = gather(d, dtab, head);
        int64_t len = n < 0 ? -1 : do_request(d, n);
        if (len < 0) {
            needs_reset(d);
            return;
        }
        uint8_t *e = usedr + 4 + 8 * (d->q.used_idx % num);
        st32(e, head);
        st32(e + 4, (uint32_t)len);
        d->q.last_avail++;
        d->q.used_idx++;
        __atomic_thread_fence(__ATOMIC_RELEASE); /* ring entry before idx (§2.7.14) */
        st16(usedr + 2, d->q.used_idx);
        any = true;
    }
    if (any && !(ld16(avail) & VIRTQ_AVAIL_F_NO_INTERRUPT)) {
        d->int_status |= VIRTIO_INT_USED;
        update_irq(d);
    }
}

/* ---- registers (§4.2.2) ------------------------------------------------ */

static bool vb_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    struct virtio_blk *d = opaque;
    *val = 0;
    if (off >= VIRTIO_MMIO_CONFIG) {
        uint64_t c = off - VIRTIO_MMIO_CONFIG;
        if (size > 8 || (off & (size - 1)))
            return false;
        if (c + size <= sizeof d->config)
            memcpy(val, d->config + c, size); /* little-endian host */
        return true;
    }
    if (size != 4 || (off & 3))
        return false;
    bool q0 = d->queue_sel == 0;
    uint32_t v = 0;
    switch (off) {
    case VIRTIO_MMIO_MAGIC_VALUE: v = VIRTIO_MMIO_MAGIC; break;
    case VIRTIO_MMIO_VERSION: v = 2; break;
    case VIRTIO_MMIO_DEVICE_ID: v = 2; break;
    case VIRTIO_MMIO_VENDOR_ID: v = VIRTIO_BLK_VENDOR; break;
    case VIRTIO_MMIO_DEVICE_FEATURES:
        v = d->dev_feat_sel == 0 ? (uint32_t)d->features
          : d->dev_feat_sel == 1 ? (uint32_t)(d->features >> 32) : 0;
        break;
    case VIRTIO_MMIO_QUEUE_NUM_MAX: v = q0 ? VIRTIO_BLK_QUEUE_MAX : 0; break;
    case VIRTIO_MMIO_QUEUE_NUM: v = q0 ? d->q.num : 0; break;
    case VIRTIO_MMIO_QUEUE_READY: v = q0 && d->q.ready; break;
    case VIRTIO_MMIO_INTERRUPT_STATUS: v = d->int_status; break;
    case VIRTIO_MMIO_STATUS: v = d->status; break;
    case VIRTIO_MMIO_QUEUE_DESC_LOW: v = q0 ? (uint32_t)d->q.desc : 0; break;
    case VIRTIO_MMIO_QUEUE_DESC_HIGH: v = q0 ? (uint32_t)(d->q.desc >> 32) : 0; break;
    case VIRTIO_MMIO_QUEUE_DRIVER_LOW: v = q0 ? (uint32_t)d->q.driver : 0; break;
    case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: v = q0 ? (uint32_t)(d->q.driver >> 32) : 0; break;
    case VIRTIO_MMIO_QUEUE_DEVICE_LOW: v = q0 ? (uint32_t)d->q.device : 0; break;
    case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: v = q0 ? (uint32_t)(d->q.device >> 32) : 0; break;
    case VIRTIO_MMIO_SHM_LEN_LOW:
    case VIRTIO_MMIO_SHM_LEN_HIGH: v = 0xffffffffu; break; /* no shared memory region */
    case VIRTIO_MMIO_CONFIG_GENERATION: v = 0; break;  /* config never changes */
    default: break;
    }
    *val = v;
    return true;
}

static void set_addr(uint64_t *a, bool high, uint32_t v)
{
    *a = high ? (*a & 0xffffffffu) | ((uint64_t)v << 32) : (*a & ~0xffffffffull) | v;
}

static void write_status(struct virtio_blk *d, uint32_t v)
{
    if (v == 0) { /* §4.2.2.1: writing 0 resets the device */
        device_reset(d);
        return;
    }
    if ((v & VIRTIO_STATUS_FEATURES_OK) && !(d->status & VIRTIO_STATUS_FEATURES_OK)) {
        /* §3.1.1: accept only offered features; otherwise FEATURES_OK does
         * not stick.  A driver that leaves VERSION_1 out (xv6 never writes
         * the high word of DriverFeatures) is accepted as QEMU's non-legacy
         * virtio-mmio accepts it: the rings and the request format are the
         * same on this little-endian machine. */
        if (d->driver_features & ~d->features)
            v &= ~(uint32_t)VIRTIO_STATUS_FEATURES_OK;
    }
    d->status = (v & 0xff & ~(uint32_t)VIRTIO_STATUS_NEEDS_RESET) | (d->status & VIRTIO_STATUS_NEEDS_RESET);
}

static bool vb_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    struct virtio_blk *d = opaque;
    if (off >= VIRTIO_MMIO_CONFIG)
        return size <= 8 && !(off & (size - 1)); /* config is read-only */
    if (size != 4 || (off & 3))
        return false;
    uint32_t v = (uint32_t)val;
    bool q0 = d->queue_sel == 0;
    switch (off) {
    case VIRTIO_MMIO_DEVICE_FEATURES_SEL: d->dev_feat_sel = v; break;
    case VIRTIO_MMIO_DRIVER_FEATURES_SEL: d->drv_feat_sel = v; break;
    case VIRTIO_MMIO_DRIVER_FEATURES:
        if (d->drv_feat_sel < 2 && !(d->status & VIRTIO_STATUS_FEATURES_OK))
            set_addr(&d->driver_features, d->drv_feat_sel == 1, v);
        break;
    case VIRTIO_MMIO_QUEUE_SEL: d->queue_sel = v; break;
    case VIRTIO_MMIO_QUEUE_NUM: if (q0) d->q.num = v; break;
    case VIRTIO_MMIO_QUEUE_READY:
        if (q0) {
            d->q.ready = v & 1;
            if (!d->q.ready) /* re-enabling starts from a fresh ring */
                d->q.last_avail = d->q.used_idx = 0;
        }
        break;
    case VIRTIO_MMIO_QUEUE_DESC_LOW: if (q0) set_addr(&d->q.desc, false, v); break;
    case VIRTIO_MMIO_QUEUE_DESC_HIGH: if (q0) set_addr(&d->q.desc, true, v); break;
    case VIRTIO_MMIO_QUEUE_DRIVER_LOW: if (q0) set_addr(&d->q.driver, false, v); break;
    case VIRTIO_MMIO_QUEUE_DRIVER_HIGH: if (q0) set_addr(&d->q.driver, true, v); break;
    case VIRTIO_MMIO_QUEUE_DEVICE_LOW: if (q0) set_addr(&d->q.device, false, v); break;
    case VIRTIO_MMIO_QUEUE_DEVICE_HIGH: if (q0) set_addr(&d->q.device, true, v); break;
    case VIRTIO_MMIO_QUEUE_NOTIFY:
        if (v == 0)
            process_queue(d);
        break;
    case VIRTIO_MMIO_INTERRUPT_ACK:
        d->int_status &= ~v;
        update_irq(d);
        break;
    case VIRTIO_MMIO_STATUS: write_status(d, v); break;
    default: break;
    }
    return true;
}

struct mmio_dev virtio_blk_mmio(struct virtio_blk *d, uint64_t base)
{
    struct mmio_dev m = { "virtio-blk", base, VIRTIO_MMIO_SIZE, d, vb_read, vb_write };
    return m;
}

/* ---- empty slot ------------------------------------------------------- */

static bool empty_read(void *opaque, uint64_t off, unsigned size, uint64_t *val)
{
    (void)opaque; (void)size;
    switch (off) {
    case VIRTIO_MMIO_MAGIC_VALUE: *val = VIRTIO_MMIO_MAGIC; break;
    case VIRTIO_MMIO_VERSION: *val = 2; break;
    case VIRTIO_MMIO_VENDOR_ID: *val = VIRTIO_BLK_VENDOR; break;
    default: *val = 0; break; /* device id 0: no device here */
    }
    return true;
}

static bool empty_write(void *opaque, uint64_t off, unsigned size, uint64_t val)
{
    (void)opaque; (void)off; (void)size; (void)val;
    return true;
}

struct mmio_dev virtio_mmio_empty(uint64_t base)
{
    struct mmio_dev m = { "virtio-empty", base, VIRTIO_MMIO_SIZE, NULL, empty_read, empty_write };
    return m;
}
