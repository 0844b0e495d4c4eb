/* The view model (model.h): cells and their marks, colours, the lines of
 * text the view shows, the counter graphs and the shootdown ring.  No SDL. */
#include "model.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const tlb_names[4] = { "L1I", "L1D", "L2", "PWC" };

int view_model_init(struct view_model *m, unsigned nharts, struct mmu *const *mmus)
{
    memset(m, 0, sizeof *m);
    m->harts = calloc(nharts ? nharts : 1, sizeof *m->harts);
    if (!m->harts)
        return -1;
    m->nharts = nharts;
    m->ctl.sel_tlb = -1;
    m->ctl.sel_cell = -1;
    m->ctl.stop_fault_va = ~0ULL;
    for (unsigned i = 0; i < nharts; i++) {
        struct view_hart *h = &m->harts[i];
        h->id = i;
        for (int k = 0; k < 4; k++) {
            struct view_tlb *t = &h->tlb[k];
            t->name = tlb_names[k];
            mmu_tlb_geometry(mmus[i], k, &t->sets, &t->ways);
            size_t n = (size_t)t->sets * t->ways;
            if (!n)
                continue;
            t->cells = calloc(n, sizeof *t->cells);
            if (!t->cells) {
                view_model_free(m);
                return -1;
            }
            for (size_t c = 0; c < n; c++)
                t->cells[c].rgb = VIEW_EMPTY_RGB;
        }
    }
    return 0;
}

void view_model_free(struct view_model *m)
{
    for (unsigned i = 0; m->harts && i < m->nharts; i++)
        for (int k = 0; k < 4; k++)
            free(m->harts[i].tlb[k].cells);
    free(m->harts);
    m->harts = NULL;
    m->nharts = 0;
    for (unsigned d = 0; m->devices && d < m->ndevices; d++)
        for (int k = 0; k < 4; k++)
            free(m->devices[d].tlb[k].cells);
    free(m->devices);
    m->devices = NULL;
    m->ndevices = 0;
}

int view_model_add_device(struct view_model *m, const char *name, const struct mmu *iotlb)
{
    if (m->ndevices >= VIEW_MAX_DEVICES)
        return -1;
    struct view_device *more = realloc(m->devices, (m->ndevices + 1) * sizeof *more);
    if (!more)
        return -1;
    m->devices = more;
    struct view_device *d = &m->devices[m->ndevices];
    memset(d, 0, sizeof *d);
    d->name = name;
    for (int k = 0; k < 4; k++) {
        struct view_tlb *t = &d->tlb[k];
        t->name = k == MMU_TLB_L2 ? "IOTLB" : tlb_names[k];
        t->tag_name = "PSCID tag";
        mmu_tlb_geometry(iotlb, k, &t->sets, &t->ways);
        size_t n = (size_t)t->sets * t->ways;
        if (!n)
            continue;
        t->cells = calloc(n, sizeof *t->cells);
        if (!t->cells) {
            for (int j = 0; j < k; j++)
                free(d->tlb[j].cells);
            return -1;
        }
        for (size_t c = 0; c < n; c++)
            t->cells[c].rgb = VIEW_EMPTY_RGB;
    }
    return (int)m->ndevices++;
}

void view_device_update(struct view_device *d, struct mmu *iotlb, const struct iommu_stats *io,
                        struct tlb_entry_view *buf, int len)
{
    for (int k = 0; k < 4; k++) {
        if (!d->tlb[k].cells)
            continue;
        int n = mmu_tlb_dump(iotlb, k, buf, len);
        view_tlb_update(&d->tlb[k], buf, n);
    }
    d->stats = *mmu_get_stats(iotlb);
    if (io)
        d->io = *io;
}

unsigned view_model_slots(const struct view_model *m) { return m->nharts + m->ndevices; }

const struct view_tlb *view_slot_tlbs(const struct view_model *m, unsigned s)
{
    if (s < m->nharts)
        return m->harts[s].tlb;
    if (s - m->nharts < m->ndevices)
        return m->devices[s - m->nharts].tlb;
    return NULL;
}

