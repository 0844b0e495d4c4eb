/* intmix: the integer mix in M-mode, no translation. */
#include "intmix_work.h"

int main(void)
{
    int ok;
    intmix_run("intmix (M-mode, bare)", &ok);
    return ok ? 0 : 1;
}
