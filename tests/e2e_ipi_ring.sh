#!/bin/bash
# Four harts pass a CLINT MSIP interrupt around a ring 1000 times, sleeping
# in wfi, and add to shared counters with AMOs and LR/SC; hart 0 checks all
# counts (tests/guest/ipi.c).  Run with the default and a small quantum.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/ipi.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
for extra in "" "--quantum 13"; do
  echo "== -smp 4 -bios none $extra"
  timeout 40 "$PAGODA" -smp 4 -m 64M -bios none -nographic --timeout 30 $extra \
    -kernel "$GUEST" >"$T/out" 2>"$T/err"; st=$?
  cat "$T/out" "$T/err"
  want="hart 0 received 1000 IPIs
hart 1 received 1000 IPIs
hart 2 received 1000 IPIs
hart 3 received 1000 IPIs
amoadd total 80000, lr/sc total 80000 (want 80000)
IPI OK"
  got=$(tr -d '\r' <"$T/out")
  [ $st = 0 ] || { echo "FAIL: exit status $st, wanted 0"; rc=1; }
  [ "$got" = "$want" ] || { echo "FAIL: output differs from:"; echo "$want"; rc=1; }
done
[ $rc = 0 ] && echo PASS || echo "FAIL: ipi_ring"
exit $rc
