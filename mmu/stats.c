/* The MMU's statistics: the counters with what the fast and data paths
 * count in one word expanded (merged_stats), their reset, and their text
 * (--stats) and JSON (--stats-json) forms. */
#include <string.h>

#include "mmu_fast.h"

/* The statistics with the fast path's hits and the data path's refills
 * and walks added in. */
static void merged_stats(const struct mmu *m, struct mmu_stats *s)
{
    *s = m->st;
    uint64_t hits[MMU_NSIZES];
    memcpy(hits, m->fast_hits, sizeof hits);
    for (int k = 0; k < MMU_FAST_N; k++)
        hits[m->fast[k].size] += m->fast[k].hits;
    for (int z = 0; z < MMU_NSIZES; z++) {
        s->translations += hits[z];
        s->tlb[MMU_TLB_L1D].hits_by_size[z] += hits[z];
        /* an L2 refill (mmu_data_ptr_n): a translation, an L1D miss and fill, an L2 hit */
        for (int a = 0; a < 2; a++) {
            uint64_t r = m->l2_refills[a][z];
            s->translations += r;
            s->tlb[MMU_TLB_L1D].misses_by_access[MMU_LOAD + a] += r;
            s->tlb[MMU_TLB_L1D].misses_by_size[z] += r;
            s->tlb[MMU_TLB_L1D].fills += r;
            s->tlb[MMU_TLB_L2].hits_by_size[z] += r;
        }
    }
    /* a walk of the data path (mmu_data_walk_n): a translation, an L1D and an
     * L2 miss of a 4 KiB page, each filled, a walk after a page-walk-cache
     * lookup that hit, of one PTE read (pwc_walks) or two (pwc2_walks) */
    uint64_t w1 = m->pwc_walks[0] + m->pwc_walks[1], w2 = m->pwc2_walks[0] + m->pwc2_walks[1], w = w1 + w2;
    s->translations += w;
    for (int k = MMU_TLB_L1D; k <= MMU_TLB_L2; k++) {
        for (int a = 0; a < 2; a++)
            s->tlb[k].misses_by_access[MMU_LOAD + a] += m->pwc_walks[a] + m->pwc2_walks[a];
        s->tlb[k].misses_by_size[MMU_PAGE_4K] += w;
        s->tlb[k].fills += w;
    }
    s->walks += w;
    s->pte_reads += w1 + 2 * w2;
    s->walk_reads[0] += w1;
    s->walk_reads[1] += w2;
    s->pwc_lookups += w;
    s->pwc_hits += w;
    /* a lookup is a hit (of some size) or a miss */
    for (int k = 0; k < 3; k++) {
        struct mmu_tlb_stats *t = &s->tlb[k];
        t->hits = 0;
        for (int z = 0; z < MMU_NSIZES; z++)
            t->hits += t->hits_by_size[z];
        t->misses = t->misses_by_access[0] + t->misses_by_access[1] + t->misses_by_access[2];
        t->lookups = t->hits + t->misses;
    }
}

const struct mmu_stats *mmu_get_stats(struct mmu *m)
{
    merged_stats(m, &m->st_view);
    return &m->st_view;
}

void mmu_stats_reset(struct mmu *m)
{
    for (int k = 0; k < MMU_FAST_N; k++)
        mmu_fast_fold(m, &m->fast[k], true); /* the entries keep their hits */
    memset(&m->st, 0, sizeof m->st);
    memset(m->fast_hits, 0, sizeof m->fast_hits);
    memset(m->l2_refills, 0, sizeof m->l2_refills);
    memset(m->pwc_walks, 0, sizeof m->pwc_walks);
    memset(m->pwc2_walks, 0, sizeof m->pwc2_walks);
}

static const char *const tlb_names[3] = { "l1i", "l1d", "l2" };
static const char *const size_names[MMU_NSIZES] = { "4K", "64K", "2M", "1G", "512G", "256T" };
static const char *const acc_names[3] = { "fetch", "load", "store" };
static const char *const fence_names[4] = { "all", "asid", "va", "va_asid" };
static const char *const repl_names[3] = { "lru", "fifo", "random" };
static const char *const gfence_names[4] = { "all", "vmid", "gpa", "gpa_vmid" };

