#!/bin/bash
# The minimal hypervisor (examples/hyper, docs/HYPERVISOR.md): hyper.elf runs its guest in
# VS-mode (Sv39 over Sv39x4), which passes its self-check and exits 0 through the SBI; the
# console shows every step and the exit count; hyper-gpf.elf's guest reads unmapped
# guest-physical memory and the hypervisor reports the guest-page fault (GPA, guest VA)
# and exits 3. Checked on Pagoda with -cpu max and, when qemu-system-riscv64 is installed,
# on QEMU with -cpu rv64,h=true. On a CPU without H (Pagoda's default -cpu, and -cpu max
# until it has H) the hypervisor must say so and exit 2.
# Builds nothing: the ELFs come from BUILD_DIR/examples/hyper.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
HYP=$BUILD/examples/hyper
if [ ! -r "$HYP/hyper.elf" ] || [ ! -r "$HYP/hyper-gpf.elf" ]; then
  if grep -q '^PAGODA_CROSS:BOOL=OFF' "$BUILD/CMakeCache.txt" 2>/dev/null; then
    echo "SKIP: PAGODA_CROSS is off, so $HYP is not built"; exit 0
  fi
  echo "FAIL: $HYP/hyper.elf or hyper-gpf.elf not built"; exit 1
fi
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# run LABEL WANT_STATUS ELF EMULATOR...: run, keep the output (CRs removed) in $T/out
run() {
  local label=$1 want=$2 elf=$3; shift 3
  timeout -k 5 120 "$@" -kernel "$elf" </dev/null >"$T/raw" 2>&1
  local st=$?
  tr -d '\r' <"$T/raw" >"$T/out"
  if [ "$st" != "$want" ]; then
    fail "$label: exit status $st, wanted $want"; sed 's/^/    /' "$T/out" | tail -20; return 1
  fi
  return 0
}
# expect LABEL LINE...: each LINE is a whole line of $T/out, in this order
expect() {
  local label=$1; shift
  local from=1 line n
  for line in "$@"; do
    n=$(tail -n +"$from" "$T/out" | grep -nxF -m1 -- "$line" | cut -d: -f1)
    if [ -z "$n" ]; then
      fail "$label: missing (in order) the line: $line"; sed 's/^/    /' "$T/out" | tail -20; return 1
    fi
    from=$((from + n))
  done
  return 0
}

