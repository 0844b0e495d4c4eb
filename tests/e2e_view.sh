#!/bin/bash
# The TLB view (platform/view/, docs/VIEW.md) as a person uses it:
#  1. --view without a display: one line naming --view-png, exit 2.
#  2. --view-png on fencebench-smp4 (hart 0 shoots down a page on harts 1-3
#     30000 times through their msip): a 1600x1000 PNG with the MSIP arrows
#     and their latencies drawn, --view-every PNGs, and --view-text numbers
#     that agree with --stats-json (shootdowns sent = 3 x 30000, each
#     target received 30000 = its fences).
#  3. A real window under Xvfb driven with xdotool: it starts paused before
#     the first instruction, "1" and "2" select harts 0 and 1 (the panel's
#     frame turns the selection colour), "s" steps 1 instruction per hart,
#     "S" 1000 and "n 25 Enter" 25,
#     "c" writes a screenshot, "q" stops the guest (exit 0) and the text
#     written at the end shows exactly 4 x 1026 instructions retired; in a
#     second run "f" then space runs to the first sfence.vma (each hart's set-up) and
#     pauses there; in a third "n 2500 Enter", a step longer than a scheduling
#     round, runs 2500 instructions on the hart that runs the most and pauses.
#  4. The IOMMU's panel (-M virt,iommu-sys=on): fencebench-smp4 with the IOMMU
#     (off, as the guest leaves it): the PNG has a fifth panel where there is
#     none without it, and --view-text's "iommu" lines give the numbers of
#     --stats-json's "iommu" object.  Then, when the teaching OS has the
#     accelerator test examples/os/user/test_accel_shared.c (skipped, saying so,
#     only when that source does not exist), that test with -device
#     pagoda-accel: it passes, the IOMMU translated (requests, IOTLB lookups,
#     walks > 0), and the view's numbers are --stats-json's.
# Skipped (exit 0) only in a build without the view (PAGODA_SDL=OFF) or
# without guest programs (PAGODA_CROSS=OFF).
PAGODA=$(realpath "${1:?usage: $0 PAGODA BUILD_DIR}"); BUILD=$(realpath "${2:?}")
SRC=$(realpath "$(dirname "$0")/..")
ELF=$BUILD/examples/bench/fencebench-smp4.elf
if [ ! -r "$ELF" ]; then
    grep -q '^PAGODA_CROSS:BOOL=OFF' "$BUILD/CMakeCache.txt" 2>/dev/null &&
        { echo "SKIP: guest programs are not built (PAGODA_CROSS=OFF)"; exit 0; }
    echo "FAIL: $ELF not built"; exit 1
fi
if "$PAGODA" --view-text /dev/null -bios none --max-insns 10 "$ELF" 2>&1 | grep -q 'built without SDL2'; then
    echo "SKIP: this pagoda was built without the view"; exit 0
fi
for t in xvfb-run xdotool convert identify; do
    command -v $t >/dev/null || { echo "FAIL: $t missing (scripts/install-deps.sh installs it)"; exit 1; }
done
T=$(mktemp -d); trap '[ -n "${KEEP:-}" ] || rm -rf "$T"' EXIT; [ -n "${KEEP:-}" ] && echo "keeping $T"
rc=0
fail() { echo "FAIL: $*"; rc=1; }
# count IMG HEX [WxH+X+Y]: how many pixels of IMG (in the region) have colour HEX
count() {
    local crop=()
    [ -n "${3:-}" ] && crop=(-crop "$3" +repage)
    convert "$1" "${crop[@]}" -format %c histogram:info:- | awk -v c="#${2^^}" 'index($0, c) { n += $1 } END { print n + 0 }'
}

echo "== 1. --view without a display"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 timeout 30 "$PAGODA" --view -bios none "$ELF" 2>&1); st=$?
[ $st = 2 ] || fail "exit status $st, wanted 2"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "more than one line: $out"
grep -q -- '--view-png' <<<"$out" || fail "the message does not name --view-png: $out"

echo "== 2. --view-png, --view-every, --view-text against --stats-json (-smp 4)"
timeout 120 "$PAGODA" -smp 4 -m 1G -bios none --view-png "$T/v.png" --view-every 10000000 --view-text "$T/v.txt" \
    --stats-json "$T/s.json" "$ELF" >"$T/out" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "exit status $st: $(tail -3 "$T/err")"
