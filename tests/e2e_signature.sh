#!/bin/bash
# --signature FILE writes begin_signature..end_signature when the guest ends,
# in Spike's +signature format (one line per --signature-granularity bytes,
# highest address first, a last partial line padded with zero bytes), for
# both ways a guest ends (HTIF tohost, sifive_test); nothing when the run is
# stopped from outside; a clear one-line error and exit 1 when the ELF has no
# signature symbols; exit 2 for a bad granularity.
# The guest (tests/guest/signature.S) leaves 20 bytes: 0x11223344, the
# doubleword 0x8877665544332211 at offset 4, 0xcafef0ab, 0x01234567.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
G=$BUILD/tests/guest
for f in signature.elf signature-sifive.elf signature-spin.elf exit42.elf; do
  [ -r "$G/$f" ] || { echo "FAIL: $G/$f not built"; exit 1; }
done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# expect NAME FILE LINES...: FILE holds exactly LINES
expect() {
  local name=$1 file=$2; shift 2
  printf '%s\n' "$@" >"$T/want"
  if ! [ -f "$file" ]; then fail "$name: no signature file written"; return; fi
  cmp -s "$file" "$T/want" || fail "$name: got $(tr '\n' ' ' <"$file"), wanted $*"
}

echo "== HTIF exit, default granularity (4)"
timeout 30 "$PAGODA" --timeout 20 --signature "$T/s4" "$G/signature.elf" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "exit status $st: $(cat "$T/err")"
expect "granularity 4" "$T/s4" 11223344 44332211 88776655 cafef0ab 01234567

echo "== granularity 8 and 16 (partial last line padded with zeros), 1"
timeout 30 "$PAGODA" --timeout 20 --signature "$T/s8" --signature-granularity 8 "$G/signature.elf" || fail "granularity 8 run"
expect "granularity 8" "$T/s8" 4433221111223344 cafef0ab88776655 0000000001234567
timeout 30 "$PAGODA" --timeout 20 --signature="$T/s16" --signature-granularity=16 "$G/signature.elf" || fail "granularity 16 run"
expect "granularity 16" "$T/s16" cafef0ab887766554433221111223344 00000000000000000000000001234567
timeout 30 "$PAGODA" --timeout 20 --signature "$T/s1" --signature-granularity 1 "$G/signature.elf" || fail "granularity 1 run"
[ "$(head -4 "$T/s1" 2>/dev/null | tr -d '\n')" = 44332211 ] && [ "$(wc -l <"$T/s1")" = 20 ] ||
  fail "granularity 1: wanted 20 lines starting 44 33 22 11, got $(head -4 "$T/s1" 2>/dev/null | tr '\n' ' ')"

echo "== sifive_test poweroff, -bios none -kernel"
timeout 30 "$PAGODA" --timeout 20 -bios none -kernel "$G/signature-sifive.elf" --signature "$T/sf" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "sifive exit status $st: $(cat "$T/err")"
expect "sifive_test" "$T/sf" 11223344 44332211 88776655 cafef0ab 01234567

echo "== stopped by --max-insns: no signature"
timeout 30 "$PAGODA" --max-insns 10000 --signature "$T/spin" "$G/signature-spin.elf" 2>"$T/err"; st=$?
[ $st = 124 ] || fail "--max-insns run: exit status $st, wanted 124"
[ -s "$T/spin" ] && fail "a signature was written for a guest that did not end: $(cat "$T/spin")"

echo "== no signature symbols: one line, exit 1, no file"
timeout 30 "$PAGODA" --timeout 20 --signature "$T/none" "$G/exit42.elf" >"$T/out" 2>"$T/err"; st=$?
[ $st = 1 ] || fail "missing symbols: exit status $st, wanted 1"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q "begin_signature" "$T/err" && grep -q "exit42.elf" "$T/err" ||
  fail "missing symbols: wanted one line naming the file and begin_signature, got: $(cat "$T/err")"
[ -e "$T/none" ] && fail "missing symbols: a file was written"
[ -s "$T/out" ] && fail "missing symbols: the guest ran (stdout: $(cat "$T/out"))"

echo "== bad granularity, unwritable file"
for g in 0 x 4097; do
  timeout 30 "$PAGODA" --signature "$T/bad" --signature-granularity $g "$G/signature.elf" 2>"$T/err"; st=$?
  [ $st = 2 ] && grep -q usage "$T/err" || fail "granularity $g: exit status $st, wanted 2 with the usage line"
done
timeout 30 "$PAGODA" --timeout 20 --signature "$T/no/such/dir/sig" "$G/signature.elf" 2>"$T/err"; st=$?
[ $st = 1 ] && grep -q "no/such/dir" "$T/err" || fail "unwritable file: exit status $st, $(cat "$T/err")"

[ $rc = 0 ] && echo "PASS"
exit $rc