/* Has anything of the H extension happened (the text shows its lines only then)? */
static bool two_stage_used(const struct mmu_stats *s)
{
    uint64_t any = s->virt_translations | s->g_tlb_lookups | s->guest_page_faults[0] | s->guest_page_faults[1] |
                   s->guest_page_faults[2];
    for (int k = 0; k < 4; k++)
        any |= s->hfence_vvma[k] | s->hfence_gvma[k];
    return any != 0;
}

/* "name l0/l1/l2/l3/l4" of a by-level array, as the text prints them. */
static void print_levels(FILE *f, const char *name, const uint64_t *v)
{
    fprintf(f, " %s %llu/%llu/%llu/%llu/%llu", name, (unsigned long long)v[0], (unsigned long long)v[1],
            (unsigned long long)v[2], (unsigned long long)v[3], (unsigned long long)v[4]);
}

/* The H extension's lines of --stats (docs/MMU.md, "Two-stage translation"). */
static void two_stage_print(const struct mmu_stats *s, FILE *f)
{
    fprintf(f, "  two-stage: translations %llu walks %llu; G-stage walks %llu; nested TLB lookups %llu hits %llu "
               "misses %llu\n",
            (unsigned long long)s->virt_translations, (unsigned long long)s->two_stage_walks,
            (unsigned long long)s->g_walks, (unsigned long long)s->g_tlb_lookups,
            (unsigned long long)s->g_tlb_hits, (unsigned long long)s->g_tlb_misses);
    fprintf(f, "      PTE reads by level 0/1/2/3/4:");
    print_levels(f, "VS", s->vs_pte_reads);
    print_levels(f, "G-for-VS", s->g_pte_reads_vs);
    print_levels(f, "G-final", s->g_pte_reads_final);
    fprintf(f, "\n      PWC VS lookups %llu hits %llu, G lookups %llu hits %llu; guest-page faults fetch %llu "
               "load %llu store %llu\n",
            (unsigned long long)s->pwc_lookups_vs, (unsigned long long)s->pwc_hits_vs,
            (unsigned long long)s->pwc_lookups_g, (unsigned long long)s->pwc_hits_g,
            (unsigned long long)s->guest_page_faults[0], (unsigned long long)s->guest_page_faults[1],
            (unsigned long long)s->guest_page_faults[2]);
    fprintf(f, "  hfence.vvma");
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %llu (removed %llu)", fence_names[k], (unsigned long long)s->hfence_vvma[k],
                (unsigned long long)s->hfence_vvma_removed[k]);
    fprintf(f, "; hfence.gvma");
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %llu (removed %llu)", gfence_names[k], (unsigned long long)s->hfence_gvma[k],
                (unsigned long long)s->hfence_gvma_removed[k]);
    fprintf(f, "\n");
}

const char *mmu_page_size_name(unsigned size) { return size < MMU_NSIZES ? size_names[size] : "?"; }

void mmu_tlb_stats_print(const struct mmu_tlb_stats *t, const char *name, FILE *f)
{
    fprintf(f, "  %-3s lookups %llu hits %llu misses %llu (%.2f%% hit) fills %llu evictions %llu\n", name,
            (unsigned long long)t->lookups, (unsigned long long)t->hits, (unsigned long long)t->misses,
            t->lookups ? 100.0 * (double)t->hits / (double)t->lookups : 0.0, (unsigned long long)t->fills,
            (unsigned long long)t->evictions);
    fprintf(f, "      by size (hits/misses):");
    for (int z = 0; z < MMU_NSIZES; z++)
        fprintf(f, " %s %llu/%llu", size_names[z], (unsigned long long)t->hits_by_size[z],
                (unsigned long long)t->misses_by_size[z]);
    fprintf(f, "; misses by access: fetch %llu load %llu store %llu\n",
            (unsigned long long)t->misses_by_access[MMU_FETCH], (unsigned long long)t->misses_by_access[MMU_LOAD],
            (unsigned long long)t->misses_by_access[MMU_STORE]);
}