grep -q '^checksum:' "$T/out" || fail "fencebench-smp4 printed no checksum"
[ "$(identify -format %wx%h "$T/v.png" 2>/dev/null)" = 1600x1000 ] || fail "v.png is not a 1600x1000 PNG"
n=$(ls "$T"/v-0*.png 2>/dev/null | wc -l)
[ "$n" -ge 3 ] || fail "--view-every 10000000 wrote $n numbered PNGs over 40 M instructions, wanted at least 3"
[ "$(identify -format %wx%h "$T/v-000001.png" 2>/dev/null)" = 1600x1000 ] || fail "v-000001.png is not a 1600x1000 PNG"
msip=$(count "$T/v.png" c8ff5e)   # the MSIP shootdown colour (render.c)
[ "$msip" -gt 500 ] || fail "the PNG shows $msip pixels of the MSIP arrows' colour, wanted > 500"
python3 - "$T/v.txt" "$T/s.json" <<'PY' || rc=1
import json, re, sys
text = open(sys.argv[1]).read()
stats = json.load(open(sys.argv[2]))
errs = []
for h in stats["harts"]:
    i, mmu = h["hart"], h["mmu"]
    m = re.search(rf"^hart {i}: .* instret (\d+)", text, re.M)
    if not m or int(m.group(1)) != h["instructions"]:
        errs.append(f"hart {i}: instret in the view {m and m.group(1)} != --stats {h['instructions']}")
    m = re.search(rf"^hart {i} walks (\d+) pte_reads (\d+) .*fences (\d+)/(\d+)/(\d+)/(\d+) .*"
                  rf"shootdowns_sent (\d+) shootdowns_received (\d+)", text, re.M)
    if not m:
        errs.append(f"hart {i}: no counters line"); continue
    walks, reads, f0, f1, f2, f3, sent, recv = map(int, m.groups())
    if walks != mmu["walks"] or reads != mmu["pte_reads"]:
        errs.append(f"hart {i}: walks/pte_reads {walks}/{reads} != --stats {mmu['walks']}/{mmu['pte_reads']}")
    fences = [f0, f1, f2, f3]
    want = [mmu["fences"][k] for k in ("all", "asid", "va", "va_asid")] if isinstance(mmu["fences"], dict) else mmu["fences"]
    if fences != list(want):
        errs.append(f"hart {i}: fences {fences} != --stats {want}")
    m = re.search(rf"^hart {i} tlb: L1I lookups (\d+) hits (\d+) misses (\d+); L1D lookups (\d+) hits (\d+)", text, re.M)
    l1d = mmu["tlb"]["l1d"] if "tlb" in mmu else mmu["l1d"]
    if not m or int(m.group(4)) != l1d["lookups"] or int(m.group(5)) != l1d["hits"]:
        errs.append(f"hart {i}: L1D lookups/hits in the view {m and m.groups()[3:]} != --stats {l1d['lookups']}/{l1d['hits']}")
    if i == 0 and sent != 90000:
        errs.append(f"hart 0 sent {sent} shootdowns, wanted 3 x 30000")
    if i > 0 and (recv != 30000 or recv != f2):
        errs.append(f"hart {i} received {recv} shootdowns, wanted 30000 = its sfence.vma by address ({f2})")
done = re.findall(r"^shootdown from 0 MSIP all h(\d):(\d+)insns/(\d+)ticks$", text, re.M)
if not done:
    errs.append("no completed shootdown with its latency in the view's text")
for h, insns, ticks in done:
    if not (0 < int(insns) < 100000):
        errs.append(f"latency of hart {h}: {insns} instructions")
for e in errs:
    print("FAIL:", e)
sys.exit(1 if errs else 0)
PY