/* An HSV colour (h in [0, 1), s and v in [0, 1]) as 0xRRGGBB. */
static uint32_t hsv_rgb(double h, double s, double v)
{
    double f = h * 6.0;
    int i = (int)f % 6;
    f -= (int)f;
    double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
    double r, g, b;
    switch (i) {
    case 0: r = v, g = t, b = p; break;
    case 1: r = q, g = v, b = p; break;
    case 2: r = p, g = v, b = t; break;
    case 3: r = p, g = q, b = v; break;
    case 4: r = t, g = p, b = v; break;
    default: r = v, g = p, b = q; break;
    }
    return (uint32_t)(r * 255.0 + 0.5) << 16 | (uint32_t)(g * 255.0 + 0.5) << 8 | (uint32_t)(b * 255.0 + 0.5);
}

uint32_t view_asid_rgb(uint16_t asid, bool global)
{
    if (global)
        return 0xe8dcb8; /* warm white: in every address space */
    /* golden-ratio steps around the hue circle: neighbours far apart; two
     * brightness bands so that ASIDs 61 apart (hues close again) differ */
    double h = (double)asid * 0.6180339887498949;
    h -= (double)(uint64_t)h;
    return hsv_rgb(h, 0.70, (asid / 61) % 2 ? 0.70 : 0.95);
}

uint32_t view_mark_rgb(enum view_mark mk)
{
    switch (mk) {
    case VIEW_MARK_HIT: return 0x3cff3c;   /* green */
    case VIEW_MARK_FILL: return 0x3ca0ff;  /* blue */
    case VIEW_MARK_EVICT: return 0xffa020; /* orange */
    case VIEW_MARK_FENCE: return 0xff2828; /* red */
    default: return 0x000000;
    }
}

const char *view_size_name(unsigned size) { return mmu_page_size_name(size); }

const char *view_sd_kind_name(unsigned kind)
{
    static const char *const names[VIEW_NSDKINDS] = { "IPI", "SFENCE", "SFENCE.ASID", "FENCE.I", "MSIP" };
    return kind < VIEW_NSDKINDS ? names[kind] : "?";
}

/* "RWXUGAD"-style flags: the letter where the bit is set, '-' where not. */
static void flag_letters(uint8_t flags, char out[8])
{
    static const char letters[] = "RWXUGAD";
    for (int i = 0; i < 7; i++)
        out[i] = (flags >> (i + 1)) & 1 ? letters[i] : '-';
    out[7] = 0;
}

char *view_cell_describe(const struct view_tlb *t, const struct view_cell *c, char *buf, size_t len)
{
    if (!c->valid) {
        snprintf(buf, len, "(empty)");
        return buf;
    }
    const struct tlb_entry_view *e = &c->e;
    static const char *const pbmt[4] = { "PMA", "NC", "IO", "rsv" };
    char fl[8];
    flag_letters(e->flags, fl);
    uint64_t age = t->age_base >= e->stamp ? t->age_base - e->stamp : 0;
    const char *tag = t->tag_name ? t->tag_name : "ASID";
    const char *va = t->tag_name ? "IOVA" : "VA"; /* a device's entries translate I/O virtual addresses */
    /* the H extension's kinds: a prefix naming the kind and the VMID, the
     * G-stage's R, W, X, D after the entry */
    char kind[48] = "", gfl[8] = "";
    if (e->kind == MMU_ENTRY_G) {
        snprintf(kind, sizeof kind, "G-stage VMID %u: ", e->vmid);
        va = "GPA";
    } else if (e->kind == MMU_ENTRY_VS || e->kind == MMU_ENTRY_VSBARE) {
        snprintf(kind, sizeof kind, "%s VMID %u: ", strcmp(t->name, "PWC") == 0 ? "VS-stage" : e->kind == MMU_ENTRY_VS
                 ? "VS+G" : "vsatp Bare+G", e->vmid);
        va = "guest VA";
    }
    if (e->kind != MMU_ENTRY_S && strcmp(t->name, "PWC") != 0) {
        char all[8];
        flag_letters(e->gflags, all); /* "RWXUGAD": keep R, W, X and D */
        snprintf(gfl, sizeof gfl, "%c%c%c%c", all[0], all[1], all[2], all[6]);
    }
    if (strcmp(t->name, "PWC") == 0) {
        snprintf(buf, len,
                 "%sset %u way %u: level %u PTE for %s 0x%" PRIx64 " (%" PRIu64 " MiB) -> table 0x%" PRIx64
                 "  %s %u%s  Sv%u%s  age %" PRIu64 "  hits %" PRIu64,
                 kind, e->set, e->way, e->size, va, e->va, e->bytes >> 20, e->pa, tag, e->asid,
                 e->global ? " global" : "", 12 + 9 * e->levels, e->kind == MMU_ENTRY_G ? "x4" : "", age, e->hits);
    } else {
        unsigned vpn_bits = 9 * (e->levels ? e->levels : 3);
        if (e->kind == MMU_ENTRY_G)
            vpn_bits += 2; /* the root index of Sv39x4/48x4/57x4 */
        snprintf(buf, len,
                 "%sset %u way %u: VPN 0x%" PRIx64 " (%s 0x%" PRIx64 ") -> PPN 0x%" PRIx64 "  %s  %s %u%s  %s%s%s  %s"
                 "  Sv%u%s  age %" PRIu64 "  hits %" PRIu64,
                 kind, e->set, e->way, (uint64_t)((e->va >> 12) & ((1ULL << vpn_bits) - 1)), va, e->va, e->pa >> 12,
                 view_size_name(e->size), tag, e->asid, e->global ? " G" : "", fl, gfl[0] ? "  G-stage " : "", gfl,
                 pbmt[e->pbmt & 3], 12 + 9 * e->levels, e->kind == MMU_ENTRY_G ? "x4" : "", age, e->hits);
    }
    return buf;
}

