#!/bin/bash
# The teaching OS as a guest of the minimal hypervisor (examples/hyper/hyper-os.elf,
# docs/HYPERVISOR.md "The teaching OS as a guest"): the OS's usual command line on -smp 1
# with the hypervisor as -bios, so the kernel runs in VS-mode, Sv39 over Sv39x4.
# - Pagoda -cpu max: every test that passes natively (the same command with Pagoda's
#   firmware) passes as a guest, none fails, exit 0 through SBI SRST; the hypervisor's
#   boot and exit lines; --stats shows two-stage walks and G-stage PTE reads. Also the
#   guest's Sv48 (vm=sv48) and its 1 GiB pages (-m 3G, test=giant).
# - guest-sbicheck.elf (examples/hyper/guest/sbicheck.c) in the OS's place: the SBI calls
#   the OS does not make on one hart (probes, DBCN, HSM, IPI, TIME, RFENCE with a stale
#   translation that must be gone, errors), the PLIC page by each encoding; status 0.
#   Built -DTOUCH_HYPERVISOR (guest-touchhyp.elf) it reads the hypervisor's memory at
#   0x80000000: a guest-page fault, reported, exit 3.
# - an unknown test: "0 passed, 1 failed", the OS's failure code written to the test
#   finisher (emulated by the hypervisor) becomes exit status 1.
# - hyper-os-gpf.elf (the virtio-mmio pages left out of the G-stage): the OS boots and
#   prints, its first disk access is reported as a guest-page fault (GPA, guest VA, pc),
#   exit 3.
# - with the RISC-V IOMMU and the accelerator: every test passes (only giant may skip),
#   their interrupts come through the PLIC's S-mode context: forwarded as VSEI, every
#   claim of a source completed, and no more empty claims than forwarded interrupts
#   (VSEIP follows the PLIC line, so the guest is never interrupted for nothing).
# - without H (Pagoda's default -cpu): the hypervisor refuses, exit 2.
# - QEMU 7.2 (when installed) -cpu rv64,h=true,svnapot=true: the tests pass there too
#   (svnapot for the napot test, virtio-mmio version 2 as the OS's driver wants), and
#   the unknown test exits 1.
# Builds nothing: the ELFs and the disk come from BUILD_DIR/examples.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
HYP=$BUILD/examples/hyper; OS=$BUILD/examples/os
KERNEL=$OS/kernel.elf; DISK=$OS/disk.img
if [ ! -r "$HYP/hyper-os.elf" ] || [ ! -r "$HYP/hyper-os-gpf.elf" ] || [ ! -r "$KERNEL" ] || [ ! -r "$DISK" ]; then
  if grep -q '^PAGODA_CROSS:BOOL=OFF' "$BUILD/CMakeCache.txt" 2>/dev/null; then
    echo "SKIP: PAGODA_CROSS is off, so the hypervisor and the OS are not built"; exit 0
  fi
  echo "FAIL: $HYP/hyper-os.elf, hyper-os-gpf.elf, $KERNEL or $DISK not built"; exit 1
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
NTESTS=$(find "$OS/user" -name 'test_*' -type f | wc -l)
[ "$NTESTS" -gt 0 ] || { echo "FAIL: no test programs in $OS/user"; exit 1; }
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# boot OUT WANT_STATUS EMULATOR-AND-OPTIONS... [-- BOOTARGS]: the OS's command line
# (-m 256M unless the options say otherwise, -kernel, the disk, -snapshot) with the given
# emulator and options; the output, CRs removed, goes to $T/OUT. Returns 1 (and says so)
# if the exit status is not WANT_STATUS.
boot() {
  local out=$1 want=$2; shift 2
  local cmd=() args=""
  while [ $# -gt 0 ] && [ "$1" != -- ]; do cmd+=("$1"); shift; done
  [ "${1:-}" = -- ] && { shift; args="$*"; }
  timeout -k 10 300 "${cmd[0]}" -m 256M "${cmd[@]:1}" -nographic -snapshot -kernel "$KERNEL" \
    -drive file="$DISK",if=none,format=raw,id=x0 -device virtio-blk-device,drive=x0 \
    -append "$args" </dev/null >"$T/raw" 2>&1
  local st=$?
  tr -d '\r' <"$T/raw" >"$T/$out"
  if [ "$st" != "$want" ]; then
    fail "$out: exit status $st, wanted $want; the output's end:"; tail -15 "$T/$out" | sed 's/^/    /'
    return 1
  fi
}
# has OUT LINE...: each LINE (a whole line, fixed string) is in $T/OUT
has() {
  local out=$1 line; shift
  for line in "$@"; do
    grep -qxF -- "$line" "$T/$out" || { fail "$out: no line '$line'"; tail -15 "$T/$out" | sed 's/^/    /'; return 1; }
  done
}
# all_passed OUT: "N passed, 0 failed" with N plus the skipped equal to the test count;
# sets NPASSED to N
all_passed() {
  local p s
  NPASSED=
  p=$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$T/$1")
  s=$(sed -n 's/^\([0-9]*\) skipped$/\1/p' "$T/$1")
  if [ -z "$p" ] || [ $((p + ${s:-0})) != "$NTESTS" ]; then
    fail "$1: wanted $NTESTS tests passed or skipped and 0 failed:"; grep -E '^(FAIL|SKIP)|passed|failed' "$T/$1" | sed 's/^/    /'
    return 1
  fi
  NPASSED=$p
}
# exits OUT FIELD: a number from the hypervisor's exit line ("claims", "external interrupts", ...)
exits() { grep '^hyper: exits: ' "$T/$1" | sed -n "s/.*[ (]$2 \([0-9]*\).*/\1/p"; }

PG=("$PAGODA" -cpu max --max-insns 8000000000)
BOOT_LINES=("hyper: entering the guest kernel at 0x0000000080200000 in VS-mode")

# 1. the tests as a guest, against the same tests natively
if boot native 0 "$PAGODA" --max-insns 8000000000 && all_passed native &&
   boot guest 0 "${PG[@]}" --stats -bios "$HYP/hyper-os.elf" &&
   has guest "${BOOT_LINES[@]}" "hyper: guest shut down (SBI SRST), status 0" &&
   all_passed guest; then
  n_guest=$NPASSED
  grep '^PASS ' "$T/native" | sort >"$T/pass.native"
  grep '^PASS ' "$T/guest" | sort >"$T/pass.guest"
  if ! cmp -s "$T/pass.native" "$T/pass.guest"; then
    fail "pagoda guest: not the tests that pass natively:"; diff "$T/pass.native" "$T/pass.guest" | sed 's/^/    /'
  elif ! grep -qxF "pagoda-os: 1 harts, boot hart 0, RAM 256 MiB, Sv39, 65536 ASIDs, the minimal hypervisor (VS-mode)" "$T/guest"; then
    fail "pagoda guest: the OS's banner does not name the hypervisor: $(grep '^pagoda-os' "$T/guest")"
  else
    timers=$(exits guest set_timer)
    [ "${timers:-0}" -gt 0 ] || fail "pagoda guest: no SBI set_timer counted: $(grep '^hyper: exits' "$T/guest")"
    # --stats: the kernel's translations went through both stages
    walks=$(sed -n 's/^  two-stage: translations [0-9]* walks \([0-9]*\); G-stage walks \([0-9]*\);.*/\1 \2/p' "$T/guest")
    gfinal=$(sed -n 's/.* G-final \([0-9]*\)\/\([0-9]*\)\/\([0-9]*\)\/.*/\1 \2 \3/p' "$T/guest")
    read -r vs_walks g_walks <<<"$walks"; read -r g0 g1 g2 <<<"$gfinal"
    if [ -z "$vs_walks" ] || [ "$vs_walks" -lt 1000 ] || [ "${g_walks:-0}" -lt 1 ] ||
       [ $((${g0:-0} + ${g1:-0} + ${g2:-0})) -lt 1 ]; then
      fail "pagoda guest --stats: wanted two-stage walks (1000 or more) and G-stage PTE reads:"
      grep -A3 'two-stage' "$T/guest" | sed 's/^/    /'
    else
      echo "ok: pagoda -cpu max: $n_guest passed as a guest (the same PASS lines as natively), 0 failed, status 0; $timers set_timer exits; --stats: $vs_walks two-stage walks, $g_walks G-stage walks, G-final PTE reads by level $g0/$g1/$g2"
    fi
  fi
fi

# 1b. the guest's own Sv48 over Sv39x4, and its 1 GiB pages (giant, which needs -m 3G)
boot sv48 0 "${PG[@]}" -bios "$HYP/hyper-os.elf" -- vm=sv48 && all_passed sv48 &&
  has sv48 "pagoda-os: 1 harts, boot hart 0, RAM 256 MiB, Sv48, 65536 ASIDs, the minimal hypervisor (VS-mode)" &&
  echo "ok: pagoda vm=sv48: $NPASSED passed as a guest (Sv48 over Sv39x4), 0 failed"
boot giant 0 "${PG[@]}" -m 3G -bios "$HYP/hyper-os.elf" -- test=giant &&
  has giant "PASS giant" "1 passed, 0 failed" &&
  echo "ok: pagoda -m 3G test=giant: 1 GiB guest pages over 2 MiB G-stage leaves pass"

# 1c. the SBI calls the OS never makes on one hart: guest-sbicheck.elf checks each answer
# (and the PLIC context page by lw, lwu, sw, c.lw, c.sw); on QEMU too (below)
# sbicheck LABEL EMULATOR...: run it, status 0, every check ok
sbicheck() {
  local label=$1; shift
  timeout -k 5 120 "$@" -m 256M -nographic -bios "$HYP/hyper-os.elf" -kernel "$HYP/guest-sbicheck.elf" \
    </dev/null 2>&1 | tr -d '\r' >"$T/sbicheck"
  local st=${PIPESTATUS[0]} n
  n=$(grep -c '^sbicheck: .*: ok$' "$T/sbicheck")
  if [ "$st" != 0 ] || ! grep -qxF "sbicheck: all $n checks passed" "$T/sbicheck" || [ "$n" -lt 39 ] ||
     ! grep -qxF "sbicheck: this line came through DBCN console_write" "$T/sbicheck"; then
    fail "$label sbicheck: status $st, $n checks ok (39 wanted):"; grep -v ': ok$' "$T/sbicheck" | sed 's/^/    /'
  else
    echo "ok: $label: guest-sbicheck.elf, all $n SBI and PLIC-emulation checks passed"
  fi
}
if [ -r "$HYP/guest-sbicheck.elf" ]; then
  sbicheck "pagoda -cpu max" "$PAGODA" -cpu max --max-insns 100000000
else
  fail "$HYP/guest-sbicheck.elf not built"
fi

# 1d. the hypervisor's own 2 MiB are out of the guest's reach: guest-touchhyp.elf reads
# 0x80000000 and is stopped with the report
if [ -r "$HYP/guest-touchhyp.elf" ]; then
  timeout -k 5 120 "$PAGODA" -cpu max --max-insns 100000000 -m 256M -nographic -bios "$HYP/hyper-os.elf" \
    -kernel "$HYP/guest-touchhyp.elf" </dev/null 2>&1 | tr -d '\r' >"$T/touchhyp"
  st=${PIPESTATUS[0]}
  if [ "$st" = 3 ] && grep -qE '^hyper: guest-page fault \(load\) at guest-physical 0x0000000080000000, guest-virtual 0x0000000080000000, guest pc 0x00000000802[0-9a-f]{5} \(VS-mode\)$' "$T/touchhyp" &&
     ! grep -q 'did not fault' "$T/touchhyp"; then
    echo "ok: pagoda guest-touchhyp.elf: the guest's read of the hypervisor at 0x80000000 is a guest-page fault, status 3"
  else
    fail "touchhyp: status $st (3 wanted) or no report of the fault at 0x80000000:"; tail -4 "$T/touchhyp" | sed 's/^/    /'
  fi
else
  fail "$HYP/guest-touchhyp.elf not built"
fi

# 2. a failure reaches the exit status through the emulated test finisher
boot nosuch 1 "${PG[@]}" -bios "$HYP/hyper-os.elf" -- test=nosuch &&
  has nosuch "0 passed, 1 failed" "hyper: guest powered off through the test finisher (fail), status 1" &&
  echo "ok: pagoda -cpu max: an unknown test, 0 passed, 1 failed, status 1 through the test finisher"

# 3. a deliberately wrong G-stage: no virtio-mmio pages; the fault names the first slot
# the OS reads (0x10008000, it probes from the last), its direct-map address, and the pc
if boot gpf 3 "${PG[@]}" -bios "$HYP/hyper-os-gpf.elf" &&
   has gpf "${BOOT_LINES[@]}" "hyper: guest stopped, status 3"; then
  want='^hyper: guest-page fault \(load\) at guest-physical 0x0000000010008000, guest-virtual 0xffffffc010008000, guest pc 0xffffffc0802[0-9a-f]{5} \(VS-mode\)$'
  if ! grep -q '^pagoda-os: 1 harts' "$T/gpf"; then fail "gpf: the OS did not boot before the fault"
  elif ! grep -qE "$want" "$T/gpf"; then fail "gpf: no report matching $want:"; tail -5 "$T/gpf" | sed 's/^/    /'
  elif grep -q 'passed,' "$T/gpf"; then fail "gpf: the OS went on after the fault"
  else echo "ok: pagoda hyper-os-gpf.elf: $(grep '^hyper: guest-page fault' "$T/gpf" | cut -c8-), status 3"
  fi
fi

# 4. the devices' interrupts through the PLIC's S-mode context
if boot devices 0 "${PG[@]}" --max-insns 20000000000 -M virt,iommu-sys=on -device pagoda-accel \
     -bios "$HYP/hyper-os.elf" && all_passed devices; then
  n=$NPASSED
  ext=$(exits devices "external interrupts"); cl=$(exits devices claims)
  empty=$(exits devices empty); co=$(exits devices completes)
  if [ "$n" -lt $((NTESTS - 1)) ]; then
    fail "devices: only $n passed (wanted all but giant)"; grep '^SKIP' "$T/devices" | sed 's/^/    /'
  elif [ -z "$ext" ] || [ "$ext" -lt 100 ] || [ -z "$co" ] || [ $((cl - empty)) != "$co" ] || [ "$empty" -gt "$ext" ]; then
    fail "devices: wanted 100 or more forwarded interrupts, claims - empty = completes, empty <= forwarded: $(grep '^hyper: exits' "$T/devices")"
  else
    echo "ok: pagoda with the IOMMU and the accelerator: $n passed as a guest; $ext external interrupts forwarded, $cl claims ($empty empty), $co completes"
  fi
fi

# 5. no H: refused
boot noh 2 "$PAGODA" --max-insns 100000000 -bios "$HYP/hyper-os.elf" &&
  has noh "hyper: this hart has no H extension (misa.H = 0); run with -cpu max (Pagoda) or -cpu rv64,h=true (QEMU)" &&
  echo "ok: pagoda default cpu: no H, refused, status 2"

# 6. QEMU, the peer
if command -v qemu-system-riscv64 >/dev/null; then
  Q=(qemu-system-riscv64 -M virt -cpu rv64,h=true,svnapot=true -smp 1 -monitor none
     -global virtio-mmio.force-legacy=false -bios "$HYP/hyper-os.elf")
  boot qemu 0 "${Q[@]}" && has qemu "${BOOT_LINES[@]}" "hyper: guest shut down (SBI SRST), status 0" &&
    all_passed qemu && echo "ok: qemu -cpu rv64,h=true: $NPASSED passed as a guest, 0 failed, status 0"
  boot qemu_nosuch 1 "${Q[@]}" -- test=nosuch && has qemu_nosuch "0 passed, 1 failed" &&
    echo "ok: qemu: an unknown test, status 1"
  [ -r "$HYP/guest-sbicheck.elf" ] && sbicheck qemu qemu-system-riscv64 -M virt -cpu rv64,h=true -smp 1 -monitor none
else
  echo "NOTE: qemu-system-riscv64 not installed: QEMU not checked"
fi
[ $rc = 0 ] && echo "PASS"
exit $rc
