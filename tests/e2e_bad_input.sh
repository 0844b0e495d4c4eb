#!/bin/bash
# Bad command lines and bad files.  File errors: exactly one stderr line that
# names the file, exit 1, nothing on stdout.  Usage errors: the usage line,
# exit 2 (where a text is given: one "pagoda: " line holding it, then the
# usage line).  Limits (--timeout, --max-insns): a message, exit 124.  Never a
# crash (status >= 128) and never a hang (each run has an outer timeout).
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
G=$BUILD/tests/guest
for f in blk.elf loop.elf loop-low.elf loop-high.elf loop-rv32.elf faultloop.elf exit42.elf exit_twice.elf; do
  [ -r "$G/$f" ] || { echo "FAIL: $G/$f not built"; exit 1; }
done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# run WANT_STATUS NAMED_FILE_OR_- DESCRIPTION -- ARGS...
run() {
  local want=$1 named=$2 what=$3; shift 4
  timeout 8 "$PAGODA" "$@" </dev/null >"$T/out" 2>"$T/err"; local st=$?
  local err; err=$(cat "$T/err")
  local lines; lines=$(grep -c '' "$T/err")
  if [ $st -ge 128 ]; then fail "$what: crashed with status $st: $err"; return; fi
  if [ $st != "$want" ]; then
    fail "$what: exit status $st, wanted $want (pagoda $*)"; echo "  stderr: $err"; return; fi
  case $want in
    1)
      [ "$lines" = 1 ] || { fail "$what: $lines stderr lines, wanted exactly 1: $err"; return; }
      grep -qF -- "$named" "$T/err" || { fail "$what: stderr does not name $named: $err"; return; }
      [ -s "$T/out" ] && { fail "$what: wrote to stdout"; return; };;
    2)
      grep -q '^usage: ' "$T/err" || { fail "$what: no usage line on stderr: $err"; return; }
      if [ "$named" != - ]; then
        [ "$lines" = 2 ] || { fail "$what: $lines stderr lines, wanted the message and the usage line: $err"; return; }
        head -1 "$T/err" | grep -q '^pagoda: ' || { fail "$what: first line is not a pagoda: message: $err"; return; }
        grep -qF -- "$named" "$T/err" || { fail "$what: stderr does not say $named: $err"; return; }
      fi;;
    124)
      grep -q '^pagoda: stopped after' "$T/err" || { fail "$what: no 'stopped after' message (hung until the outer timeout?): $err"; return; };;
  esac
  echo "ok   $what: status $st: $(head -1 "$T/err")"
}

echo hello >"$T/text.txt"
: >"$T/empty.elf"
head -c 100 "$G/loop.elf" >"$T/trunc.elf"      # cuts the program headers
head -c 2000 "$BUILD/tests/guest/blk.elf" >"$T/truncseg.elf"   # cuts the segment
head -c 10 "$G/loop.elf" >"$T/trunc10.elf"
head -c 4096 /dev/urandom >"$T/garbage.dtb"
cp "$G/loop.elf" "$T/class32.elf"; printf '\001' | dd of="$T/class32.elf" bs=1 seek=4 conv=notrunc status=none
X86=$(readlink -f /bin/true)   # a host (x86-64) executable

