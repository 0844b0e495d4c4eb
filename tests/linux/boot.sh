#!/usr/bin/env bash
# Boot the test kernel and initramfs once and check the run:
#
#   bash tests/linux/boot.sh EMULATOR SMP FIRMWARE [OUTPUT_FILE]
#
# EMULATOR is a pagoda binary, or "qemu" for qemu-system-riscv64 -M virt (the
# peer, for timings); FIRMWARE is "opensbi" (Debian's fw_jump.elf) or "pagoda"
# (Pagoda's own, i.e. no -bios; not for qemu).  KERNEL and INITRD come from the
# environment or from tests/linux/build.sh --no-kernel-build.  A 1 MiB virtio
# disk with a known pattern is attached; the stress program reads it and
# writes one 4 KiB block, which is checked here after the run.
#
# Prints one line: "ok   smp=N fw=F: init at X s, stress PASS at Y s, exit 0
# after Z s" (host seconds from the emulator's start) or "FAIL smp=N fw=F:
# why" and the last lines of the console (not with LINUX_QUIET=1).  Exit
# status 0 when the run passed.  Limits: LINUX_MAX_INSNS instructions
# (default 4e9; a passing -smp 4 run takes about 0.5e9) and LINUX_TIMEOUT
# seconds of host time (default 600, for a machine that is very busy); LINUX_APPEND adds to the kernel command line, LINUX_PAGODA_ARGS
# to Pagoda's (e.g. --quantum N).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
EMU=${1:?usage: $0 PAGODA|qemu SMP opensbi|pagoda [OUTPUT_FILE]}
SMP=${2:?}; FW=${3:?}; OUT=${4:-}
TIMEOUT=${LINUX_TIMEOUT:-600}
MAX_INSNS=${LINUX_MAX_INSNS:-4000000000}
OPENSBI=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.elf
NAME="smp=$SMP fw=$FW$([ "$EMU" = qemu ] && echo " (qemu)")"
fail() {
  echo "FAIL $NAME: $*${t_init:+ (init at $t_init s${t_pass:+, stress PASS at $t_pass s})}"
  [ -z "${LINUX_QUIET:-}" ] && [ -n "${OUT:-}" ] && [ -r "$OUT" ] && tail -25 "$OUT" | sed 's/^/    | /'
  exit 1
}
t_init='' t_pass='' stamp='' total=''

if [ -z "${KERNEL:-}" ] || [ -z "${INITRD:-}" ]; then
  eval "$(bash "$HERE/build.sh" --no-kernel-build)" || fail "no kernel or initramfs (see above)"
fi
case $FW in
  opensbi) [ -r "$OPENSBI" ] || fail "$OPENSBI missing (install opensbi)"; BIOS=(-bios "$OPENSBI") ;;
  pagoda) [ "$EMU" != qemu ] || fail "QEMU has no Pagoda firmware"; BIOS=() ;;
  *) fail "unknown firmware '$FW' (opensbi or pagoda)" ;;
esac

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
[ -n "$OUT" ] || OUT=$T/console
DISK=$T/disk.img
# byte i of the disk is blk_byte(i) of stress.c
python3 -c "
import sys
open(sys.argv[1], 'wb').write(bytes(((i * 131) ^ (i >> 9) ^ 0x5c) & 0xff for i in range(1 << 20)))" "$DISK"

# shellcheck disable=SC2054  # the commas are inside -drive's value
ARGS=(-smp "$SMP" -m 512M "${BIOS[@]}" -kernel "$KERNEL" -initrd "$INITRD"
      -append "console=ttyS0 earlycon=sbi ${LINUX_APPEND:-}" -nographic
      -drive "file=$DISK,if=none,format=raw,id=d0" -device virtio-blk-device,drive=d0)
if [ "$EMU" = qemu ]; then
  CMD=(timeout "$TIMEOUT" qemu-system-riscv64 -M virt "${ARGS[@]}")
else
  # shellcheck disable=SC2206  # LINUX_PAGODA_ARGS is a list of words
  CMD=("$EMU" --timeout "$TIMEOUT" --max-insns "$MAX_INSNS" ${LINUX_PAGODA_ARGS:-} "${ARGS[@]}")
fi

# every console line gets the host time since the start in front of it
# (bash arithmetic on $EPOCHREALTIME in microseconds: no process per line)
usecs() { local t=${EPOCHREALTIME/[.,]/}; echo $((10#$t)); }
secs() { printf -v "$1" '%d.%02d' $(($2 / 1000000)) $(($2 % 1000000 / 10000)); }  # VAR USECS
start=$(usecs)
"${CMD[@]}" </dev/null 2>&1 | while IFS= read -r line; do
  t=${EPOCHREALTIME/[.,]/}
  secs stamp $((10#$t - start))
  printf '%s %s\n' "$stamp" "${line%$'\r'}"
done >"$OUT"
st=${PIPESTATUS[0]}
secs total $(($(usecs) - start))
at() { grep -m1 -F "$1" "$OUT" | cut -d' ' -f1; }
t_init=$(at "PAGODA-LINUX-INIT: init started")
t_pass=$(at "PAGODA-LINUX-STRESS: PASS")
[ "$st" = 124 ] && fail "stopped by the limit (--timeout $TIMEOUT / --max-insns $MAX_INSNS) after $total s"
[ -n "$t_init" ] || fail "init never started (exit status $st after $total s)"
grep -q "PAGODA-LINUX-STRESS: FAIL" "$OUT" && fail "the stress program failed"
[ -n "$t_pass" ] || fail "no PASS line from the stress program (exit status $st after $total s)"
grep -q "PAGODA-LINUX-INIT: stress exited with status 0" "$OUT" || fail "the stress program did not exit 0"
[ "$st" = 0 ] || fail "exit status $st after $total s, wanted 0 (power-off through SBI)"
python3 - "$DISK" <<'PY' || fail "the block the stress program wrote is not in the disk image"
import sys
d = open(sys.argv[1], 'rb').read()
want = bytes(~((i * 131) ^ (i >> 9) ^ 0x5c) & 0xff for i in range(8192, 8192 + 4096))
sys.exit(0 if d[8192:8192 + 4096] == want else 1)
PY
echo "ok   $NAME: init at $t_init s, stress PASS at $t_pass s, exit 0 after $total s"
