#!/usr/bin/env bash
# Pagoda's firmware emulates misaligned loads/stores when the hart traps
# them (--misaligned=trap): the SBI self-test (which does misaligned
# accesses from S-mode) must still pass, and the firmware's instruction-by-
# instruction emulation self-test must pass.
set -u
PAGODA=$1; BUILD=$2
fail() { echo "FAIL: $*"; exit 1; }
for smp in 1 2; do
  out=$(timeout 60 "$PAGODA" --misaligned=trap -smp $smp -kernel "$BUILD/firmware/sbi-test.elf" 2>&1); rc=$?
  echo "$out" | grep -q "SBI TEST PASS" || fail "sbi-test -smp $smp with --misaligned=trap: $(echo "$out" | tail -3)"
  [ $rc -eq 0 ] || fail "sbi-test -smp $smp exit status $rc"
done
out=$(timeout 60 "$PAGODA" --misaligned=trap -bios "$BUILD/firmware/pagoda-fw-selftest.elf" \
      -kernel "$BUILD/firmware/misaligned-test.elf" 2>&1); rc=$?
echo "$out" | grep -q "MISALIGNED TEST PASS" || fail "misaligned emulation self-test: $(echo "$out" | tail -3)"
[ $rc -eq 0 ] || fail "misaligned self-test exit status $rc"
echo "PASS"
