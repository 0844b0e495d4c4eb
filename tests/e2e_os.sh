#!/bin/bash
# The teaching OS (examples/os, docs/OS.md) runs its self-checking tests: -smp 1 and 4,
# Sv39 and Sv48, on Pagoda's firmware and on OpenSBI fw_jump, then with --ad=fault,
# --tlb-flush=peer, a TLB without L2 and asids=4 (ASID rollovers). Each run must print
# "N passed, 0 failed" and exit 0 (a test may say SKIP where it cannot run: giant,
# which needs 3 GiB of RAM, has a run of its own). A test that cannot be found must make the run exit 1
# on both firmwares (the failure status reaches Pagoda's exit status), and so must the
# shootdown and forkthreads tests when nofence=munmap / nofence=cow leave a fence out.
# With the RISC-V IOMMU and the accelerator (-M virt,iommu-sys=on -device pagoda-accel),
# -smp 1 and 4, Sv39 and Sv48, every test passes, device tests included, and
# nofence=iommu must make accel_munmap fail. Last, the shell (-append shell) answers a
# few commands, without and with the devices.
# Builds nothing: the kernel and disk come from BUILD_DIR/examples/os.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
OS=$BUILD/examples/os
KERNEL=$OS/kernel.elf; DISK=$OS/disk.img
FW=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf
if [ ! -r "$KERNEL" ] || [ ! -r "$DISK" ]; then
  if grep -q '^PAGODA_CROSS:BOOL=OFF' "$BUILD/CMakeCache.txt" 2>/dev/null; then
    echo "SKIP: PAGODA_CROSS is off, so $KERNEL and $DISK are not built"; exit 0
  fi
  echo "FAIL: $KERNEL or $DISK not built"; exit 1
