#!/usr/bin/env bash
# Install what the Linux boot test (tests/linux/build.sh, tests/e2e_linux.sh)
# needs on a Debian 12 machine besides Pagoda's own packages: the kernel
# source, a riscv64 Linux cross compiler with its C library (for the static
# init and stress program), and the kernel build's tools.
set -euo pipefail
exec bash "$(dirname "$0")/install-deps.sh" linux-source-6.1 gcc-riscv64-linux-gnu libc6-dev-riscv64-cross \
     flex bison bc cpio xz-utils perl