run 1 "$T/missing.elf"   "missing program"          -- "$T/missing.elf"
run 1 "$T/missing.bin"   "missing -kernel"          -- -bios none -kernel "$T/missing.bin"
run 1 "$T/missing.bin"   "missing -bios"            -- -bios "$T/missing.bin" -kernel "$G/loop.elf"
run 1 "$T/missing.img"   "missing -initrd"          -- -initrd "$T/missing.img" -bios none -kernel "$G/loop.elf"
run 1 "$T/text.txt"      "text file as PROGRAM.elf" -- --timeout 3 "$T/text.txt"
run 1 "$T/empty.elf"     "empty file as PROGRAM.elf" -- --timeout 3 "$T/empty.elf"
run 1 "$T"               "directory as program"     -- "$T"
run 1 "$X86"             "x86-64 ELF"               -- "$X86"
run 1 "$G/loop-rv32.elf" "RV32 ELF"                 -- "$G/loop-rv32.elf"
run 1 "$T/class32.elf"   "ELF with class byte 32"   -- "$T/class32.elf"
run 1 "$G/loop-low.elf"  "segment at 0x1000000"     -- "$G/loop-low.elf"
run 1 "$G/loop-high.elf" "segment beyond -m 128M"   -- -m 128M "$G/loop-high.elf"
run 1 "$T/trunc.elf"     "ELF cut in its headers"   -- "$T/trunc.elf"
run 1 "$T/truncseg.elf"  "ELF cut in its segment"   -- "$T/truncseg.elf"
run 1 "$T/trunc10.elf"   "truncated ELF (10 B)"     -- "$T/trunc10.elf"
run 1 "$T/garbage.dtb"   "garbage -dtb"             -- -dtb "$T/garbage.dtb" "$G/loop.elf"
run 1 "$T/missing.dtb"   "missing -dtb"             -- -dtb "$T/missing.dtb" "$G/loop.elf"
FW=$BUILD/firmware/pagoda-fw.elf
if [ -r "$FW" ]; then
  run 1 "$G/loop.elf" "ELF kernel on the default firmware" -- -kernel "$G/loop.elf" --max-insns 1000
  grep -qF "$FW" "$T/err" && grep -q '0x80000000' "$T/err" || fail "overlap: message does not name the firmware and the range: $(cat "$T/err")"
  run 1 "$FW" "firmware ELF as -bios and -kernel" -- -bios "$FW" -kernel "$FW" --max-insns 1000
  grep -q 'overlaps.*\[0x80000000, 0x8[0-9a-f]*)' "$T/err" || fail "overlap: no range in: $(cat "$T/err")"
  # a raw kernel goes to 0x80200000, above the firmware: no overlap
  run 124 - "raw -kernel above the default firmware" -- -kernel "$BUILD/firmware/sbi-test.bin" --max-insns 1000
else
  fail "$FW not built"
fi
run 1 "$T/nodir/stats.json" "--stats-json in a missing folder" -- --stats-json "$T/nodir/stats.json" --max-insns 1000 "$G/loop.elf"
run 1 "$T"               "--stats-json on a folder"  -- --stats-json "$T" --max-insns 1000 "$G/loop.elf"
[ -e "$T/nodir" ] && fail "--stats-json: something was created"
# a new file that can be written: the check leaves nothing behind, the run writes it
run 124 - "--stats-json to a new file"   -- --stats-json "$T/stats.json" --max-insns 1000 "$G/loop.elf"
grep -q '"instructions": 1000' "$T/stats.json" 2>/dev/null || fail "--stats-json: $T/stats.json not written"

truncate -s 64K "$T/disk.img"
D="file=$T/disk.img,if=none,format=raw"
DEV=virtio-blk-device
run 2 "duplicate id a"       "two -drive with one id, 8 -device" -- -drive "$D,id=a" -drive "$D,id=a" \
  -device $DEV,drive=a -device $DEV,drive=a -device $DEV,drive=a -device $DEV,drive=a \
  -device $DEV,drive=a -device $DEV,drive=a -device $DEV,drive=a -device $DEV,drive=a --max-insns 1000 "$G/loop.elf"
run 2 "more than one -device" "one drive, two -device"         -- -drive "$D,id=a" \
  -device $DEV,drive=a -device $DEV,drive=a --max-insns 1000 "$G/loop.elf"
run 2 "readonly="            "-drive readonly=maybe"           -- -drive "$D,id=a,readonly=maybe" --max-insns 1000 "$G/loop.elf"
run 2 "snapshot="            "-drive snapshot=perhaps"         -- -drive "$D,id=a,snapshot=perhaps" --max-insns 1000 "$G/loop.elf"
for b in on off yes no true false; do
  run 124 - "-drive readonly=$b" -- -drive "$D,id=a,readonly=$b" -device $DEV,drive=a --max-insns 1000 "$G/loop.elf"
