/* The page-table walker: privileged spec, section "Virtual Address
 * Translation Process" (the 10-step algorithm of the 2024 edition, which
 * numbers Zicfiss's shadow-stack check as step 7), with LEVELS = 3, 4, 5 for
 * Sv39, Sv48, Sv57 and PTESIZE = 8.  Svnapot (64 KiB pages), Svpbmt (memory
 * types, recorded only) and Svade/Svadu (A/D policy) are included.
 *
 * The comments number the steps as the specification does, so the code can
 * be checked against it line by line. */
#include "mmu_internal.h"

enum mmu_result mmu_walk(struct mmu *m, uint64_t va, enum mmu_access acc,
                         const struct mmu_req *r, unsigned levels, uint16_t asid,
                         struct tlb_entry *e)
{
    const struct phys_mem *pm = m->pm;
    struct mmu_stats *st = &m->st;
    enum mmu_result res = MMU_PAGE_FAULT;
    unsigned reads = 0;
    bool upper_global = false; /* a global non-leaf makes all below it global */
    uint64_t pte, pte_pa;
    MMU_COUNT(st->walks++);

    /* 1. Let a be satp.ppn x PAGESIZE, and let i = LEVELS - 1.  (The
     *    caller has checked that satp is active and va canonical.) */
    uint64_t a = (r->satp & SATP_PPN_MASK) << 12;
    int i = (int)levels - 1;

    /* The page-walk cache may satisfy the step-2 reads of the upper levels
     * (the spec's "address-translation cache", same ASID or global). */
    m->last_walk_pwc = false;
    if (m->pwc.t.e) {
        MMU_COUNT(st->pwc_lookups++);
        struct tlb_entry *c = pwc_lookup(&m->pwc, va, asid, levels);
        m->last_walk_pwc = c != NULL;
        if (c) {
            MMU_COUNT(st->pwc_hits++);
            a = c->ppn << 12;
            i = c->size - 1;
            upper_global = c->global;
        }
    }

step2:
    /* 2. Let pte be the value of the PTE at address a + va.vpn[i] x PTESIZE.
     *    If accessing pte violates a PMA or PMP check, raise an access-fault
     *    exception.  (Implicit page-table accesses are checked as S-mode.) */
    pte_pa = a + vpn(va, i) * 8;
    uint8_t *p = phys_ram_ptr(pm, pte_pa, 8);
    if (!p || !pte_read_allowed(m, pte_pa)) {
        res = MMU_ACCESS_FAULT;
        goto out;
    }
    pte = __atomic_load_n((const uint64_t *)(const void *)p, __ATOMIC_ACQUIRE);
    if (__builtin_expect(m->check != NULL, 0))
        mmu_check_walk_read(m->check, pte_pa);
    reads++;
    MMU_COUNT(st->pte_reads++);
    bool leaf = (pte & (PTE_R | PTE_X)) != 0;

