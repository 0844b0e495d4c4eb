#!/usr/bin/env bash
# Install what is missing, build, and show Pagoda at work:
#  1. a random pointer chase over 512 pages in U-mode under Sv39, with the
#     TLB statistics it produced;
#  2. U-Boot on 4 harts under Pagoda's own SBI firmware, answering `version`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${JOBS:-2}" >/dev/null
echo "== 1. TLB stress under Sv39 (512 x 4 KiB pages), with --stats"
build/pagoda --stats -bios none -m 1G -kernel build/examples/bench/tlbstress-4k-512.elf
echo
echo "== 2. U-Boot on 4 harts with Pagoda's SBI firmware (interactive: build/pagoda -smp 4 -kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin; Ctrl-A X quits)"
python3 tests/e2e_console.py --deadline 120 --log build/demo-uboot.log "expect:Hit any key" "send:" "expect:=>" "send:version" \
    "expect:U-Boot 20" "expect:=>" -- \
    build/pagoda -smp 4 -m 256M -kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
echo
cat build/demo-uboot.log
echo
echo "== done"
