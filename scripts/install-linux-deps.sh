#!/usr/bin/env bash
# Install what the Linux boot test (tests/linux/build.sh, tests/e2e_linux.sh)
# needs on a Debian 12 machine: the kernel source, a riscv64 Linux cross
# compiler with its C library (for the static init and stress program), the
# kernel build's tools, and the firmware and peer emulator the test boots
# with. Idempotent: apt-get runs only when something is missing; needs root.
set -euo pipefail
PKGS=(linux-source-6.1 gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
      make gcc flex bison bc cpio xz-utils perl python3
      opensbi qemu-system-misc)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
