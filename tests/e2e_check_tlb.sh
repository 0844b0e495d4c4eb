#!/bin/bash
# --check-tlb (docs/DEBUGGING.md, "TLB coherence checker"): the teaching OS,
# which fences correctly, runs all its tests clean on 4 harts (stale uses in
# the window between a PTE change and its shootdown are allowed and only
# counted); with a fence left out on purpose (-append nofence=munmap,
# nofence=cow, and nofence=iommu for the IOTLB) the checker names the hart
# (or the IOMMU), the instruction, the access, the
# cached and current PTEs and the store that changed the PTE, and
# --check-tlb=stop ends the run with exit status 125.  A bad value is a
# usage error.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
OS=$BUILD/examples/os
if [ ! -r "$OS/kernel.elf" ] || [ ! -r "$OS/disk.img" ]; then
    echo "SKIP: the teaching OS is not built (PAGODA_CROSS=OFF)"; exit 0
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
run_os() { # run_os SMP APPEND CHECK-ARGS... > out 2> err
    local smp=$1 app=$2; shift 2
    timeout 900 "$PAGODA" -smp "$smp" -m 256M -nographic -kernel "$OS/kernel.elf" -snapshot \
        -drive file="$OS/disk.img",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 \
        ${app:+-append "$app"} --max-insns 4000000000 "$@"
}

ACCEL=(-M virt,iommu-sys=on -device pagoda-accel)
# under AddressSanitizer (several times slower) the clean run is two tests
# that shoot down across harts and through the IOMMU; elsewhere every test
CLEAN=""
grep -q '^PAGODA_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null && CLEAN="test=shootdown"
echo "== ${CLEAN:-every OS test} on 4 harts, with the IOMMU and the accelerator, runs clean"
run_os 4 "$CLEAN" --check-tlb "${ACCEL[@]}" >"$T/out" 2>"$T/err"; st=$?
if [ -n "$CLEAN" ]; then
    run_os 4 "test=accel_munmap" --check-tlb "${ACCEL[@]}" >>"$T/out" 2>>"$T/err" || st=$?
    grep -q "^PASS accel_munmap" "$T/out" || fail "accel_munmap did not pass: $(tail -3 "$T/out")"
fi
[ $st = 0 ] || fail "exit status $st: $(tail -3 "$T/out" "$T/err")"
grep -qE "^[0-9]+ passed, 0 failed" "$T/out" && ! grep -q "^SKIP accel" "$T/out" \
    || fail "the OS tests did not all pass: $(grep -E 'FAIL|SKIP|passed' "$T/out" | head -5)"
grep -q "used a stale translation" "$T/err" && fail "a correct OS was reported: $(grep -A12 'used a stale' "$T/err" | head -14)"
grep -E "check-tlb: 0 stale uses from missing fences; [0-9]+ in the window" "$T/err" || fail "no summary: $(tail -2 "$T/err")"

echo "== nofence=munmap is caught and stops the run"
run_os 4 "test=munmap nofence=munmap" --check-tlb=stop >"$T/out" 2>"$T/err"; st=$?
[ $st = 125 ] || fail "exit status $st, wanted 125"
for want in "hart 0 used a stale translation" "instruction: pc 0x" "(privilege U," "access:      load of VA 0x1400000000" \
            "cached:      L1 data TLB entry: PA 0x" "memory now:" "level 0 PTE at PA 0x" "a fresh walk faults: V=0: not valid" \
            "changed by:  hart 0, pc 0xffffffc0" "sd zero, 0(" "has not run an sfence.vma covering VA 0x1400000000"; do
    grep -qF "$want" "$T/err" || fail "the report lacks '$want': $(cat "$T/err" | head -20)"
done
grep -q "read .* after munmap" "$T/out" && fail "the guest went on after --check-tlb=stop"

echo "== nofence=cow: a write through the old writable entry"
run_os 1 "test=cow nofence=cow" --check-tlb >"$T/out" 2>"$T/err"; st=$?
grep -q "hart 0 used a stale translation" "$T/err" || fail "nofence=cow not caught (exit $st): $(tail -3 "$T/err")"
grep -q "access:      store of VA" "$T/err" && grep -q "no longer allows this access" "$T/err" \
    || fail "the cow report does not say a store lost its permission: $(head -14 "$T/err")"

echo "== nofence=iommu: the device reads through the stale IOTLB entry"
run_os 4 "test=accel_munmap nofence=iommu" --check-tlb "${ACCEL[@]}" >"$T/out" 2>"$T/err"
for want in "the IOMMU (for a device) used a stale translation" "under iosatp" "a fresh walk faults: V=0: not valid" \
            "changed by:  hart" "no IOTINVAL.VMA covering IOVA"; do
    grep -qF "$want" "$T/err" || fail "the IOMMU report lacks '$want': $(head -16 "$T/err")"
done

echo "== warn reports each, first only the first"
run_os 1 "test=cow nofence=cow" --check-tlb=warn >"$T/out" 2>"$T/err"
nwarn=$(grep -c "used a stale translation" "$T/err")
nsum=$(sed -n 's/.*check-tlb: \([0-9]*\) stale uses from missing fences.*/\1/p' "$T/err")
[ "$nwarn" -ge 1 ] && [ "$nwarn" = "${nsum:-1}" ] || fail "warn printed $nwarn reports, summary says ${nsum:-none}"

echo "== bad value"
"$PAGODA" --check-tlb=sometimes -bios none "$OS/kernel.elf" >"$T/o" 2>&1; st=$?
[ $st = 2 ] && grep -q "bad --check-tlb value" "$T/o" || fail "--check-tlb=sometimes: status $st: $(cat "$T/o")"
[ $rc = 0 ] && echo "e2e:check_tlb passed"
exit $rc
