#!/bin/bash
# OpenSBI (fw_jump or fw_dynamic, the first argument) + U-Boot (S-mode) on
# -smp 1 and -smp 4: the U-Boot prompt appears and `version` answers with the
# U-Boot version line.  Run by e2e_uboot_opensbi_jump.sh and _dynamic.sh.
KIND=${1:?usage: $0 jump|dynamic PAGODA BUILD_DIR}; PAGODA=${2:?}; BUILD=${3:?}
HERE=$(cd "$(dirname "$0")" && pwd)
FW=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_$KIND.elf
UBOOT=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
for f in "$FW" "$UBOOT"; do
  [ -r "$f" ] || { echo "FAIL: $f missing (install opensbi and u-boot-qemu)"; exit 1; }
done
rc=0
for smp in 1 4; do
  echo "== -smp $smp"
  python3 "$HERE/e2e_console.py" --deadline 25 \
    "expect:Hit any key" raw:x "expect:=>" mark:prompt \
    send:version "expect:U-Boot 20" "expect:=>" -- \
    "$PAGODA" -smp $smp -m 256M -nographic -bios "$FW" -kernel "$UBOOT" || rc=1
done
[ $rc = 0 ] && echo PASS || echo "FAIL: U-Boot under OpenSBI fw_$KIND"
exit $rc
