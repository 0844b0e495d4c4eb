#!/bin/bash
# A UART driver that never reads IIR, as xv6-riscv's (issue #17): interrupts
# through PLIC source 10 to M-mode, one byte per THR-empty interrupt
# (tests/guest/uart_noiir.c).  The message must come out whole, the number
# of UART interrupts must stay bounded (a PLIC that re-pends THRE at each
# completion storms for ever: the guest reports it past 5000 traps), and in
# loopback a written byte must raise an RX interrupt and be read back.  On
# -smp 3 every hart enables the source on its M context and whoever claims
# it handles it.  --max-insns bounds a storm the guest failed to notice.
# Small quanta cut decoded blocks often and take interrupts right at a cut:
# -smp 1 --quantum 20 and -smp 3 --quantum 13 are run for that (timeout -k,
# since a hart that overruns its budget would not see the signal either).
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/uart_noiir.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
MSG="uart_noiir: the quick brown fox jumps over the lazy dog 0123456789"
for what in "-smp 1" "-smp 3" "-smp 1 --quantum 20" "-smp 3 --quantum 13"; do
  smp=${what#-smp }; smp=${smp%% *}; extra=${what#-smp "$smp"}
  echo "== $what"
  # shellcheck disable=SC2086 # $extra is split into options on purpose
  timeout -k 5 60 "$PAGODA" -smp "$smp" -m 64M -bios none -nographic --timeout 40 --max-insns 100000000 $extra \
      -kernel "$GUEST" >"$T/out" 2>"$T/err"; st=$?
  tr -d '\r' <"$T/out" >"$T/got"
  cat "$T/got" "$T/err"
  [ $st = 0 ] || fail "$what: exit status $st, wanted 0"
  grep -qxF "$MSG" "$T/got" || fail "$what: the message was not printed whole"
  grep -qx "UART_NOIIR OK" "$T/got" || fail "$what: no UART_NOIIR OK"
  grep -q "^uart_noiir: $smp harts," "$T/got" || fail "$what: the guest did not count $smp harts"
done
[ $rc = 0 ] && echo PASS || echo "FAIL: uart_noiir"
exit $rc