    /* 3. If pte.v = 0, or if pte.r = 0 and pte.w = 1, or if any bits or
     *    encodings that are reserved for future standard use are set within
     *    pte, stop and raise a page-fault exception. */
    if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)) || pte_reserved(pte, leaf, i, r->no_pbmt))
        goto out;

    /* 4. If pte.r = 1 or pte.x = 1, go to step 5.  Otherwise this PTE points
     *    to the next level: i = i - 1; if i < 0, page fault; otherwise
     *    a = pte.ppn x PAGESIZE and go to step 2. */
    if (!leaf) {
        upper_global = upper_global || (pte & PTE_G);
        i = i - 1;
        if (i < 0)
            goto out;
        a = pte_ppn(pte) << 12;
        if (m->pwc.t.e) {
            struct tlb_entry c = {
                .tag = va >> (12 + 9 * (i + 1)), .ppn = pte_ppn(pte),
                .asid = asid, .flags = (uint8_t)pte, .size = (uint8_t)(i + 1),
                .global = upper_global, .levels = (uint8_t)levels,
            };
            if (pwc_insert(&m->pwc, &c))
                m->gen++;
        }
        goto step2;
    }

    /* 5. A leaf PTE has been reached.  If i > 0 and pte.ppn[i-1:0] != 0,
     *    this is a misaligned superpage: page fault. */
    if (i > 0 && (pte_ppn(pte) & ((1ULL << (9 * i)) - 1)))
        goto out;

    /* 6. Is the access allowed by pte.u, given the privilege mode and SUM? */
    if (!pte_u_ok((unsigned)pte, acc, r))
        goto out;

    /* 7. Shadow-stack rules (Zicfiss): not implemented, nothing to check. */

    /* 8. Is the access allowed by pte.r, pte.w, pte.x (and MXR)? */
    if (!pte_rwx_ok((unsigned)pte, acc, r))
        goto out;

    /* 9. If pte.a = 0, or if the original access is a store and pte.d = 0: */
    if (!(pte & PTE_A) || (acc == MMU_STORE && !(pte & PTE_D))) {
        /* - Svade: raise a page-fault exception. */
        if (!r->hw_ad)
            goto out;
        /* - If a store to the PTE would violate a PMA or PMP check, raise an
         *   access-fault exception. */
        if (!mmu_pmp_allows(m, pte_pa, 8, MMU_STORE, PRIV_S)) {
            res = MMU_ACCESS_FAULT;
            goto out;
        }
        /* - Atomically: compare pte to the PTE in memory; if they match, set
         *   pte.a (and pte.d for a store) and store it; if the comparison
         *   fails, return to step 2.  (Never through the address-translation
         *   cache: "accessed and dirty bits may only be updated in memory
         *   directly".) */
        uint64_t npte = pte | PTE_A | (acc == MMU_STORE ? PTE_D : 0);
        if (m->ad_hook)
            m->ad_hook(m->ad_ctx, pte_pa);
        bool done;
        uint64_t seen;
        if (!phys_cas64(pm, pte_pa, pte, npte, &done, &seen)) {
            res = MMU_ACCESS_FAULT;
            goto out;
        }
        if (!done) {
            /* Another agent changed the PTE; terminates once it stops. */
            MMU_COUNT(st->ad_retries++);
            goto step2;
        }
        MMU_COUNT(st->ad_updates++);
        pte = npte;
    }

    /* 10. The translation is successful: pa.pgoff = va.pgoff; if i > 0,
     *     pa.ppn[i-1:0] = va.vpn[i-1:0]; pa.ppn[LEVELS-1:i] =
     *     pte.ppn[LEVELS-1:i].  Svnapot: pa.ppn[3:0] = va.vpn[0][3:0].
     *     The TLB entry holds the page base; the caller adds the offset. */
    unsigned s = (pte & PTE_N) ? MMU_PAGE_64K : (i == 0 ? MMU_PAGE_4K : (unsigned)i + 1);
    uint64_t ppn = pte_ppn(pte) & ~((1ULL << (mmu_size_shift[s] - 12)) - 1);
    *e = (struct tlb_entry){
        .tag = va >> mmu_size_shift[s],
        .ppn = ppn,
        .host = phys_ram_ptr(pm, ppn << 12, 1ULL << mmu_size_shift[s]),
        .asid = asid,
        .flags = (uint8_t)pte,
        .size = (uint8_t)s,
        .valid = 1,
        .global = upper_global || (pte & PTE_G),
        .pbmt = (uint8_t)((pte >> PTE_PBMT_SHIFT) & 3),
        .levels = (uint8_t)levels,
    };
    res = MMU_OK;
out:
    if (reads > 0)
        MMU_COUNT(st->walk_reads[reads >= 5 ? 4 : reads - 1]++);
    if (__builtin_expect(m->walk_hook != NULL, 0)) {
        struct mmu_walk_event w = {va, acc, res, reads, res == MMU_OK ? e->size : 0, asid};
        m->walk_hook(m->walk_ctx, &w);
    }
    return res;
}
