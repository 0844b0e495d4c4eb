#!/bin/bash
# U-Boot (S-mode) on -smp 1 and -smp 4 under a firmware (the first argument):
# "pagoda" for Pagoda's own SBI firmware (no -bios), "jump" or "dynamic" for
# OpenSBI's fw_jump or fw_dynamic.  The prompt appears and `version` answers
# with the U-Boot version line.  A missing firmware is a failure, not a skip.
# Run by e2e_uboot_pagoda_fw.sh, e2e_uboot_opensbi_jump.sh and _dynamic.sh.
KIND=${1:?usage: $0 pagoda|jump|dynamic PAGODA BUILD_DIR}; PAGODA=${2:?}; BUILD=${3:?}
HERE=$(cd "$(dirname "$0")" && pwd)
UBOOT=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
[ -r "$UBOOT" ] || { echo "FAIL: $UBOOT missing (install u-boot-qemu)"; exit 1; }
case $KIND in
  pagoda)
    NAME="Pagoda's firmware"; BIOS=()
    [ -r "$BUILD/firmware/pagoda-fw.elf" ] || {
      echo "FAIL: $BUILD/firmware/pagoda-fw.elf not built (PAGODA_CROSS off or firmware build failed)"; exit 1; } ;;
  jump|dynamic)
    NAME="OpenSBI fw_$KIND"; FW=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_$KIND.elf; BIOS=(-bios "$FW")
    [ -r "$FW" ] || { echo "FAIL: $FW missing (install opensbi)"; exit 1; } ;;
  *) echo "FAIL: unknown firmware kind '$KIND' (pagoda, jump or dynamic)"; exit 1 ;;
esac
rc=0
for smp in 1 4; do
  echo "== -smp $smp"
  python3 "$HERE/e2e_console.py" --deadline 25 \
    "expect:Hit any key" raw:x "expect:=>" mark:prompt \
    send:version "expect:U-Boot 20" "expect:=>" -- \
    "$PAGODA" -smp $smp -m 256M -nographic "${BIOS[@]}" -kernel "$UBOOT" || rc=1
done
[ $rc = 0 ] && echo PASS || echo "FAIL: U-Boot under $NAME"
exit $rc