char *view_walk_describe(const struct mmu_walk_view *w, unsigned i, char *buf, size_t len)
{
    if (i < w->nrows) {
        const struct mmu_walk_row *r = &w->rows[i];
        const char *pwc = r->pwc ? "  (page-walk cache)" : "";
        bool valid = r->pte & 1, leaf = valid && (r->pte & 0xa);
        char what[48];
        if (!valid) {
            snprintf(what, sizeof what, "invalid");
        } else if (leaf) {
            char fl[8];
            flag_letters((uint8_t)r->pte, fl);
            snprintf(what, sizeof what, "leaf %s", fl);
        } else {
            snprintf(what, sizeof what, "-> table 0x%" PRIx64, (uint64_t)((r->pte >> 10 & ((1ULL << 44) - 1)) << 12));
        }
        snprintf(buf, len, "L%u PTE @0x%" PRIx64 " = 0x%016" PRIx64 "  %s%s", r->level, r->pte_pa, r->pte, what,
                 pwc);
        return buf;
    }
    if (w->levels == 0)
        snprintf(buf, len, "Bare: no translation, PA = VA");
    else if (w->ok)
        snprintf(buf, len, "-> PA 0x%" PRIx64 " (%s page, %u PTE reads without the PWC)", w->pa,
                 view_size_name(w->size), w->nrows);
    else
        snprintf(buf, len, "page fault: %s", w->fault ? w->fault : "?");
    return buf;
}

/* Are two entries the same translation (the same page of the same address
 * space, mapped the same way)? */
static bool same_entry(const struct tlb_entry_view *a, const struct tlb_entry_view *b)
{
    return a->va == b->va && a->pa == b->pa && a->size == b->size && a->asid == b->asid &&
           a->global == b->global && a->flags == b->flags && a->levels == b->levels && a->pbmt == b->pbmt &&
           a->kind == b->kind && a->vmid == b->vmid && a->gflags == b->gflags;
}

/* Mark cell c with mk at full strength. */
static void mark(struct view_cell *c, enum view_mark mk)
{
    c->mark = (uint8_t)mk;
    c->fade = VIEW_FADE_FRAMES;
}

