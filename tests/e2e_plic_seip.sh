#!/bin/bash
# mip.SEIP follows the PLIC (issue #17): four harts in S-mode, their M-mode
# sets and clears mip.SSIP (and injects an SSI as OpenSBI does) while the
# UART's PLIC line to their S contexts is high (tests/guest/plic_seip.c).
# After the claim, the completion and the device's condition cleared,
# sip.SEIP and mip.SEIP must read 0 and SEIs must stop: a csrs/csrc on mip
# that wrote back the PLIC's signal latched SEIP and stormed.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/plic_seip.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
for extra in "" "--quantum 100000"; do
  what="-smp 4 $extra"
  echo "== $what"
  # shellcheck disable=SC2086 # $extra is split into options on purpose
  timeout -k 5 60 "$PAGODA" -smp 4 -m 64M -bios none -nographic --timeout 40 --max-insns 200000000 $extra \
    -kernel "$GUEST" >"$T/out" 2>"$T/err"; st=$?
  tr -d '\r' <"$T/out" >"$T/got"
  cat "$T/got" "$T/err"
  [ $st = 0 ] || fail "$what: exit status $st, wanted 0"
  grep -qx "PLIC_SEIP OK" "$T/got" || fail "$what: no PLIC_SEIP OK"
  for h in 0 1 2 3; do
    grep -q "^hart $h: 20 SSI," "$T/got" || fail "$what: hart $h did not take one SSI per round"
  done
done
[ $rc = 0 ] && echo PASS || echo "FAIL: plic_seip"
exit $rc