# check_hyper LABEL EMULATOR...: the example guest and the guest-page fault, on one emulator
check_hyper() {
  local label=$1; shift
  if run "$label hyper.elf" 0 "$HYP/hyper.elf" "$@" &&
     expect "$label hyper.elf" \
       "hyper: HS-mode, guest RAM 16 MiB at guest-physical 0x0000000080000000 backed by host 0x0000000082000000" \
       "guest: hello from the guest, turning on Sv39" \
       "guest: Sv39 on" \
       "guest: page A through its alias: ok" \
       "guest: page B through its identity mapping: ok" \
       "guest: alias of A does not see B: ok" \
       "guest: remapped alias reads page B: ok" \
       "guest: this line went straight to the UART" \
       "guest: self-check passed, exiting with status 0"; then
    # the last line counts the exits: every console character was one, plus the exit call
    local last; last=$(grep '^hyper: guest exited' "$T/out")
    local total putc other
    total=$(sed -n 's/.*exits: \([0-9]*\) (putchar \([0-9]*\), other SBI \([0-9]*\), guest-page faults 0, other 0)$/\1/p' <<<"$last")
    putc=$(sed -n 's/.*(putchar \([0-9]*\), other SBI 1, .*/\1/p' <<<"$last")
    if [ -z "$total" ] || [ -z "$putc" ] || [ "$total" != $((putc + 1)) ]; then
      fail "$label hyper.elf: exit line '$last' (wanted status 0 and exits = putchar + 1)"
    else
      # one putchar exit per character of the guest's lines (but the one it wrote to the
      # UART itself), each line ending in CR LF: wc -c counts the LF, add one CR a line
      local chars lines
      chars=$(grep '^guest: ' "$T/out" | grep -v 'straight to the UART' | wc -c)
      lines=$(grep '^guest: ' "$T/out" | grep -vc 'straight to the UART')
      [ "$putc" = $((chars + lines)) ] ||
        fail "$label hyper.elf: $putc putchar exits for $chars characters in $lines lines"
      echo "ok: $label hyper.elf: guest self-check passed, $last"
    fi
  fi
  if run "$label hyper-gpf.elf" 3 "$HYP/hyper-gpf.elf" "$@" &&
     expect "$label hyper-gpf.elf" \
       "guest: remapped alias reads page B: ok" \
       "guest: reading guest-physical memory the hypervisor did not map" \
       "hyper: guest-page fault (load) at guest-physical 0x0000000090000018, guest-virtual 0x0000000040002018, guest pc $(guest_pc)" \
       "hyper: guest stopped, status 3; exits: $(gpf_exits)"; then
    grep -q 'the read did not fault' "$T/out" && fail "$label hyper-gpf.elf: the guest went on after the fault"
    echo "ok: $label hyper-gpf.elf: guest-page fault reported, status 3"
  fi
}
# the faulting load's address in the gpf guest (its ELF sits beside hyper-gpf.elf): the one
# ld with offset 0x18 in guest_main
guest_pc() {
  local a
  a=$(riscv64-unknown-elf-objdump -d "$HYP/guest-gpf.elf" 2>/dev/null |
      awk '/<guest_main>:/ { f = 1 } f && /\tld\t/ && /0x18\(|24\(/ { sub(":", "", $1); print $1; exit }')
  if [ -n "$a" ]; then printf '0x%016x' "0x$a"; else echo "(the faulting ld not found in guest-gpf.elf)"; fi
}
# the gpf run's exit count: its putchar exits plus the fault
gpf_exits() {
  local p; p=$(grep -o 'exits: [0-9]* (putchar [0-9]*' "$T/out" | sed 's/.*putchar //')
  echo "$((p + 1)) (putchar $p, other SBI 0, guest-page faults 1, other 0)"
}

# Pagoda without H: the default CPU has none
if run "pagoda default cpu" 2 "$HYP/hyper.elf" "$PAGODA" -bios none -nographic &&
   expect "pagoda default cpu" \
     "hyper: this hart has no H extension (misa.H = 0); run with -cpu max (Pagoda) or -cpu rv64,h=true (QEMU)"; then
  echo "ok: pagoda default cpu: no H, reported, status 2"
fi
# Pagoda with -cpu max: the whole check once it has H
d=$T/board.dtb
if timeout 20 "$PAGODA" -cpu max --dump-dtb "$d" -bios none -kernel "$HYP/hyper.elf" 2>"$T/err"; then
  isa=$(fdtget -t s "$d" /cpus/cpu@0 riscv,isa 2>/dev/null)
  if [[ $isa =~ ^rv64[a-z]*h ]]; then
    check_hyper "pagoda -cpu max" "$PAGODA" -bios none -cpu max -nographic
  else
    echo "NOTE: pagoda -cpu max has no H yet ($isa): only the refusal is checked"
    run "pagoda -cpu max, no H" 2 "$HYP/hyper.elf" "$PAGODA" -bios none -cpu max -nographic &&
      expect "pagoda -cpu max, no H" \
        "hyper: this hart has no H extension (misa.H = 0); run with -cpu max (Pagoda) or -cpu rv64,h=true (QEMU)" &&
      echo "ok: pagoda -cpu max: no H, reported, status 2"
  fi
else
  fail "pagoda -cpu max --dump-dtb: $(cat "$T/err")"
fi
# QEMU, the peer, when installed
if command -v qemu-system-riscv64 >/dev/null; then
  check_hyper "qemu" qemu-system-riscv64 -M virt -cpu rv64,h=true -bios none -nographic -monitor none
else
  echo "NOTE: qemu-system-riscv64 not installed: QEMU not checked"
fi
[ $rc = 0 ] && echo "PASS"
exit $rc
