#!/bin/bash
# Decoded code is never stale (DESIGN.md, "Errors"): tests/guest/stale_code.c
# rewrites code pages that already ran, without fence.i, by its own stores,
# by virtio-blk DMA from a disk made here and by another hart's stores, and
# checks that the new code runs; fence.i is the control.  Run with the
# default quantum, a small one and a large one (-smp 2).
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/stale_code.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
# sector 0: li a0, 0x5a5; ret   sector 1: li a0, 0x3c3; ret   (then zeros)
python3 - "$T/disk.img" <<'PY'
import struct, sys
li = lambda v: (v << 20) | (10 << 7) | 0x13
img = bytearray(8 * 512)
img[0:8] = struct.pack('<II', li(0x5a5), 0x8067)
img[512:520] = struct.pack('<II', li(0x3c3), 0x8067)
open(sys.argv[1], 'wb').write(img)
PY
for extra in "" "--quantum 13" "--quantum 100000"; do
  what="-smp 2 $extra"
  echo "== $what"
  # shellcheck disable=SC2086 # $extra is split into options on purpose
  timeout -k 5 60 "$PAGODA" -smp 2 -m 64M -bios none -nographic --timeout 40 --max-insns 200000000 $extra \
    -drive file="$T/disk.img",if=none,format=raw,id=d0 -device virtio-blk-device,drive=d0 -snapshot \
    -kernel "$GUEST" >"$T/out" 2>"$T/err"; st=$?
  tr -d '\r' <"$T/out" >"$T/got"
  cat "$T/got" "$T/err"
  [ $st = 0 ] || fail "$what: exit status $st, wanted 0"
  grep -qx "STALE_CODE OK" "$T/got" || fail "$what: no STALE_CODE OK"
done
[ $rc = 0 ] && echo PASS || echo "FAIL: stale_code"
exit $rc
