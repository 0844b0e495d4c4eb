/* intmix-sv39: the same integer mix as intmix, run in U-mode under Sv39 with
 * 4 KiB pages. M-mode is the supervisor: it builds an identity map of the
 * image (4 KiB leaves, A/D preset, U set on the user image and the UART),
 * enters U-mode with mret, and ends the run on the user's exit ecall. */
#include "intmix_work.h"
#include "vm.h"

static void user_main(void)
{
    int ok;
    intmix_run("intmix-sv39 (U-mode, Sv39, 4 KiB pages)", &ok);
    bench_exit(ok ? 0 : 1);
}

int main(void)
{
    pmp_allow_all();
    vm_init();
    vm_map_image(PTE_U);
    csr_write(satp, vm_satp());
    sfence_vma_all();
    rt_priv = PRIV_U;
    enter_lower((u64)user_main, (u64)_stacks_end, PRIV_U);
}