void mmu_stats_print(const struct mmu *m, FILE *f)
{
    struct mmu_stats merged;
    merged_stats(m, &merged);
    const struct mmu_stats *s = &merged;
    const struct mmu_config *c = &m->cfg;
    fprintf(f, "mmu: l1i=%ux%u l1d=%ux%u l2=%ux%u pwc=%u repl=%s\n", c->l1i_sets, c->l1i_ways,
            c->l1d_sets, c->l1d_ways, c->l2_sets, c->l2_ways, c->pwc_entries, repl_names[c->repl]);
    fprintf(f, "  translations %llu (untranslated %llu)\n", (unsigned long long)s->translations,
            (unsigned long long)s->untranslated);
    for (int k = 0; k < 3; k++) {
        if (m->tlb[k].e)
            mmu_tlb_stats_print(&s->tlb[k], tlb_names[k], f);
    }
    fprintf(f, "  walks %llu, PTE reads %llu; reads per walk 1:%llu 2:%llu 3:%llu 4:%llu 5+:%llu\n",
            (unsigned long long)s->walks, (unsigned long long)s->pte_reads,
            (unsigned long long)s->walk_reads[0], (unsigned long long)s->walk_reads[1],
            (unsigned long long)s->walk_reads[2], (unsigned long long)s->walk_reads[3],
            (unsigned long long)s->walk_reads[4]);
    fprintf(f, "  page-walk cache lookups %llu hits %llu; A/D updates %llu (retries %llu)\n",
            (unsigned long long)s->pwc_lookups, (unsigned long long)s->pwc_hits,
            (unsigned long long)s->ad_updates, (unsigned long long)s->ad_retries);
    fprintf(f, "  page faults fetch %llu load %llu store %llu; access faults fetch %llu load %llu store %llu\n",
            (unsigned long long)s->page_faults[0], (unsigned long long)s->page_faults[1],
            (unsigned long long)s->page_faults[2], (unsigned long long)s->access_faults[0],
            (unsigned long long)s->access_faults[1], (unsigned long long)s->access_faults[2]);
    fprintf(f, "  sfence.vma");
    for (int k = 0; k < 4; k++)
        fprintf(f, " %s %llu (removed %llu)", fence_names[k], (unsigned long long)s->fences[k],
                (unsigned long long)s->fence_removed[k]);
    fprintf(f, "; flush-all %llu\n", (unsigned long long)s->flush_all);
    if (two_stage_used(s))
        two_stage_print(s, f);
}

static void json_u64s(FILE *f, const uint64_t *v, int n)
{
    fprintf(f, "[");
    for (int k = 0; k < n; k++)
        fprintf(f, "%s%llu", k ? "," : "", (unsigned long long)v[k]);
    fprintf(f, "]");
}

static void json_named(FILE *f, const char *const *names, const uint64_t *v, int n)
{
    fprintf(f, "{");
    for (int k = 0; k < n; k++)
        fprintf(f, "%s\"%s\":%llu", k ? "," : "", names[k], (unsigned long long)v[k]);
    fprintf(f, "}");
}

void mmu_tlb_stats_json(const struct mmu_tlb_stats *t, FILE *f)
{
    fprintf(f, "{\"lookups\":%llu,\"hits\":%llu,\"misses\":%llu,\"fills\":%llu,\"evictions\":%llu,\"hits_by_size\":",
            (unsigned long long)t->lookups, (unsigned long long)t->hits, (unsigned long long)t->misses,
            (unsigned long long)t->fills, (unsigned long long)t->evictions);
    json_named(f, size_names, t->hits_by_size, MMU_NSIZES);
    fprintf(f, ",\"misses_by_size\":");
    json_named(f, size_names, t->misses_by_size, MMU_NSIZES);
    static const char *const access_names[3] = {"fetch", "load", "store"};
    fprintf(f, ",\"misses_by_access\":");
    json_named(f, access_names, t->misses_by_access, 3);
    fprintf(f, "}");
}

