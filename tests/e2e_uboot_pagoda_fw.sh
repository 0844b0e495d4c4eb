#!/bin/bash
# U-Boot (S-mode) under Pagoda's own SBI firmware (no -bios) on -smp 1 and
# -smp 4: the prompt appears and `version` answers.  A missing firmware build
# is a failure, not a skip.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
HERE=$(cd "$(dirname "$0")" && pwd)
UBOOT=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
[ -r "$UBOOT" ] || { echo "FAIL: $UBOOT missing (install u-boot-qemu)"; exit 1; }
[ -r "$BUILD/firmware/pagoda-fw.elf" ] || {
  echo "FAIL: $BUILD/firmware/pagoda-fw.elf not built (PAGODA_CROSS off or firmware build failed)"; exit 1; }
rc=0
for smp in 1 4; do
  echo "== -smp $smp"
  python3 "$HERE/e2e_console.py" --deadline 25 \
    "expect:Hit any key" raw:x "expect:=>" mark:prompt \
    send:version "expect:U-Boot 20" "expect:=>" -- \
    "$PAGODA" -smp $smp -m 256M -nographic -kernel "$UBOOT" || rc=1
done
[ $rc = 0 ] && echo PASS || echo "FAIL: U-Boot under Pagoda's firmware"
exit $rc
