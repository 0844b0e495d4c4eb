/* Cache-block operations: Zicbom (cbo.clean, cbo.flush, cbo.inval), Zicboz
 * (cbo.zero) and Zicbop (prefetch.i/r/w); unprivileged spec, chapter
 * "Cache-Management Operations", and the envcfg fields of the privileged
 * spec.  Pagoda models no data cache (memory is always coherent with what
 * the harts and devices see), so the management operations only check that
 * they may run and may touch the block; cbo.zero writes the block's zeros;
 * the prefetches do nothing. */
#include <string.h>

#include "hart.h"

/* Whether the CBO that field (of menvcfg, henvcfg and senvcfg) enables may
 * run in the hart's mode: always in M; in HS/S when menvcfg's field is
 * not 0; in U when neither menvcfg's nor senvcfg's is (CBIE's 00, CBCFE's
 * and CBZE's 0 make it an illegal instruction).  With V = 1 menvcfg's 0 is
 * still illegal, but henvcfg's 0 (and in VU senvcfg's) is a
 * virtual-instruction exception (CMO chapter, "Cache-Block Management
 * Instructions" and "Cache-Block Zero Instructions").  Raises the
 * exception and returns false when it may not. */
static bool cbo_enabled(struct hart *h, const struct insn *d, uint64_t field)
{
    if (h->priv == PRIV_M) return true;
    if (!(h->menvcfg & field)) {
        hart_illegal(h, d);
        return false;
    }
    if (h->virt) {
        if (!(h->henvcfg & field) || (h->priv == PRIV_U && !(h->senvcfg & field))) {
            hart_virtual_insn(h, d);
            return false;
        }
        return true;
    }
    if (h->priv == PRIV_S || (h->senvcfg & field)) return true;
    hart_illegal(h, d);
    return false;
}

/* cbo.zero: the block's bytes become zero, as by stores: translated for a
 * store (page fault 15 on a read-only or unmapped page, D set), PMP
 * checked on the whole block.  A fault reports rs1 itself, not the block's
 * start (as Sail's model).  A block that is not RAM (a device) takes a
 * store access fault: device memory holds no cache blocks. */
void exec_cbo_zero(struct hart *h, const struct insn *d)
{
    if (!cbo_enabled(h, d, ENVCFG_CBZE)) return;
    uint64_t va = h->x[d->rs1];
    struct mmu_xlate x;
    enum mmu_result r = mmu_translate_n(h->mmu, va & ~(uint64_t)(CBO_BLOCK_SIZE - 1), CBO_BLOCK_SIZE, MMU_STORE,
                                        &h->xlate_req, &x);
    if (r != MMU_OK) {
        hart_raise_xlate(h, r, MMU_STORE, va, &x); /* store faults, tval = rs1 */
        return;
    }
    if (!x.host) {
        hart_raise(h, EXC_STORE_ACCESS, va);
        return;
    }
    memset(x.host, 0, CBO_BLOCK_SIZE);
}

/* The management operations may touch a block that a load or a store could
 * (CMO chapter, "Cache-Block Management Instructions"); translated as a
 * load (A is set; a PMP region that allows stores allows loads too, W
 * without R being reserved), and a fault is reported as a store page or
 * access fault with tval = rs1. */
static void cbo_manage(struct hart *h, const struct insn *d)
{
    uint64_t va = h->x[d->rs1];
    struct mmu_xlate x;
    enum mmu_result r = mmu_translate_n(h->mmu, va & ~(uint64_t)(CBO_BLOCK_SIZE - 1), CBO_BLOCK_SIZE, MMU_LOAD,
                                        &h->xlate_req, &x);
    if (r != MMU_OK) hart_raise_xlate(h, r, MMU_STORE, va, &x); /* store faults, tval = rs1 */
}

void exec_cbo_clean(struct hart *h, const struct insn *d)
{
    if (!cbo_enabled(h, d, ENVCFG_CBCFE)) return;
    cbo_manage(h, d);
}

void exec_cbo_flush(struct hart *h, const struct insn *d) { exec_cbo_clean(h, d); }

/* cbo.inval: CBIE = 01 makes it a flush below M, 11 an invalidation;
 * without a cache both leave memory as it is. */
void exec_cbo_inval(struct hart *h, const struct insn *d)
{
    if (!cbo_enabled(h, d, ENVCFG_CBIE)) return;
    cbo_manage(h, d);
}

/* prefetch.i/r/w: hints that never trap, whatever the address. */
void exec_prefetch(struct hart *h, const struct insn *d) { HART_NEXT_PURE(h, d); }
