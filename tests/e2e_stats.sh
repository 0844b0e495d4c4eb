#!/bin/bash
# --stats prints instructions / time / MIPS; --stats-json writes valid JSON
# with per-hart counters and MMU statistics that match what the guests did:
# the 4-hart IPI ring (1000 interrupts per hart) and an Sv39 guest
# (tests/guest/paging.c: 192 data accesses to 16 fresh 4 KiB pages).
# Two identical runs must retire the same number of instructions.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
G=$BUILD/tests/guest
for f in ipi.elf paging.elf; do [ -r "$G/$f" ] || { echo "FAIL: $G/$f not built"; exit 1; }; done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

echo "== --stats, -smp 4 ring"
timeout 30 "$PAGODA" -smp 4 --timeout 20 --stats --stats-json "$T/ipi.json" "$G/ipi.elf" >"$T/out" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "exit status $st: $(tail -3 "$T/err")"
grep -q "IPI OK" "$T/out" || fail "guest did not print IPI OK"
grep -E '^instructions: [0-9]+$' "$T/err" || fail "no 'instructions: N' line in --stats output"
grep -E '^MIPS: [0-9.]+$' "$T/err" || fail "no 'MIPS: X' line in --stats output"
grep -Ec '^hart [0-3]: instructions [0-9]+' "$T/err" | grep -qx 4 || fail "--stats does not list 4 harts"
python3 -m json.tool "$T/ipi.json" >/dev/null || fail "--stats-json output is not valid JSON"
text_insns=$(sed -n 's/^instructions: //p' "$T/err")
python3 - "$T/ipi.json" "$text_insns" <<'PY' || rc=1
import json, sys
d = json.load(open(sys.argv[1]))
errs = []
for k in ("instructions", "seconds", "mips", "harts"):
    if k not in d: errs.append(f"top-level key {k!r} missing")
h = d.get("harts", [])
if len(h) != 4: errs.append(f"{len(h)} harts, wanted 4")
if sum(x.get("instructions", 0) for x in h) != d.get("instructions"):
    errs.append("per-hart instructions do not add up to the total")
if str(d.get("instructions")) != sys.argv[2]:
    errs.append(f"JSON instructions {d.get('instructions')} != --stats text {sys.argv[2]}")
for x in h:
    if x.get("interrupts") != 1000: errs.append(f"hart {x.get('hart')}: {x.get('interrupts')} interrupts, wanted 1000")
    m = x.get("mmu")
    if not isinstance(m, dict): errs.append(f"hart {x.get('hart')}: no mmu object"); continue
    for k in ("translations", "walks", "l1i", "l1d", "l2", "page_faults"):
        if k not in m: errs.append(f"hart {x.get('hart')}: mmu.{k} missing")
for e in errs: print("FAIL:", e)
if not errs: print(f"ok: {d['instructions']} instructions, 4 harts x 1000 interrupts, mmu stats per hart")
sys.exit(1 if errs else 0)
PY

echo "== determinism: the same run again"
timeout 30 "$PAGODA" -smp 4 --timeout 20 --stats "$G/ipi.elf" >/dev/null 2>"$T/err2"
again=$(sed -n 's/^instructions: //p' "$T/err2")
[ "$again" = "$text_insns" ] && echo "ok: $again instructions both times" || fail "instruction count $text_insns then $again"

echo "== --stats-json, Sv39 guest"
timeout 30 "$PAGODA" --timeout 20 --stats-json "$T/pg.json" "$G/paging.elf" >"$T/out" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "paging guest exit status $st: $(cat "$T/out" "$T/err")"
grep -q "PAGING OK" "$T/out" || fail "paging guest did not print PAGING OK"
python3 - "$T/pg.json" <<'PY' || rc=1
import json, sys
m = json.load(open(sys.argv[1]))["harts"][0]["mmu"]
errs = []
def want(cond, what):
    if not cond: errs.append(what)
l1d = m["l1d"]
want(l1d["lookups"] == 192, f"l1d lookups {l1d['lookups']}, wanted 192 (128 stores + 64 loads)")
want(l1d["misses"] == 16, f"l1d misses {l1d['misses']}, wanted 16 (one per fresh page)")
want(l1d["misses_by_size"]["4K"] == 16, f"l1d 4K misses {l1d['misses_by_size']['4K']}, wanted 16")
want(l1d["hits"] == 176, f"l1d hits {l1d['hits']}, wanted 176")
want(m["translations"] >= 192, f"translations {m['translations']} < 192")
want(m["walks"] >= 17, f"walks {m['walks']} < 17 (16 pages + the code gigapage)")
want(m["ad_updates"] >= 16, f"A/D updates {m['ad_updates']} < 16")
want(sum(m["page_faults"].values()) == 0, f"page faults {m['page_faults']}")
want(m["fences"]["all"] >= 1, "the sfence.vma was not counted")
for e in errs: print("FAIL:", e)
if not errs: print(f"ok: l1d {l1d['lookups']} lookups / {l1d['misses']} misses, {m['walks']} walks, {m['ad_updates']} A/D updates")
sys.exit(1 if errs else 0)
PY
[ $rc = 0 ] && echo PASS || echo "FAIL: stats"
exit $rc
