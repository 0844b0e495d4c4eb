#!/usr/bin/env bash
# Install what Pagoda needs on a Debian 12 machine, and the packages named
# as arguments (scripts/install-linux-deps.sh passes the Linux test's).
# Idempotent: apt-get runs only when something is missing; needs root.
set -euo pipefail
PKGS=(cmake make gcc clang pkg-config libelf-dev libfdt-dev libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev fonts-dejavu-core
      xvfb xauth xdotool imagemagick libcmocka-dev gdb-multiarch
      gcc-riscv64-unknown-elf binutils-riscv64-unknown-elf picolibc-riscv64-unknown-elf
      qemu-system-misc opensbi u-boot-qemu device-tree-compiler python3 "$@")
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${missing[@]}"
fi
