/* rv64ui/simple: the environment itself: reaching pass works, gp is the case */
#include "macros.h"

RVTEST_CODE_BEGIN
        TEST_CASE(2, gp, 2, nop)
        TEST_PASSFAIL
RVTEST_CODE_END

        RVTEST_DATA_BEGIN
        RVTEST_DATA_END