void view_tlb_update(struct view_tlb *t, const struct tlb_entry_view *e, int n)
{
    size_t total = (size_t)t->sets * t->ways;
    if (!total)
        return;
    /* e is in set-major order with only the valid entries: walk it beside
     * the cells */
    int j = 0;
    uint64_t newest = 0;
    for (size_t k = 0; k < total; k++) {
        struct view_cell *c = &t->cells[k];
        const struct tlb_entry_view *now = NULL;
        if (j < n && (size_t)e[j].set * t->ways + e[j].way == k)
            now = &e[j++];
        if (c->fade)
            c->fade--;
        if (c->fade == 0)
            c->mark = VIEW_MARK_NONE;
        if (now) {
            if (now->stamp > newest)
                newest = now->stamp;
            if (!c->valid)
                mark(c, VIEW_MARK_FILL);
            else if (!same_entry(&c->e, now) || now->hits < c->e.hits)
                /* another page (or the same page filled again): the old
                 * one was evicted, or refilled after a fault or D update */
                mark(c, c->e.va == now->va && c->e.asid == now->asid ? VIEW_MARK_FILL : VIEW_MARK_EVICT);
            else if (now->hits > c->e.hits)
                mark(c, VIEW_MARK_HIT);
            c->valid = true;
            c->e = *now;
            c->rgb = view_asid_rgb(now->asid, now->global);
        } else {
            if (c->valid)
                mark(c, VIEW_MARK_FENCE);
            c->valid = false;
            c->rgb = VIEW_EMPTY_RGB;
        }
    }
    t->age_base = newest;
}

/* The slot for a new element of a ring of cap slots whose oldest is at
 * *head and that holds *len: the next free one, or the oldest (dropped)
 * when full. */
static unsigned ring_push(unsigned *head, unsigned *len, unsigned cap)
{
    if (*len < cap)
        return (*head + (*len)++) % cap;
    unsigned slot = *head;
    *head = (*head + 1) % cap;
    return slot;
}

void view_hart_sample(struct view_hart *h, const struct mmu_stats *now, uint64_t instret, double dt)
{
    const struct mmu_stats *was = &h->stats;
    float v[VIEW_NSERIES];
    v[VIEW_S_MIPS] = dt > 0 ? (float)((double)(instret - h->instret) / dt / 1e6) : 0.0f;
    for (int k = 0; k < 3; k++) {
        uint64_t l = now->tlb[k].lookups - was->tlb[k].lookups, hi = now->tlb[k].hits - was->tlb[k].hits;
        v[VIEW_S_L1I_HIT + k] = l ? (float)(100.0 * (double)hi / (double)l) : 100.0f;
    }
    v[VIEW_S_WALKS] = (float)(now->walks - was->walks);
    uint64_t f = 0, g = 0;
    for (int a = 0; a < 3; a++)
        f += now->page_faults[a] - was->page_faults[a];
    for (int k = 0; k < 4; k++)
        g += now->fences[k] - was->fences[k];
    v[VIEW_S_FAULTS] = (float)f;
    v[VIEW_S_FENCES] = (float)g;
    unsigned slot = ring_push(&h->hist_head, &h->hist_len, VIEW_HISTORY);
    for (int s = 0; s < VIEW_NSERIES; s++)
        h->hist[s][slot] = v[s];
    h->stats = *now;
    h->instret = instret;
}

float view_hist_at(const struct view_hart *h, unsigned s, unsigned i)
{
    return h->hist[s][(h->hist_head + i) % VIEW_HISTORY];
}

struct view_shootdown *view_sd_begin(struct view_model *m, unsigned from, uint64_t targets, unsigned kind,
                                     uint64_t start, uint64_t size, uint16_t asid, const uint64_t *instret,
                                     uint64_t mtime)
{
    unsigned slot = ring_push(&m->sd_head, &m->sd_count, VIEW_SHOOTDOWNS);
    struct view_shootdown *s = &m->sd[slot];
    memset(s, 0, sizeof *s);
    s->from = from;
    s->targets = targets;
    s->kind = (uint8_t)kind;
    s->start = start;
    s->size = size;
    s->asid = asid;
    s->t_insn = from < m->nharts ? instret[from] : 0;
    s->t_mtime = mtime;
    for (unsigned t = 0; t < m->nharts && t < VIEW_MAX_HARTS; t++)
        if ((targets >> t) & 1) {
            s->lat_insns[t] = instret[t]; /* the start, until done */
            s->lat_mtime[t] = mtime;
        }
    s->fade = VIEW_FADE_FRAMES * 2; /* rarer than cell marks: visible twice as long */
    if (from < m->nharts)
        m->harts[from].shootdowns_sent++;
    return s;
}

