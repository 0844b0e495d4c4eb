#!/usr/bin/env bash
# Build (or reuse) the Linux kernel and the initramfs of the Linux boot test.
#
#   bash tests/linux/build.sh             build what is missing (the kernel takes minutes)
#   bash tests/linux/build.sh --no-kernel-build
#                                         build the initramfs if missing, but fail at once
#                                         when the kernel is not in the cache (for CTest)
#
# Progress goes to stderr; stdout gets two shell assignments, KERNEL=... and
# INITRD=..., the paths of the cached Image and initramfs.
#
# The kernel is Debian's linux-source-6.1 configured as tinyconfig plus
# tests/linux/virt.config.  It is cached outside the clone, in
#   ${PAGODA_CACHE:-$HOME/.cache/pagoda}/linux-<Debian version>-<key>/
# where key is a hash of virt.config and this script, so a fresh clone on the
# same machine (CI) reuses it until the source package, the fragment or this
# script changes.  The initramfs (tests/linux/init.c and stress.c, static) is
# cached beside it under a hash of those sources and this script.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
NO_KERNEL_BUILD=0
case ${1:-} in
  "") ;;
  --no-kernel-build) NO_KERNEL_BUILD=1 ;;
  *) echo "usage: $0 [--no-kernel-build]" >&2; exit 2 ;;
esac
JOBS=${JOBS:-2}
CROSS=riscv64-linux-gnu-
TARBALL=/usr/src/linux-source-6.1.tar.xz
CACHE=${PAGODA_CACHE:-$HOME/.cache/pagoda}
T0=$SECONDS
say() { echo "linux-build [$((SECONDS - T0))s]: $*" >&2; }
die() { echo "linux-build: FAIL: $*" >&2; exit 1; }

need() { command -v "$1" >/dev/null || die "$1 not found (run: bash scripts/install-linux-deps.sh)"; }
need ${CROSS}gcc; need cpio; need sha256sum
if ! VER=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) || [ ! -r "$TARBALL" ]; then
  die "linux-source-6.1 is not installed (run: bash scripts/install-linux-deps.sh)"
fi

hash_of() { cat "$@" | sha256sum | cut -c1-16; }
KDIR=$CACHE/linux-$VER-$(hash_of "$HERE/virt.config" "$HERE/build.sh")
INITRD=$CACHE/linux-initramfs-$(hash_of "$HERE/init.c" "$HERE/stress.c" "$HERE/perftlb.c" "$HERE/build.sh").cpio
mkdir -p "$CACHE"
# one build at a time per cache (two CI runs, or the test and a person)
exec 9>"$CACHE/.linux-build.lock"
flock 9
# what a build that was killed left behind (a source tree is 1.5 GB); no
# other build runs while we hold the lock
rm -rf "$CACHE"/linux-work.* "$CACHE"/linux-initramfs.*/

