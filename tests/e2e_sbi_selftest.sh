#!/bin/bash
# Pagoda's SBI firmware with its S-mode self-test payload on -smp 1 and -smp 4:
# the payload prints "SBI TEST PASS" and powers off with status 0.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
HERE=$(cd "$(dirname "$0")" && pwd)
T=$BUILD/firmware/sbi-test.elf
for f in "$BUILD/firmware/pagoda-fw.elf" "$T"; do
  [ -r "$f" ] || { echo "FAIL: $f not built"; exit 1; }
done
rc=0
for smp in 1 4; do
  echo "== -smp $smp"
  python3 "$HERE/e2e_console.py" --deadline 25 --exit-code 0 \
    "expect:SBI TEST PASS" -- \
    "$PAGODA" -smp $smp -m 128M -nographic --timeout 20 -kernel "$T" || rc=1
done
[ $rc = 0 ] && echo PASS || echo "FAIL: SBI self-test"
exit $rc