unsigned view_sd_event(struct view_model *m, unsigned h, bool fence, uint64_t instret, uint64_t mtime)
{
    unsigned done = 0;
    if (h >= VIEW_MAX_HARTS)
        return 0;
    for (unsigned i = 0; i < m->sd_count; i++) {
        struct view_shootdown *s = &m->sd[(m->sd_head + i) % VIEW_SHOOTDOWNS];
        uint64_t bit = 1ULL << h;
        if (!(s->targets & bit) || (s->done & bit))
            continue;
        bool wants_fence = s->kind == VIEW_SD_SFENCE || s->kind == VIEW_SD_SFENCE_ASID || s->kind == VIEW_SD_MSIP;
        if (wants_fence != fence)
            continue;
        s->done |= bit;
        s->lat_insns[h] = instret - s->lat_insns[h];
        s->lat_mtime[h] = mtime - s->lat_mtime[h];
        if (h < m->nharts)
            m->harts[h].shootdowns_received++;
        done++;
    }
    return done;
}

void view_sd_fade(struct view_model *m)
{
    for (unsigned i = 0; i < m->sd_count; i++) {
        struct view_shootdown *s = &m->sd[(m->sd_head + i) % VIEW_SHOOTDOWNS];
        if (s->fade)
            s->fade--;
    }
}

const char *view_iommu_cause_name(unsigned cause)
{
    /* RISC-V IOMMU specification, table "Fault record CAUSE field encodings" */
    switch (cause) {
    case 0: return "fetch misaligned";
    case 1: return "fetch access fault";
    case 4: return "read misaligned";
    case 5: return "read access fault";
    case 6: return "write misaligned";
    case 7: return "write access fault";
    case 12: return "fetch page fault";
    case 13: return "read page fault";
    case 15: return "write page fault";
    case 20: return "fetch guest-page fault";
    case 21: return "read guest-page fault";
    case 23: return "write guest-page fault";
    case 256: return "all disallowed";
    case 257: return "DDT access fault";
    case 258: return "DDT entry not valid";
    case 259: return "DDT misconfigured";
    case 260: return "ttyp disallowed";
    case 261: return "MSI PTE access fault";
    case 262: return "MSI PTE not valid";
    case 263: return "MSI PTE misconfigured";
    case 264: return "MRIF access fault";
    case 265: return "PDT access fault";
    case 266: return "PDT entry not valid";
    case 267: return "PDT misconfigured";
    case 268: return "DDT corrupt";
    case 269: return "PDT corrupt";
    case 270: return "MSI PT corrupt";
    case 271: return "MRIF corrupt";
    case 272: return "datapath error";
    case 273: return "MSI write fault";
    case 274: return "PT corrupt";
    default: return NULL;
    }
}

const char *view_count(char buf[16], uint64_t n)
{
    if (n < 100000)
        snprintf(buf, 16, "%" PRIu64, n);
    else if (n < 999950ULL)
        snprintf(buf, 16, "%.1fK", (double)n / 1e3);
    else if (n < 999950000ULL)
        snprintf(buf, 16, "%.1fM", (double)n / 1e6);
    else
        snprintf(buf, 16, "%.1fG", (double)n / 1e9);
    return buf;
}
#define COUNT(n) view_count((char[16]){ 0 }, (n))

/* "4K 120 2M 3": the page sizes with a non-zero count, or "-". */
static void by_size(char *out, size_t len, const uint64_t *n)
{
    size_t at = 0;
    out[0] = 0;
    for (unsigned z = 0; z < MMU_NSIZES; z++)
        if (n[z] && at < len)
            at += (size_t)snprintf(out + at, len - at, "%s%s %s", at ? " " : "", view_size_name(z), COUNT(n[z]));
    if (!at)
        snprintf(out, len, "-");
}

