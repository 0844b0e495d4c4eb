#!/usr/bin/env bash
# Install what is missing, build, and show Pagoda at work:
#  1. the teaching OS (examples/os/) running its paging tests on 4 harts,
#     in the TLB view: a window when there is a display (it stays open
#     until closed), else a PNG of the view, whose path is printed;
#  2. a random pointer chase over 512 pages in U-mode under Sv39, with the
#     TLB statistics it produced;
#  3. U-Boot on 4 harts under Pagoda's own SBI firmware, answering `version`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
echo "== building (the first time takes a few minutes)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"${JOBS:-2}" >/dev/null
OS=(-smp 4 -m 256M -nographic -kernel build/examples/os/kernel.elf -snapshot
    -drive file=build/examples/os/disk.img,if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0)
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && build/pagoda --view=hold "${OS[@]}"; then
    echo "== 1. the teaching OS on 4 harts, in the TLB view window (docs/VIEW.md)"
else
    echo "== 1. the teaching OS on 4 harts, its TLB view drawn off-screen (no display; docs/VIEW.md)"
    build/pagoda "${OS[@]}" --view-png build/demo-view.png
    echo "the view at the end of the run: $(pwd)/build/demo-view.png"
fi
echo
echo "== 2. TLB stress under Sv39 (512 x 4 KiB pages), with --stats"
build/pagoda --stats -bios none -m 1G -kernel build/examples/bench/tlbstress-4k-512.elf
echo
echo "== 3. U-Boot on 4 harts with Pagoda's SBI firmware (interactive: build/pagoda -smp 4 -kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin; Ctrl-A X quits)"
python3 tests/e2e_console.py --deadline 120 --log build/demo-uboot.log "expect:Hit any key" "send:" "expect:=>" "send:version" \
    "expect:U-Boot 20" "expect:=>" -- \
    build/pagoda -smp 4 -m 256M -kernel /usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
echo
cat build/demo-uboot.log
echo
echo "== done"