echo "== 3. the window under Xvfb, driven by keys"
cat >"$T/drive.sh" <<'EOF'
#!/bin/bash
# drive.sh PAGODA ELF DIR: two runs of the view in DIR, keys pressed, pictures taken
PAGODA=$1; ELF=$2; cd "$3"
xdotool mousemove 0 0   # a pointer over a panel would select a cell of it
# start RUN: pagoda paused before the first instruction, writing RUN.txt at the end
start() {
    # Under AddressSanitizer, no leak check for the window's runs: SDL's X11
    # video keeps memory of libdbus and of libraries it loads and unloads
    # until exit, where no suppression can name them.  Memory errors are
    # still caught, and leaks of the view's own code are checked by the
    # --view-png run above and by unit:view_render.
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    "$PAGODA" --view=paused -smp 4 -m 1G -bios none --view-text "$1.txt" "$ELF" >"$1.out" 2>"$1.err" &
    pid=$!
    wid=$(timeout 60 xdotool search --sync --name 'Pagoda' | head -1)
    [ -n "$wid" ] || { echo "no window appeared"; kill $pid; exit 1; }
}
# finish RUN: q, and the exit status
finish() {
    xdotool key --window "$wid" q
    timeout 60 tail --pid=$pid -f /dev/null
    wait $pid
    echo "$1: pagoda exit status $?"
    sleep 1   # the window is gone before the next search
}
shot() { sleep 1.5; import -window "$wid" "$1"; }
press() { xdotool key --window "$wid" "$@"; sleep 0.7; }
start steps
press 1; shot paused.png
press 2; shot hart1.png
press s; press shift+s; press n 2 5 Return; press c; shot stepped.png
finish steps
start fence
press f; press space; sleep 3
finish fence
start longstep
press n 2 5 0 0 Return; sleep 3
finish longstep
EOF
timeout 300 xvfb-run -a -s "-screen 0 1700x1100x24" bash "$T/drive.sh" "$PAGODA" "$ELF" "$T" >"$T/drive.log" 2>&1
for r in steps fence longstep; do
    grep -q "$r: pagoda exit status 0" "$T/drive.log" ||
        fail "window run $r did not end with status 0 after q: $(tail -3 "$T/drive.log"; tail -3 "$T/$r.err" 2>/dev/null)"
done
for f in paused hart1 stepped; do
    [ "$(identify -format %wx%h "$T/$f.png" 2>/dev/null)" = 1600x1000 ] || fail "window picture $f.png is not 1600x1000"
done
if [ -r "$T/paused.png" ] && [ -r "$T/hart1.png" ]; then
    p=$(count "$T/paused.png" ffb86c 200x20+0+0)   # "PAUSED" in the status line
    [ "$p" -gt 20 ] || fail "the status line does not say PAUSED ($p pixels of its colour)"
    l0=$(count "$T/paused.png" ffc83d 560x450+0+30); r0=$(count "$T/paused.png" ffc83d 560x450+570+30)
    l1=$(count "$T/hart1.png" ffc83d 560x450+0+30); r1=$(count "$T/hart1.png" ffc83d 560x450+570+30)
    [ "$l0" -gt 1000 ] && [ "$r0" -lt 100 ] || fail "after the key 1 hart 0's panel is not the selected one ($l0 / $r0 pixels)"
    [ "$r1" -gt 1000 ] && [ "$l1" -lt 100 ] || fail "after the key 2 hart 1's panel is not the selected one ($l1 / $r1 pixels)"
fi
ls "$T"/pagoda-view-*.png >/dev/null 2>&1 || fail "the key c wrote no pagoda-view-*.png screenshot"
grep -q '^view: 4 harts, 4104 instructions.*paused$' "$T/steps.txt" ||
    fail "paused at the start, then steps of 1, 1000 and 25 per hart: wanted 4104 instructions, the view says: $(head -1 "$T/steps.txt")"
grep -q '^last stop: stopped: hart [0-3] sfence.vma' "$T/fence.txt" ||
    fail "with f (stop on a fence) and space the view did not stop at the first sfence.vma: $(grep stop "$T/fence.txt")"
grep -q '^view: 4 harts, .*paused$' "$T/fence.txt" || fail "the view was not paused at the fence"
# a step longer than a round (--quantum 1000): the hart that ran the most ran exactly 2500
most=$(sed -n 's/^hart [0-3]: .* instret \([0-9]*\).*/\1/p' "$T/longstep.txt" | sort -n | tail -1)
[ "$most" = 2500 ] && grep -q '^view: 4 harts, .*paused$' "$T/longstep.txt" ||
    fail "n 2500 Enter: wanted a hart with exactly 2500 instructions (none more) and paused, the view says: $(grep -E '^view|instret' "$T/longstep.txt" | tr '\n' ' ')"

echo "== 4. the IOMMU's panel"
# iommu_agrees TEXT JSON [busy]: the view's "iommu KEY VALUE ..." lines against
# --stats-json's "iommu" object; with busy, the IOMMU must have translated
cat >"$T/iommu.py" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
js = json.load(open(sys.argv[2])).get("iommu")
busy = len(sys.argv) > 3
errs = []
if js is None:
    errs.append("--stats-json has no \"iommu\" object")
lines = re.findall(r"^iommu (?!entries:)(.*)$", text, re.M)
if not lines:
    errs.append("--view-text has no iommu lines (platform/main.c must call view_add_iommu(v, board_iommu(b)))")
