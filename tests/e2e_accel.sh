#!/bin/bash
# The accelerator behind the RISC-V IOMMU, end to end (docs/DEVICES.md,
# "Accelerator"): the accelcopy guests (examples/bench/accelcopy.c) set up
# the IOMMU and the device themselves, copy 64 MiB through a PASID's Sv39
# tables, check the copy and exit 0; --stats-json must agree with what
# they did (256 or 4 COPY descriptors, 64 MiB, no faults; every 4 KiB
# piece of the cold run misses the IOTLB), and the IOTLB misses must cost
# guest time.  Then the command line and the device tree.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
B=$BUILD/examples/bench
for f in accelcopy-dev-hot.elf accelcopy-dev-cold.elf; do
    [ -r "$B/$f" ] || { echo "FAIL: $B/$f not built"; exit 1; }
done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
ACCEL=(-M virt,iommu-sys=on -device pagoda-accel)

for v in hot cold; do
    echo "== accelcopy-dev-$v"
    timeout 300 "$PAGODA" -bios none -m 1G "${ACCEL[@]}" --max-insns 2000000000 --stats-json "$T/$v.json" \
        "$B/accelcopy-dev-$v.elf" >"$T/$v.out" 2>"$T/$v.err"; st=$?
    [ $st = 0 ] || fail "$v: exit status $st: $(tail -3 "$T/$v.out" "$T/$v.err")"
    grep -E "^guest: device copy.*bytes/us" "$T/$v.out" || fail "$v: no guest: line"
done
python3 - "$T/hot.json" "$T/cold.json" "$T/hot.out" "$T/cold.out" <<'PY' || rc=1
import json, re, sys
errs = []
hot, cold = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for name, d, copies in (("hot", hot, 256), ("cold", cold, 4)):
    a, io = d.get("accel"), d.get("iommu")
    if not a or not io:
        errs.append(f"{name}: no accel or iommu object in --stats-json"); continue
    if a["descriptors"]["copy"] != copies: errs.append(f"{name}: {a['descriptors']['copy']} copies, wanted {copies}")
    if a["status"] != {"ok": copies, "bad_desc": 0, "fault": 0}: errs.append(f"{name}: statuses {a['status']}")
    if a["bytes"] != 64 << 20: errs.append(f"{name}: {a['bytes']} bytes, wanted 64 MiB")
    if io["fault_records"] or io["faults_by_cause"]: errs.append(f"{name}: IOMMU faults {io['faults_by_cause']}")
    if io["iotlb"]["lookups"] != io["iotlb"]["hits"] + io["iotlb"]["misses"]: errs.append(f"{name}: lookups != hits + misses")
# hot: 64 + 64 pages, each missed once; cold: 2 x 16384 pieces of a page, every one a miss
if hot["iommu"]["iotlb"]["misses"] != 128: errs.append(f"hot: {hot['iommu']['iotlb']['misses']} IOTLB misses, wanted 128")
if cold["iommu"]["iotlb"]["misses"] != 32768: errs.append(f"cold: {cold['iommu']['iotlb']['misses']} IOTLB misses, wanted 32768")
# guest time: 64 MiB at 1024 bytes/us is 65536 us; each PTE read costs 64 bytes' worth
def us(path):
    m = re.search(r"in (\d+) us of guest time", open(path).read())
    return int(m.group(1)) if m else None
th, tc = us(sys.argv[3]), us(sys.argv[4])
if th is None or not 65536 <= th <= 65536 * 1.01: errs.append(f"hot: {th} us, wanted 65536 us and at most 1% more")
extra = cold["iommu"]["pte_reads"] * 64 / 1024
if tc is None or th is None or abs((tc - th) - extra) > 0.2 * extra:
    errs.append(f"cold - hot = {None if tc is None or th is None else tc - th} us, wanted about {extra:.0f} us of walks")
for e in errs: print("FAIL:", e)
sys.exit(1 if errs else 0)
PY

echo "== command line"
"$PAGODA" -bios none -device pagoda-accel "$B/accelcopy-dev-hot.elf" >"$T/o" 2>&1; st=$?
[ $st = 2 ] && grep -q "needs the IOMMU" "$T/o" || fail "pagoda-accel without the IOMMU: status $st: $(cat "$T/o")"
for bad in pagoda-accel,rate=0 pagoda-accel,rate=2000000 pagoda-accel,devid=16777216 pagoda-accel,foo=1 pagoda-accelx; do
    "$PAGODA" -bios none -M virt,iommu-sys=on -device $bad "$B/accelcopy-dev-hot.elf" >"$T/o" 2>&1; st=$?
    [ $st = 2 ] && [ "$(grep -c . "$T/o")" -le 2 ] || fail "-device $bad: status $st: $(cat "$T/o")"
done
# without the device its registers are not there: the guest's first
# read of them is an access fault (mtval 0x4000000), and it fails
"$PAGODA" -bios none -m 1G -M virt,iommu-sys=on --max-insns 100000000 "$B/accelcopy-dev-hot.elf" >"$T/o" 2>&1; st=$?
[ $st != 0 ] && grep -q "mcause 0x0*5 .*mtval 0x0*4000000" "$T/o" || fail "accelcopy without the device: status $st: $(tail -2 "$T/o")"

echo "== device tree"
"$PAGODA" -M virt,iommu-sys=on -device pagoda-accel,devid=7,rate=4096 --dump-dtb "$T/a.dtb" "$B/accelcopy-dev-hot.elf" \
    || fail "--dump-dtb"
if command -v dtc >/dev/null; then
    dtc -I dtb -O dts "$T/a.dtb" 2>/dev/null >"$T/a.dts"
    grep -A7 "accel@4000000" "$T/a.dts" >"$T/node"
    grep -q 'compatible = "pagoda,accel"' "$T/node" || fail "no pagoda,accel node: $(cat "$T/a.dts" | head -5)"
    grep -q 'iommus = <0x100 0x07>' "$T/node" || fail "iommus does not name the IOMMU and device id 7: $(cat "$T/node")"
    grep -q 'interrupts = <0x40>' "$T/node" || fail "interrupt is not PLIC source 64: $(cat "$T/node")"
fi
[ $rc = 0 ] && echo "e2e:accel passed"
exit $rc