unsigned view_device_lines(const struct view_device *d, char (*lines)[VIEW_DEV_CHARS], unsigned max)
{
    const struct iommu_stats *io = &d->io;
    const struct mmu_stats *s = &d->stats;
    const struct mmu_tlb_stats *t = &s->tlb[MMU_TLB_L2];
    char sz[64];
    unsigned n = 0;
#define LINE(...) do { if (n < max) snprintf(lines[n++], VIEW_DEV_CHARS, __VA_ARGS__); } while (0)
    LINE("requests %s  untranslated %s", COUNT(io->requests), COUNT(io->bare));
    if (t->lookups)
        LINE("IOTLB hits %s/%s  %.1f%%", COUNT(t->hits), COUNT(t->lookups),
             100.0 * (double)t->hits / (double)t->lookups);
    else
        LINE("IOTLB lookups 0");
    by_size(sz, sizeof sz, t->hits_by_size);
    LINE("  hits   %s", sz);
    by_size(sz, sizeof sz, t->misses_by_size);
    LINE("  misses %s", sz);
    LINE("  fills %s  evictions %s", COUNT(t->fills), COUNT(t->evictions));
    LINE("walks %s  PTE reads %s", COUNT(s->walks), COUNT(s->pte_reads));
    LINE("PWC hits %s/%s  A/D updates %s", COUNT(s->pwc_hits), COUNT(s->pwc_lookups), COUNT(s->ad_updates));
    unsigned causes = 0;
    for (unsigned k = 0; k < IOMMU_NCAUSES; k++) {
        if (!io->faults[k])
            continue;
        const char *name = view_iommu_cause_name(k);
        LINE("fault %u %s: %s", k, name ? name : "?", COUNT(io->faults[k]));
        causes++;
    }
    if (!causes)
        LINE("faults none");
    else
        LINE("  records %s  not recorded %s", COUNT(io->fault_records), COUNT(io->fault_dropped));
    LINE("page requests %s  queued %s", COUNT(io->page_requests), COUNT(io->page_requests_queued));
    LINE("IOTINVAL.VMA (entries removed)");
    LINE("  all %s (%s)  pscid %s (%s)", COUNT(io->inval_vma[MMU_FENCE_ALL]),
         COUNT(io->inval_vma_removed[MMU_FENCE_ALL]), COUNT(io->inval_vma[MMU_FENCE_ASID]),
         COUNT(io->inval_vma_removed[MMU_FENCE_ASID]));
    LINE("  addr %s (%s)  addr+pscid %s (%s)", COUNT(io->inval_vma[MMU_FENCE_VA]),
         COUNT(io->inval_vma_removed[MMU_FENCE_VA]), COUNT(io->inval_vma[MMU_FENCE_VA_ASID]),
         COUNT(io->inval_vma_removed[MMU_FENCE_VA_ASID]));
    LINE("IOFENCE.C %s  IODIR ddt %s pdt %s", COUNT(io->iofence), COUNT(io->inval_ddt), COUNT(io->inval_pdt));
#undef LINE
    return n;
}

/* How many cells of t hold an entry. */
static unsigned tlb_used(const struct view_tlb *t)
{
    unsigned n = 0;
    for (size_t k = 0; k < (size_t)t->sets * t->ways; k++)
        n += t->cells[k].valid;
    return n;
}

/* " 4K 3 64K 0 2M 0 1G 0 512G 0 256T 0" */
static void sizes_text(const uint64_t *n, FILE *f)
{
    for (unsigned z = 0; z < MMU_NSIZES; z++)
        fprintf(f, " %s %" PRIu64, view_size_name(z), n[z]);
}

/* A device's lines of --view-text: "iommu KEY VALUE ...", the keys as in
 * --stats-json's object of the same name. */
