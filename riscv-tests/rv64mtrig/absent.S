/* rv64mtrig/absent: without Sdtrig (-cpu rv64,sdtrig=off) every trigger
 * CSR is illegal in M-mode.
 * pagoda-args: -cpu rv64,sdtrig=off
 * qemu-check: cpu rv64,debug=false
 */
#include "macros.h"
#include "trig.h"

RVTEST_CODE_BEGIN
        TEST_TRAP(2, 2, csrr a0, CSR_TSELECT)
        TEST_TRAP(3, 2, csrw CSR_TSELECT, x0)
        TEST_TRAP(4, 2, csrr a0, CSR_TDATA1)
        TEST_TRAP(5, 2, csrw CSR_TDATA1, x0)
        TEST_TRAP(6, 2, csrr a0, CSR_TDATA2)
        TEST_TRAP(7, 2, csrr a0, CSR_TDATA3)
        TEST_TRAP(8, 2, csrr a0, CSR_TINFO)
        TEST_TRAP(9, 2, csrr a0, CSR_TCONTROL)
        TEST_PASSFAIL

TRAP_HANDLER_SKIP
RVTEST_CODE_END

RVTEST_DATA_BEGIN
RVTEST_DATA_END