# check_config CONFIG FRAGMENT: every option the fragment sets is in the
# final .config with the same value, every option it unsets is unset.
check_config() {
  local cfg=$1 frag=$2 bad=0 line opt
  while IFS= read -r line; do
    case $line in
      CONFIG_*=*)
        grep -qxF -- "$line" "$cfg" ||
          { echo "  wanted $line, got: $(grep -E "^(# )?${line%%=*}[= ]" "$cfg" || echo "(absent)")" >&2; bad=1; } ;;
      "# CONFIG_"*" is not set")
        opt=${line#\# }; opt=${opt%% *}
        ! grep -q "^$opt=" "$cfg" || { echo "  wanted $opt unset, got: $(grep "^$opt=" "$cfg")" >&2; bad=1; } ;;
    esac
  done <"$frag"
  return $bad
}

build_kernel() {
  local work log start pid
  work=$(mktemp -d "$CACHE/linux-work.XXXXXX")
  log=$work/build.log
  # shellcheck disable=SC2064  # $work is expanded now, on purpose
  trap "rm -rf '$work'" EXIT
  start=$SECONDS
  say "building Linux $VER for riscv64 into $KDIR (a first build takes minutes; log: $log)"
  say "stage 1/5: unpacking $TARBALL"
  tar -xf "$TARBALL" -C "$work"
  local src=$work/linux-source-6.1
  local mk=(make -C "$src" ARCH=riscv "CROSS_COMPILE=$CROSS")
  say "stage 2/5: tinyconfig + virt.config + olddefconfig"
  { "${mk[@]}" tinyconfig &&
    (cd "$src" && ARCH=riscv scripts/kconfig/merge_config.sh -m .config "$HERE/virt.config") &&
    "${mk[@]}" olddefconfig; } >>"$log" 2>&1 ||
    { tail -40 "$log" >&2; die "configuring the kernel failed (log above)"; }
  say "stage 3/5: checking that every option of virt.config is in .config"
  check_config "$src/.config" "$HERE/virt.config" ||
    die "the kernel configuration lacks options of tests/linux/virt.config (listed above): a missing dependency?"
  say "  all $(grep -c -E '^(CONFIG_|# CONFIG_.* is not set)' "$HERE/virt.config") options of virt.config are as asked"
  say "stage 4/5: make -j$JOBS Image (log: $log)"
  "${mk[@]}" -j"$JOBS" Image >>"$log" 2>&1 &
  pid=$!
  # a line a minute while make runs, so a person (or CI's log) sees it move
  while kill -0 $pid 2>/dev/null; do
    for _ in $(seq 60); do sleep 1; kill -0 $pid 2>/dev/null || break; done
    kill -0 $pid 2>/dev/null &&
      say "  ... $(grep -c '^  CC' "$log" || true) files compiled, last: $(grep -E '^  [A-Z]+' "$log" | tail -1 | sed 's/^ *//')"
  done
  wait $pid || { echo "---- last lines of $log" >&2; tail -40 "$log" >&2; die "the kernel build failed (log above)"; }
  say "stage 5/5: saving Image, .config and System.map"
  local out=$work/out
  mkdir "$out"
  cp "$src/arch/riscv/boot/Image" "$src/.config" "$src/System.map" "$log" "$out/"
  echo "$((SECONDS - start))" >"$out/build-seconds"
  rm -rf "$KDIR"
  mv "$out" "$KDIR"
  rm -rf "$work"
  trap - EXIT
  say "kernel built in $((SECONDS - start)) s: $KDIR/Image"
}

build_initramfs() {
  local work
  work=$(mktemp -d "$CACHE/linux-initramfs.XXXXXX")
  # shellcheck disable=SC2064  # $work is expanded now, on purpose
  trap "rm -rf '$work'" EXIT
  say "building the initramfs (static init and stress program) into $INITRD"
  mkdir -p "$work/root/bin" "$work/root/proc" "$work/root/sys" "$work/root/dev" "$work/root/tmp"
  local cc=("${CROSS}gcc" -static -O2 -g0 -Wall -Wextra -Werror -std=gnu11)
  "${cc[@]}" -o "$work/root/init" "$HERE/init.c" || die "compiling tests/linux/init.c failed"
  "${cc[@]}" -pthread -o "$work/root/bin/stress" "$HERE/stress.c" || die "compiling tests/linux/stress.c failed"
  "${cc[@]}" -o "$work/root/bin/perftlb" "$HERE/perftlb.c" || die "compiling tests/linux/perftlb.c failed"
  "${CROSS}strip" "$work/root/init" "$work/root/bin/stress" "$work/root/bin/perftlb"
  (cd "$work/root" && find . -mindepth 1 | LC_ALL=C sort |
     cpio --quiet --reproducible -o -H newc --owner=0:0 >"$work/initramfs.cpio") ||
    die "making the cpio archive failed"
  mv "$work/initramfs.cpio" "$INITRD"
  rm -rf "$work"
  trap - EXIT
}

if [ ! -r "$KDIR/Image" ]; then
  [ $NO_KERNEL_BUILD = 0 ] ||
    die "no cached kernel at $KDIR/Image: build it first with 'bash tests/linux/build.sh' (minutes; scripts/test.sh does this before ctest)"
  build_kernel
else
  say "reusing the cached kernel $KDIR/Image (built in $(cat "$KDIR/build-seconds" 2>/dev/null || echo '?') s)"
fi
[ -r "$INITRD" ] || build_initramfs
echo "KERNEL=$KDIR/Image"
echo "INITRD=$INITRD"