void mmu_stats_json(const struct mmu *m, FILE *f)
{
    struct mmu_stats merged;
    merged_stats(m, &merged);
    const struct mmu_stats *s = &merged;
    const struct mmu_config *c = &m->cfg;
    fprintf(f, "{\"config\":{\"l1i\":[%u,%u],\"l1d\":[%u,%u],\"l2\":[%u,%u],\"pwc\":%u,\"repl\":\"%s\"},",
            c->l1i_sets, c->l1i_ways, c->l1d_sets, c->l1d_ways, c->l2_sets, c->l2_ways,
            c->pwc_entries, repl_names[c->repl]);
    fprintf(f, "\"translations\":%llu,\"untranslated\":%llu,", (unsigned long long)s->translations,
            (unsigned long long)s->untranslated);
    for (int k = 0; k < 3; k++) {
        fprintf(f, "\"%s\":", tlb_names[k]);
        mmu_tlb_stats_json(&s->tlb[k], f);
        fprintf(f, ",");
    }
    fprintf(f, "\"walks\":%llu,\"pte_reads\":%llu,\"walk_reads_1_to_5plus\":",
            (unsigned long long)s->walks, (unsigned long long)s->pte_reads);
    json_u64s(f, s->walk_reads, 5);
    fprintf(f, ",\"pwc_lookups\":%llu,\"pwc_hits\":%llu,\"ad_updates\":%llu,\"ad_retries\":%llu,",
            (unsigned long long)s->pwc_lookups, (unsigned long long)s->pwc_hits,
            (unsigned long long)s->ad_updates, (unsigned long long)s->ad_retries);
    fprintf(f, "\"page_faults\":");
    json_named(f, acc_names, s->page_faults, 3);
    fprintf(f, ",\"access_faults\":");
    json_named(f, acc_names, s->access_faults, 3);
    fprintf(f, ",\"fences\":");
    json_named(f, fence_names, s->fences, 4);
    fprintf(f, ",\"fence_removed\":");
    json_named(f, fence_names, s->fence_removed, 4);
    fprintf(f, ",\"flush_all\":%llu,\"two_stage\":{\"translations\":%llu,\"walks\":%llu,\"g_walks\":%llu,"
               "\"nested_tlb_lookups\":%llu,\"nested_tlb_hits\":%llu,\"nested_tlb_misses\":%llu,"
               "\"vs_pte_reads_by_level\":",
            (unsigned long long)s->flush_all, (unsigned long long)s->virt_translations,
            (unsigned long long)s->two_stage_walks, (unsigned long long)s->g_walks,
            (unsigned long long)s->g_tlb_lookups, (unsigned long long)s->g_tlb_hits,
            (unsigned long long)s->g_tlb_misses);
    json_u64s(f, s->vs_pte_reads, 5);
    fprintf(f, ",\"g_pte_reads_for_vs_by_level\":");
    json_u64s(f, s->g_pte_reads_vs, 5);
    fprintf(f, ",\"g_pte_reads_final_by_level\":");
    json_u64s(f, s->g_pte_reads_final, 5);
    fprintf(f, ",\"pwc_lookups_vs\":%llu,\"pwc_hits_vs\":%llu,\"pwc_lookups_g\":%llu,\"pwc_hits_g\":%llu,"
               "\"guest_page_faults\":",
            (unsigned long long)s->pwc_lookups_vs, (unsigned long long)s->pwc_hits_vs,
            (unsigned long long)s->pwc_lookups_g, (unsigned long long)s->pwc_hits_g);
    json_named(f, acc_names, s->guest_page_faults, 3);
    fprintf(f, ",\"hfence_vvma\":");
    json_named(f, fence_names, s->hfence_vvma, 4);
    fprintf(f, ",\"hfence_vvma_removed\":");
    json_named(f, fence_names, s->hfence_vvma_removed, 4);
    fprintf(f, ",\"hfence_gvma\":");
    json_named(f, gfence_names, s->hfence_gvma, 4);
    fprintf(f, ",\"hfence_gvma_removed\":");
    json_named(f, gfence_names, s->hfence_gvma_removed, 4);
    fprintf(f, "}}");
}