done
# xv6's Makefile passes -global virtio-mmio.force-legacy=false: accepted; legacy and others refused
run 124 - "-global virtio-mmio.force-legacy=false" -- -global virtio-mmio.force-legacy=false --max-insns 1000 "$G/loop.elf"
run 2 "legacy virtio-mmio"   "-global ...force-legacy=true"    -- -global virtio-mmio.force-legacy=true --max-insns 1000 "$G/loop.elf"
run 2 "unsupported -global"  "-global foo.bar=1"               -- -global foo.bar=1 --max-insns 1000 "$G/loop.elf"
run 2 "empty file name"      "-drive file= (empty)"            -- -drive file= --max-insns 1000 "$G/loop.elf"
run 2 "empty file name"      "-drive file=,id=x"               -- -drive file=,if=none,id=x --max-insns 1000 "$G/loop.elf"
run 2 "unsupported machine virtfoo" "-M virtfoo"               -- -M virtfoo --max-insns 1000 "$G/loop.elf"
run 2 "unsupported machine" "-machine virt,aclint (no value)"  -- -machine virt,aclint --max-insns 1000 "$G/loop.elf"
run 2 "unsupported machine" "-M spike"                         -- -M spike --max-insns 1000 "$G/loop.elf"
run 124 - "-M virt,aclint=on"                                  -- -M virt,aclint=on --max-insns 1000 "$G/loop.elf"
run 124 - "-machine virt"                                      -- -machine virt --max-insns 1000 "$G/loop.elf"
run 42 - "-bios none PROGRAM.elf (as -bios none -kernel)"      -- -bios none "$G/exit42.elf"
# the finisher's first write ends the run, as on QEMU (a later PASS does not undo a FAIL)
run 7 - "sifive_test written twice (FAIL 7, then PASS)"          -- -bios none "$G/exit_twice.elf"
run 2 "not both"             "PROGRAM.elf with a real -bios"   -- -bios "$G/loop.elf" "$G/exit42.elf"
run 2 "not both"             "PROGRAM.elf with -kernel"        -- -bios none -kernel "$G/loop.elf" "$G/exit42.elf"

run 2 - "unknown flag"      -- --frobnicate "$G/loop.elf"
run 2 - "no program"        --
run 2 - "-smp without value" -- -smp
run 2 - "-smp 0"            -- -smp 0 "$G/loop.elf"
run 2 - "-smp 65"           -- -smp 65 "$G/loop.elf"
run 2 - "-smp abc"          -- -smp abc "$G/loop.elf"
run 2 - "-smp -1"           -- -smp -1 "$G/loop.elf"
run 2 - "-m 0"              -- -m 0 "$G/loop.elf"
run 2 - "-m 12Q"            -- -m 12Q "$G/loop.elf"
run 2 - "-m 1K"             -- -m 1K "$G/loop.elf"
run 2 - "-m -5M"            -- -m -5M "$G/loop.elf"
run 2 - "--max-insns 0"     -- --max-insns 0 "$G/loop.elf"
run 2 - "--timeout x"       -- --timeout x "$G/loop.elf"

run 124 - "--timeout 1 on an endless loop"   -- --timeout 1 "$G/loop.elf"
run 124 - "--max-insns on an endless loop"   -- --max-insns 2000000 "$G/loop.elf"
run 124 - "--max-insns, -smp 4"             -- -smp 4 --max-insns 2000000 "$G/loop.elf"
run 124 - "--timeout 1 on endless fetch faults"  -- --timeout 1 "$G/faultloop.elf"
run 124 - "--max-insns on endless fetch faults"  -- --max-insns 100000 "$G/faultloop.elf"

[ $rc = 0 ] && echo PASS || echo "FAIL: bad_input"
exit $rc