static void device_text(const struct view_device *d, FILE *f)
{
    static const char *const kinds[4] = { "all", "pscid", "addr", "addr_pscid" };
    char name[16];
    size_t i = 0;
    for (; d->name && d->name[i] && i + 1 < sizeof name; i++)
        name[i] = (char)tolower((unsigned char)d->name[i]);
    name[i] = 0;
    const struct iommu_stats *io = &d->io;
    const struct mmu_stats *s = &d->stats;
    const struct mmu_tlb_stats *t = &s->tlb[MMU_TLB_L2];
    const struct view_tlb *l2 = &d->tlb[MMU_TLB_L2], *pwc = &d->tlb[MMU_TLB_PWC];
    fprintf(f, "%s entries: IOTLB %u/%u PWC %u/%u\n", name, l2->cells ? tlb_used(l2) : 0, l2->sets * l2->ways,
            pwc->cells ? tlb_used(pwc) : 0, pwc->sets * pwc->ways);
    fprintf(f,
            "%s requests %" PRIu64 " bare %" PRIu64 " walks %" PRIu64 " pte_reads %" PRIu64 " pwc_lookups %" PRIu64
            " pwc_hits %" PRIu64 " ad_updates %" PRIu64 " fault_records %" PRIu64 " fault_not_recorded %" PRIu64
            " page_requests %" PRIu64 " page_requests_queued %" PRIu64 " iofence_c %" PRIu64
            " iodir_inval_ddt %" PRIu64 " iodir_inval_pdt %" PRIu64 "\n",
            name, io->requests, io->bare, s->walks, s->pte_reads, s->pwc_lookups, s->pwc_hits, s->ad_updates,
            io->fault_records, io->fault_dropped, io->page_requests, io->page_requests_queued, io->iofence,
            io->inval_ddt, io->inval_pdt);
    fprintf(f, "%s iotlb lookups %" PRIu64 " hits %" PRIu64 " misses %" PRIu64 " fills %" PRIu64 " evictions %" PRIu64 "\n",
            name, t->lookups, t->hits, t->misses, t->fills, t->evictions);
    fprintf(f, "%s iotlb hits_by_size", name);
    sizes_text(t->hits_by_size, f);
    fprintf(f, "\n%s iotlb misses_by_size", name);
    sizes_text(t->misses_by_size, f);
    fprintf(f, "\n%s faults_by_cause", name);
    bool any = false;
    for (unsigned k = 0; k < IOMMU_NCAUSES; k++)
        if (io->faults[k]) {
            fprintf(f, " %u %" PRIu64, k, io->faults[k]);
            any = true;
        }
    fprintf(f, "%s\n%s iotinval_vma", any ? "" : " none", name);
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %" PRIu64, kinds[k], io->inval_vma[k]);
    fprintf(f, "\n%s iotinval_vma_removed", name);
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %" PRIu64, kinds[k], io->inval_vma_removed[k]);
    fputc('\n', f);
}

bool view_two_stage_used(const struct mmu_stats *s)
{
    uint64_t any = s->virt_translations | s->g_tlb_lookups;
    for (int k = 0; k < 4; k++)
        any |= s->hfence_vvma[k] | s->hfence_gvma[k] | (k < 3 ? s->guest_page_faults[k] : 0);
    return any != 0;
}

/* Entries of kind (enum mmu_entry_kind) a structure holds now. */
static unsigned kind_used(const struct view_tlb *t, unsigned kind)
{
    unsigned n = 0;
    for (unsigned k = 0; k < t->sets * t->ways; k++)
        n += t->cells[k].valid && t->cells[k].e.kind == kind;
    return n;
}

/* view_model_text's two-stage line of hart i: its counters (named as in
 * --stats-json's "two_stage") and the V=1 entries its structures hold. */
static void two_stage_text(FILE *f, unsigned i, const struct view_hart *h)
{
    const struct mmu_stats *s = &h->stats;
    fprintf(f,
            "hart %u two_stage translations %" PRIu64 " walks %" PRIu64 " g_walks %" PRIu64
            " nested_tlb_hits %" PRIu64 "/%" PRIu64 " vs_pte_reads %" PRIu64 " g_pte_reads %" PRIu64
            " guest_page_faults %" PRIu64 "/%" PRIu64 "/%" PRIu64 " hfence_vvma %" PRIu64 " hfence_gvma %" PRIu64
            " entries",
            i, s->virt_translations, s->two_stage_walks, s->g_walks, s->g_tlb_hits, s->g_tlb_lookups,
            s->vs_pte_reads[0] + s->vs_pte_reads[1] + s->vs_pte_reads[2] + s->vs_pte_reads[3] + s->vs_pte_reads[4],
            s->g_pte_reads_vs[0] + s->g_pte_reads_vs[1] + s->g_pte_reads_vs[2] + s->g_pte_reads_vs[3] +
                s->g_pte_reads_vs[4] + s->g_pte_reads_final[0] + s->g_pte_reads_final[1] + s->g_pte_reads_final[2] +
                s->g_pte_reads_final[3] + s->g_pte_reads_final[4],
            s->guest_page_faults[0], s->guest_page_faults[1], s->guest_page_faults[2],
            s->hfence_vvma[0] + s->hfence_vvma[1] + s->hfence_vvma[2] + s->hfence_vvma[3],
            s->hfence_gvma[0] + s->hfence_gvma[1] + s->hfence_gvma[2] + s->hfence_gvma[3]);
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s vs %u g %u", h->tlb[k].name,
                kind_used(&h->tlb[k], MMU_ENTRY_VS) + kind_used(&h->tlb[k], MMU_ENTRY_VSBARE),
                kind_used(&h->tlb[k], MMU_ENTRY_G));
    fputc('\n', f);
}