for line in lines if js else []:
    words = line.split()
    obj, path = js, []
    if words[0] in ("iotlb",):
        obj, path, words = js["iotlb"], ["iotlb"], words[1:]
    if words[0] in ("hits_by_size", "misses_by_size", "iotinval_vma", "iotinval_vma_removed", "faults_by_cause"):
        obj, path, words = obj[words[0]], path + [words[0]], words[1:]
        if words == ["none"]:
            words = []
        got = dict(zip(words[0::2], map(int, words[1::2])))
        want = {k: v for k, v in obj.items() if path[-1] != "faults_by_cause" or v}
        if got != want:
            errs.append(f"{'.'.join(path)}: view {got} != --stats-json {want}")
        continue
    for k, v in zip(words[0::2], words[1::2]):
        if k not in obj:
            errs.append(f"{'.'.join(path + [k])}: not in --stats-json")
        elif int(v) != obj[k]:
            errs.append(f"{'.'.join(path + [k])}: view {v} != --stats-json {obj[k]}")
if busy and js:
    for k in ("requests", "walks"):
        if not js[k]:
            errs.append(f"the IOMMU made no {k}")
    if not js["iotlb"]["lookups"]:
        errs.append("the IOTLB had no lookups")
m = re.search(r"^iommu entries: IOTLB (\d+)/256 PWC (\d+)/16$", text, re.M)
if not m:
    errs.append("no 'iommu entries: IOTLB n/256 PWC n/16' line")
for e in errs:
    print("FAIL:", e)
sys.exit(1 if errs else 0)
PY
timeout 120 "$PAGODA" -smp 4 -m 1G -bios none -M virt,iommu-sys=on --view-png "$T/io.png" --view-text "$T/io.txt" \
    --stats-json "$T/io.json" "$ELF" >"$T/io.out" 2>"$T/io.err"; st=$?
[ $st = 0 ] || fail "with the IOMMU: exit status $st: $(tail -3 "$T/io.err")"
python3 "$T/iommu.py" "$T/io.txt" "$T/io.json" || rc=1
# 4 harts and the IOMMU: 5 panels in 4 x 2 (4 harts alone are 2 x 2), the fifth, the
# IOMMU's, alone in the second row: the panel colour there, the background beside it
p=$(count "$T/io.png" 171c23 260x300+10+560); q=$(count "$T/io.png" 171c23 260x300+300+560)
[ "$p" -gt 20000 ] && [ "$q" -lt 100 ] ||
    fail "io.png: no IOMMU panel alone in the second row ($p pixels of the panel colour there, $q beside it)"
grep -q '^iommu' "$T/v.txt" && fail "without -M virt,iommu-sys=on the view has iommu lines"

OS=$BUILD/examples/os
if [ ! -e "$SRC/examples/os/user/test_accel_shared.c" ]; then
    echo "SKIP (this case only): the teaching OS has no accelerator test (examples/os/user/test_accel_shared.c)"
elif [ ! -e "$OS/user/test_accel_shared" ]; then
    fail "$OS/user/test_accel_shared not built (examples/os/user/test_accel_shared.c exists)"
else
    timeout -k 10 300 "$PAGODA" -smp 2 -m 256M -nographic --max-insns 8000000000 -M virt,iommu-sys=on \
        -device pagoda-accel -kernel "$OS/kernel.elf" -snapshot \
        -drive file="$OS/disk.img",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 \
        -append test=accel_shared --view-png "$T/accel.png" --view-text "$T/accel.txt" \
        --stats-json "$T/accel.json" >"$T/accel.out" 2>&1; st=$?
    [ $st = 0 ] && tr -d '\r' <"$T/accel.out" | grep -qx '1 passed, 0 failed' ||
        fail "test=accel_shared: exit status $st, wanted 0 and '1 passed, 0 failed': $(tail -5 "$T/accel.out")"
    python3 "$T/iommu.py" "$T/accel.txt" "$T/accel.json" busy || rc=1
    # two harts and the IOMMU: 3 panels in 2 x 2 (2 harts alone are 2 x 1), the IOMMU's
    # alone in the second row
    p=$(count "$T/accel.png" 171c23 500x300+10+560); q=$(count "$T/accel.png" 171c23 500x300+600+560)
    [ "$p" -gt 20000 ] && [ "$q" -lt 100 ] ||
        fail "accel.png: no IOMMU panel alone in the second row ($p pixels of the panel colour there, $q beside it)"
fi

[ $rc = 0 ] && echo "PASS: the TLB view"
exit $rc
