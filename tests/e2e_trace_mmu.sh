#!/bin/bash
# --trace-mmu FILE (docs/DEBUGGING.md, "MMU event trace"): a Trace Event
# JSON array that Perfetto opens.  Its events must agree with --stats-json
# for the same run: per hart as many walk events as walks and as many
# sfence.vma events as fences; fencebench-smp4's 30000 shootdowns to 3
# harts (MSIP writes, no SBI) each completed by the target's fence, with
# a latency slice and a flow arrow from the sender; the teaching OS's SBI
# remote fences decoded with their range; the accelerator's descriptors
# and the IOMMU's walks on device tracks.  A file that cannot be written
# is one line and exit 1, before the guest runs.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
B=$BUILD/examples/bench
for f in fencebench-smp4.elf accelcopy-dev-hot.elf; do
    [ -r "$B/$f" ] || { echo "FAIL: $B/$f not built"; exit 1; }
done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

echo "== fencebench-smp4"
timeout 300 "$PAGODA" -smp 4 -bios none -m 1G --max-insns 500000000 --stats-json "$T/s.json" --trace-mmu "$T/t.json" \
    "$B/fencebench-smp4.elf" >"$T/out" 2>"$T/err" || fail "exit status $?: $(tail -3 "$T/err")"
python3 - "$T/s.json" "$T/t.json" <<'PY' || rc=1
import json, sys, collections
s, t = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
errs = []
names = {(e["pid"], e["tid"]): e["args"]["name"] for e in t if e["ph"] == "M" and e["name"] == "thread_name"}
if [names.get((1, i)) for i in range(4)] != ["hart %d" % i for i in range(4)]: errs.append(f"hart tracks: {names}")
by = collections.Counter((e["name"], e["tid"]) for e in t if e.get("pid") == 1)
for h in s["harts"]:
    i, m = h["hart"], h["mmu"]
    walks = by[("walk", i)] + by[("walk fault", i)]
    if walks != m["walks"]: errs.append(f"hart {i}: {walks} walk events, --stats-json says {m['walks']} walks")
    fences = sum(m["fences"].values())
    if by[("sfence.vma", i)] != fences: errs.append(f"hart {i}: {by[('sfence.vma', i)]} sfence.vma events, {fences} fences")
sent = [e for e in t if e["name"] == "shootdown" and e["ph"] == "X"]
lat = [e for e in t if e["name"] == "shootdown latency"]
if len(sent) != 90000 or any(e["tid"] != 0 or e["args"]["kind"] != "MSIP" for e in sent):
    errs.append(f"{len(sent)} shootdowns sent, wanted 90000 MSIP shootdowns from hart 0")
per = collections.Counter(e["tid"] for e in lat)
if per != {1: 30000, 2: 30000, 3: 30000}: errs.append(f"latencies per target {dict(per)}, wanted 30000 each on harts 1-3")
if any(e["dur"] <= 0 or e["args"]["latency_insns"] <= 0 or abs(e["dur"] - e["args"]["latency_us"]) > 1e-6 for e in lat):
    errs.append("a latency slice without a positive duration")
starts = {e["id"] for e in t if e["ph"] == "s"}
ends = {e["id"] for e in t if e["ph"] == "f"}
if len(starts) != 90000 or ends != starts: errs.append(f"flows: {len(starts)} starts, {len(ends)} ends, not paired")
for e in errs: print("FAIL:", e)
sys.exit(1 if errs else 0)
PY

echo "== accelcopy-dev-hot: device tracks"
timeout 300 "$PAGODA" -bios none -m 1G -M virt,iommu-sys=on -device pagoda-accel --max-insns 2000000000 \
    --stats-json "$T/a.json" --trace-mmu "$T/at.json" "$B/accelcopy-dev-hot.elf" >"$T/out" 2>"$T/err" \
    || fail "exit status $?: $(tail -3 "$T/err")"
python3 - "$T/a.json" "$T/at.json" <<'PY' || rc=1
import json, sys
s, t = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
errs = []
copies = [e for e in t if e.get("pid") == 2 and e["name"] == "copy"]
if len(copies) != 256 or any(e["tid"] != 1 or e["args"]["status"] != "ok" or e["args"]["len"] != 256 << 10 for e in copies):
    errs.append(f"{len(copies)} copy slices on the accelerator's queue 0, wanted 256 of 256 KiB, ok")
if copies and abs(sum(e["dur"] for e in copies) - 65536) > 65536 * 0.01:
    errs.append(f"the copies take {sum(e['dur'] for e in copies):.0f} us, wanted about 65536")
iw = [e for e in t if e.get("pid") == 2 and e.get("tid") == 0 and e["name"].startswith("walk")]
if len(iw) != s["iommu"]["walks"]: errs.append(f"{len(iw)} IOMMU walk events, --stats-json says {s['iommu']['walks']}")
for e in errs: print("FAIL:", e)
sys.exit(1 if errs else 0)
PY

OS=$BUILD/examples/os
if [ -r "$OS/kernel.elf" ] && [ -r "$OS/disk.img" ]; then
    echo "== teaching OS, test=shootdown: SBI remote fences"
    timeout 600 "$PAGODA" -smp 4 -m 256M -nographic -kernel "$OS/kernel.elf" -snapshot \
        -drive file="$OS/disk.img",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 \
        -append test=shootdown --max-insns 2000000000 --trace-mmu "$T/os.json" >"$T/out" 2>"$T/err" \
        || fail "exit status $?: $(tail -3 "$T/out" "$T/err")"
    python3 - "$T/os.json" <<'PY' || rc=1
import json, sys
t = json.load(open(sys.argv[1]))
errs = []
sent = [e for e in t if e["name"] == "shootdown" and e["ph"] == "X" and e["args"]["kind"].startswith("SFENCE")]
lat = [e for e in t if e["name"] == "shootdown latency" and e["args"]["kind"].startswith("SFENCE")]
if not sent: errs.append("no SBI remote sfence.vma in the trace")
elif not any(int(e["args"]["size"], 16) not in (0, 2**64 - 1) for e in sent): errs.append("no shootdown with a range")
if not lat: errs.append("no remote fence completed on a target")
if not [e for e in t if e["name"] == "page fault"]: errs.append("no page fault (the OS pages on demand)")
for e in errs: print("FAIL:", e)
sys.exit(1 if errs else 0)
PY
else
    echo "SKIP: the teaching OS is not built (PAGODA_CROSS=OFF)"
fi

echo "== a file that cannot be written"
"$PAGODA" -bios none --trace-mmu /nonexistent/dir/t.json "$B/fencebench-smp4.elf" >"$T/o" 2>&1; st=$?
[ $st = 1 ] && [ "$(grep -c . "$T/o")" = 1 ] && grep -q "/nonexistent/dir/t.json" "$T/o" \
    || fail "unwritable --trace-mmu: status $st: $(cat "$T/o")"
[ $rc = 0 ] && echo "e2e:trace_mmu passed"
exit $rc
