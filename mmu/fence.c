/* Removing translations: sfence.vma / sinval.vma (and the IOMMU's
 * IOTINVAL.VMA, which has the same four forms) and the whole flush of
 * --tlb-flush=peer. */
#include "mmu_fast.h"

void mmu_sfence_vma(struct mmu *m, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    /* Privileged spec, "Supervisor Memory-Management Fence Instruction":
     *  rs1=x0,  rs2=x0:  all entries, all address spaces (and the PWC);
     *  rs1=x0,  rs2!=x0: all entries of that ASID except global mappings;
     *  rs1!=x0, rs2=x0:  leaf entries mapping va, every address space,
     *                    global ones included;
     *  rs1!=x0, rs2!=x0: leaf entries mapping va in that ASID, not global.
     * With rs1 != x0 the fence only orders leaf PTEs; we also drop the PWC
     * entries on va's path, which the spec allows (flushing more of a cache
     * is always permitted). */
    int kind = (has_va ? 2 : 0) | (has_asid ? 1 : 0);
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence(&m->tlb[k], has_va, va, has_asid, asid);
    if (m->pwc.t.e)
        removed += pwc_fence(&m->pwc, has_va, va, has_asid, asid);
    MMU_COUNT(m->st.fences[kind]++);
    MMU_COUNT(m->st.fence_removed[kind] += removed);
    if (removed) {
        m->gen++;
        mmu_both_l1_changed(m);
    }
}

void mmu_flush_all(struct mmu *m)
{
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence(&m->tlb[k], false, 0, false, 0);
    if (m->pwc.t.e)
        removed += pwc_fence(&m->pwc, false, 0, false, 0);
    MMU_COUNT(m->st.flush_all++);
    if (removed) {
        m->gen++;
        mmu_both_l1_changed(m);
    }
}

/* Interface stubs of the H extension until the two-stage MMU lands: they
 * remove everything, which any fence may do (a stub, not the model). */
void mmu_hfence_vvma(struct mmu *m, uint16_t vmid, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    (void)vmid, (void)has_va, (void)va, (void)has_asid, (void)asid;
    mmu_flush_all(m);
}

void mmu_hfence_gvma(struct mmu *m, bool has_gpa, uint64_t gpa, bool has_vmid, uint16_t vmid)
{
    (void)has_gpa, (void)gpa, (void)has_vmid, (void)vmid;
    mmu_flush_all(m);
}
