/* Removing translations: sfence.vma / sinval.vma (and the IOMMU's
 * IOTINVAL.VMA, which has the same four forms), the H extension's
 * hfence.vvma and hfence.gvma (and their hinval forms), and the whole
 * flush of --tlb-flush=peer. */
#include "mmu_fast.h"

/* Remove the entries in scope from every TLB and the PWC; their count. */
static unsigned fence_scope(struct mmu *m, const struct tlb_scope *sc)
{
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence_scope(&m->tlb[k], sc);
    if (m->pwc.t.e)
        removed += pwc_fence_scope(&m->pwc, sc);
    return removed;
}

/* After a fence removed entries: what caches them must look again. */
static void fenced(struct mmu *m, unsigned removed)
{
    if (removed) {
        m->gen++;
        mmu_both_l1_changed(m);
    }
}

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
     * is always permitted).  Executed with V=0 it concerns only the
     * HS-level (V=0) translations: the guests' are hfence.vvma's and
     * hfence.gvma's ("Hypervisor Memory-Management Fence Instructions"). */
    int kind = (has_va ? 2 : 0) | (has_asid ? 1 : 0);
    unsigned removed = 0;
    for (int k = 0; k < 3; k++)
        removed += tlb_fence(&m->tlb[k], has_va, va, has_asid, asid);
    if (m->pwc.t.e)
        removed += pwc_fence(&m->pwc, has_va, va, has_asid, asid);
    MMU_COUNT(m->st.fences[kind]++);
    MMU_COUNT(m->st.fence_removed[kind] += removed);
    fenced(m, removed);
}

void mmu_flush_all(struct mmu *m)
{
    struct tlb_scope sc = { .kinds = TLB_KINDS_ALL };
    unsigned removed = fence_scope(m, &sc);
    MMU_COUNT(m->st.flush_all++);
    fenced(m, removed);
}

void mmu_hfence_vvma(struct mmu *m, uint16_t vmid, bool has_va, uint64_t va, bool has_asid, uint16_t asid)
{
    /* Privileged spec, "Hypervisor Memory-Management Fence Instructions":
     * HFENCE.VVMA is SFENCE.VMA for the VS-level translations of the VMID
     * in hgatp (rs1 a guest virtual address, rs2 an ASID), which are
     * every combined VS+G entry of that VMID and its VS-stage non-leaf
     * PTEs in the PWC; G-stage entries stay.  Combined entries made under
     * vsatp Bare count as global mappings (kept when rs2 != x0). */
    int kind = (has_va ? 2 : 0) | (has_asid ? 1 : 0);
    struct tlb_scope sc = { .kinds = 1u << TLB_KIND_VS | 1u << TLB_KIND_VSBARE, .has_vmid = true, .vmid = vmid,
                            .has_va = has_va, .va = va, .has_asid = has_asid, .asid = asid };
    unsigned removed = fence_scope(m, &sc);
    MMU_COUNT(m->st.hfence_vvma[kind]++);
    MMU_COUNT(m->st.hfence_vvma_removed[kind] += removed);
    fenced(m, removed);
}

void mmu_hfence_gvma(struct mmu *m, bool has_gpa, uint64_t gpa, bool has_vmid, uint16_t vmid)
{
    /* HFENCE.GVMA orders stores before G-stage translation: the G-stage
     * entries of that guest physical address (rs1 != x0; the instruction's
     * rs1 holds it shifted right by 2, the caller undoes that) in that VMID
     * (rs2 != x0).  A combined VS+G entry holds a G-stage translation
     * without its guest physical address, so every combined entry of the
     * VMID (or of all VMIDs) goes too; the VS-stage non-leaf PTEs in the PWC
     * (guest virtual -> guest physical) do not depend on the G-stage and
     * stay, as the spec's note on HFENCE.GVMA allows. */
    int kind = (has_gpa ? 2 : 0) | (has_vmid ? 1 : 0);
    struct tlb_scope g = { .kinds = 1u << TLB_KIND_G, .has_vmid = has_vmid, .vmid = vmid,
                           .has_va = has_gpa, .va = gpa };
    struct tlb_scope c = { .kinds = 1u << TLB_KIND_VS | 1u << TLB_KIND_VSBARE, .has_vmid = has_vmid,
                           .vmid = vmid };
    unsigned removed = fence_scope(m, &g);
    for (int k = 0; k < 3; k++)
        removed += tlb_fence_scope(&m->tlb[k], &c);
    MMU_COUNT(m->st.hfence_gvma[kind]++);
    MMU_COUNT(m->st.hfence_gvma_removed[kind] += removed);
    fenced(m, removed);
}