void view_model_text(const struct view_model *m, FILE *f)
{
    static const char *const priv[4] = { "U", "S", "?", "M" };
    fprintf(f, "view: %u harts, %" PRIu64 " instructions, mtime %" PRIu64 ", %s\n", m->nharts, m->total_insns,
            m->mtime, m->ctl.paused ? "paused" : "running");
    if (m->ctl.message[0])
        fprintf(f, "message: %s\n", m->ctl.message);
    if (m->ctl.stopped[0])
        fprintf(f, "last stop: %s\n", m->ctl.stopped);
    for (unsigned i = 0; i < m->nharts; i++) {
        const struct view_hart *h = &m->harts[i];
        const struct mmu_stats *s = &h->stats;
        unsigned mode = (unsigned)(h->satp >> 60);
        fprintf(f, "hart %u: pc 0x%" PRIx64 " priv %s satp %s asid %u instret %" PRIu64 "%s\n", i, h->pc,
                priv[h->priv & 3], mode == 8 ? "sv39" : mode == 9 ? "sv48" : mode == 10 ? "sv57" : "bare",
                (unsigned)(h->satp >> 44 & 0xffff), h->instret, h->wfi ? " wfi" : "");
        fprintf(f, "hart %u entries:", i);
        for (int k = 0; k < 4; k++)
            fprintf(f, " %s %u/%u", h->tlb[k].name, tlb_used(&h->tlb[k]), h->tlb[k].sets * h->tlb[k].ways);
        fprintf(f, "\nhart %u tlb:", i);
        for (int k = 0; k < 3; k++)
            fprintf(f, " %s lookups %" PRIu64 " hits %" PRIu64 " misses %" PRIu64 ";", h->tlb[k].name,
                    s->tlb[k].lookups, s->tlb[k].hits, s->tlb[k].misses);
        fprintf(f, " PWC lookups %" PRIu64 " hits %" PRIu64 "\n", s->pwc_lookups, s->pwc_hits);
        fprintf(f,
                "hart %u walks %" PRIu64 " pte_reads %" PRIu64 " page_faults %" PRIu64 "/%" PRIu64 "/%" PRIu64
                " fences %" PRIu64 "/%" PRIu64 "/%" PRIu64 "/%" PRIu64 " ad_updates %" PRIu64
                " shootdowns_sent %" PRIu64 " shootdowns_received %" PRIu64 "\n",
                i, s->walks, s->pte_reads, s->page_faults[0], s->page_faults[1], s->page_faults[2], s->fences[0],
                s->fences[1], s->fences[2], s->fences[3], s->ad_updates, h->shootdowns_sent,
                h->shootdowns_received);
        if (view_two_stage_used(s))
            two_stage_text(f, i, h);
    }
    for (unsigned i = 0; i < m->sd_count && i < VIEW_SHOOTDOWNS; i++) {
        const struct view_shootdown *s = &m->sd[(m->sd_head + i) % VIEW_SHOOTDOWNS];
        fprintf(f, "shootdown from %u %s", s->from, view_sd_kind_name(s->kind));
        if (s->size == 0 || s->size == ~0ULL)
            fprintf(f, " all");
        else
            fprintf(f, " 0x%" PRIx64 "+0x%" PRIx64, s->start, s->size);
        for (unsigned t = 0; t < m->nharts && t < VIEW_MAX_HARTS; t++) {
            if (!((s->targets >> t) & 1))
                continue;
            if ((s->done >> t) & 1)
                fprintf(f, " h%u:%" PRIu64 "insns/%" PRIu64 "ticks", t, s->lat_insns[t], s->lat_mtime[t]);
            else
                fprintf(f, " h%u:pending", t);
        }
        fputc('\n', f);
    }
    for (unsigned d = 0; d < m->ndevices; d++)
        device_text(&m->devices[d], f);
}