fi
[ -r "$FW" ] || { echo "FAIL: $FW missing (install opensbi)"; exit 1; }
# Under AddressSanitizer every run is ten times slower: there the matrix
# keeps one of each kind (-smp 4 Sv39 on Pagoda's firmware, OpenSBI only for
# the unknown test, -smp 4 Sv48 with the devices) and the full matrix runs
# in the other builds.
SAN=0
grep -q '^PAGODA_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null && SAN=1
# full MATRIX-ENTRY: run this combination (all of them, or only the kept ones under ASan)
full() { [ $SAN = 0 ] || [ "$1" = keep ]; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
NTESTS=$(find "$OS/user" -name 'test_*' -type f | wc -l)
[ "$NTESTS" -gt 0 ] || { echo "FAIL: no test programs in $OS/user"; exit 1; }
rc=0

# run NAME WANT_STATUS WANT_LINE [pagoda options...] -- [bootargs]
# WANT_LINE "all" means: every test either passed or said SKIP ("N passed, 0 failed"
# with N plus the "K skipped" line's K equal to the number of test programs).
run() {
  local name=$1 want_st=$2 want_line=$3; shift 3
  local opts=() args=""
  while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
  [ "${1:-}" = -- ] && { shift; args="$*"; }
  timeout -k 10 300 "$PAGODA" -m 256M -nographic --max-insns 8000000000 "${opts[@]}" \
    -kernel "$KERNEL" -snapshot -drive file="$DISK",if=none,format=raw,id=x0 \
    -device virtio-blk-device,drive=x0 -append "$args" >"$T/out" 2>&1
  local st=$?
  tr -d '\r' <"$T/out" >"$T/clean"
  if [ "$want_line" = all ]; then
    local passed skipped
    passed=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$T/clean")
    skipped=$(sed -n 's/^\([0-9]*\) skipped$/\1/p' "$T/clean")
    if [ -n "$passed" ] && [ $((passed + ${skipped:-0})) = "$NTESTS" ]; then
      want_line="$passed passed, 0 failed"
    else
      want_line="$NTESTS passed (or skipped), 0 failed"
    fi
  fi
  if [ "$st" != "$want_st" ] || ! grep -qx "$want_line" "$T/clean"; then
    echo "FAIL: $name: exit status $st (want $want_st), wanted the line '$want_line'; output:"
    cat "$T/clean"; rc=1
  else
    echo "ok: $name: $want_line${skipped:+, $skipped skipped}, status $st"
  fi
}

ALL=all
for fw in pagoda opensbi; do
  bios=(); [ $fw = opensbi ] && bios=(-bios "$FW")
  for smp in 1 4; do
    for vm in sv39 sv48; do
      full "$([ "$fw$smp$vm" = pagoda4sv39 ] && echo keep)" || continue
      run "$fw -smp $smp $vm" 0 "$ALL" "${bios[@]}" -smp $smp -- vm=$vm
    done
  done
  run "$fw unknown test" 1 "0 passed, 1 failed" "${bios[@]}" -smp 2 -- test=nosuch
done
run "--ad=fault" 0 "$ALL" -smp 4 --ad=fault
full && run "--tlb-flush=peer" 0 "$ALL" -smp 4 --tlb-flush=peer -- vm=sv48
full && run "--tlb l2=0" 0 "$ALL" -smp 4 --tlb l2=0
run "asids=4" 0 "$ALL" -smp 4 -- asids=4
grep -q 'asid: .* [1-9][0-9]* rollovers' "$T/clean" || { echo "FAIL: asids=4 made no ASID rollover"; rc=1; }
run "test=cow" 0 "1 passed, 0 failed" -smp 4 -- test=cow
# 1 GiB pages need an aligned free GiB: skipped above, run here with 3 GiB of RAM.
run "-m 3G test=giant" 0 "1 passed, 0 failed" -smp 2 -m 3G -- test=giant
# The teaching switches leave a fence out: Pagoda's TLB keeps the stale entry and the
# matching test must catch it.
run "nofence=munmap" 1 "0 passed, 1 failed" -smp 4 -- nofence=munmap test=shootdown
grep -q '^FAIL shootdown: .* after munmap returned' "$T/clean" || { echo "FAIL: nofence=munmap: not caught by the threads"; rc=1; }
run "nofence=cow" 1 "0 passed, 1 failed" -smp 4 -- nofence=cow test=forkthreads
grep -q '^FAIL forkthreads: .* saw the parent' "$T/clean" || { echo "FAIL: nofence=cow: not caught by the children"; rc=1; }
# The accelerator behind the RISC-V IOMMU (feature 15): the same runs with the devices,
# where no test may say SKIP (the accel_* tests skip without them), with the device's
# statistics; then nofence=iommu must let accel_munmap see the stale IOTLB entry.
DEV=(-M virt,iommu-sys=on -device pagoda-accel)
for smp in 1 4; do
  for vm in sv39 sv48; do
    full "$([ "$smp$vm" = 4sv48 ] && echo keep)" || continue
    run "accel -smp $smp $vm" 0 "$ALL" "${DEV[@]}" --stats -smp $smp -- vm=$vm
    if grep -q '^SKIP accel' "$T/clean"; then echo "FAIL: accel -smp $smp $vm: a device test skipped"; rc=1; fi
    grep -q '^  page requests [1-9][0-9]* (queued [1-9]' "$T/clean" ||
      { echo "FAIL: accel -smp $smp $vm: --stats shows no page request queued"; rc=1; }
    grep -q '^  completed ok [1-9][0-9]*, bad_desc [1-9][0-9]*, fault [1-9]' "$T/clean" ||
      { echo "FAIL: accel -smp $smp $vm: --stats shows no OK, BAD_DESC and FAULT descriptors"; rc=1; }
  done
done
full || echo "ok: (the full matrix runs in the builds without AddressSanitizer)"
full && run "accel opensbi" 0 "$ALL" "${DEV[@]}" -bios "$FW" -smp 4
run "accel nofence=iommu" 1 "0 passed, 1 failed" "${DEV[@]}" -smp 4 -- nofence=iommu test=accel_munmap
grep -q '^FAIL accel_munmap: stale IOTLB entry' "$T/clean" || { echo "FAIL: nofence=iommu: the stale IOTLB entry was not caught"; rc=1; }
# The shell: list the disk, show the processes, run a test, show the counters, power off.
echo "== -append shell"
python3 "$(dirname "$0")/e2e_console.py" --deadline 120 --exit-code 0 \
  'expect:$ ' send:ls expect:test_cow 'expect:$ ' send:ps expect:running 'expect:$ ' \
  send:cow 'expect:[cow: exit status 0]' send:vmstat 'expect:COW copies' 'expect:$ ' send:poweroff -- \
  "$PAGODA" -smp 2 -m 256M -nographic --max-insns 4000000000 -kernel "$KERNEL" -snapshot \
  -drive file="$DISK",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 -append shell || rc=1
# The shell with the devices: a device test by name, then vmstat's accelerator line.
echo "== -append shell, with the accelerator"
python3 "$(dirname "$0")/e2e_console.py" --deadline 120 --exit-code 0 \
  'expect:$ ' send:accel_errors 'expect:[accel_errors: exit status 0]' 'expect:$ ' send:vmstat \
  'expect:accelerator:' 'expect:$ ' send:poweroff -- \
  "$PAGODA" -smp 2 -m 256M -nographic --max-insns 4000000000 "${DEV[@]}" -kernel "$KERNEL" -snapshot \
  -drive file="$DISK",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 -append shell || rc=1
[ $rc = 0 ] && echo PASS || echo "FAIL: os"
exit $rc
