#!/usr/bin/env bash
# Time Pagoda beside QEMU on the same Linux run, alternately:
#
#   bash tests/linux/compare.sh [PAGODA] [RUNS]
#
# For -smp 1, 2 and 4, Pagoda and qemu-system-riscv64 -M virt boot the same
# kernel, initramfs and OpenSBI fw_jump with the same -m, RUNS times each
# (default 1), alternating; each line gives the host seconds to the init's
# banner and to the stress program's PASS line (tests/linux/boot.sh).  The
# kernel must be built (bash tests/linux/build.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PAGODA=${1:-$HERE/../../build/pagoda}
RUNS=${2:-1}
command -v qemu-system-riscv64 >/dev/null || { echo "qemu-system-riscv64 missing (install qemu-system-misc)"; exit 1; }
eval "$(bash "$HERE/build.sh" --no-kernel-build)" || exit 1
export KERNEL INITRD
echo "kernel $KERNEL"; echo "initrd $INITRD"; echo "$(nproc) host CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
for smp in 1 2 4; do
  for _ in $(seq "$RUNS"); do
    printf 'pagoda: '; LINUX_QUIET=1 bash "$HERE/boot.sh" "$PAGODA" "$smp" opensbi
    printf 'qemu:   '; LINUX_QUIET=1 bash "$HERE/boot.sh" qemu "$smp" opensbi
  done
done
