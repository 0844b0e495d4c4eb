/* rv64si/canonical_sv48: canonical.S under Sv48 (bit 47). */
#define VM_SV48
#include "canonical.S"
