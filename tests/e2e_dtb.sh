#!/bin/bash
# --dump-dtb writes a device tree that dtc accepts and that describes the
# board asked for: one cpu node per hart with an mmu-type, memory of the -m
# size, /chosen/bootargs from -append, the UART, CLINT, PLIC and virtio slots.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/loop.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
for t in dtc fdtget; do command -v $t >/dev/null || { echo "FAIL: $t missing (device-tree-compiler)"; exit 1; }; done
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# check SMP MEM_ARG MEM_HEX MMU BOOTARGS [extra args]
check() {
  local smp=$1 m=$2 memhex=$3 mmu=$4 args=$5; shift 5
  local d=$T/board.dtb
  rm -f "$d"
  echo "== -smp $smp -m $m -append '$args' $*"
  # --dump-dtb writes the tree and exits 0 without running the guest (as
  # QEMU's dumpdtb); --max-insns only guards against a regression to running.
  timeout 20 "$PAGODA" -smp $smp -m $m -append "$args" "$@" --dump-dtb "$d" \
    --max-insns 100000 -bios none -kernel "$GUEST" 2>"$T/err"; local st=$?
  [ $st = 0 ] || { fail "exit status $st: $(cat "$T/err")"; return; }
  [ -s "$d" ] || { fail "--dump-dtb wrote nothing"; return; }
  dtc -I dtb -O dts -o "$T/board.dts" "$d" 2>"$T/dtc.err" || { fail "dtc rejects the tree: $(cat "$T/dtc.err")"; return; }
  local cpus; cpus=$(fdtget -l "$d" /cpus | grep -c '^cpu@')
  [ "$cpus" = "$smp" ] || fail "$cpus cpu nodes, wanted $smp"
  for ((i = 0; i < smp; i++)); do
    local n=/cpus/cpu@$i
    [ "$(fdtget -t s "$d" $n device_type 2>&1)" = cpu ] || fail "$n: device_type is not cpu"
    [ "$(fdtget -t s "$d" $n mmu-type 2>&1)" = "riscv,$mmu" ] || fail "$n: mmu-type is '$(fdtget -t s "$d" $n mmu-type 2>&1)', wanted riscv,$mmu"
    [ "$(fdtget -t x "$d" $n reg 2>&1)" = "$(printf %x $i)" ] || fail "$n: reg is not $i"
    fdtget -t s "$d" $n riscv,isa | grep -q '^rv64ima' || fail "$n: riscv,isa is '$(fdtget -t s "$d" $n riscv,isa 2>&1)'"
  done
  [ "$(fdtget -t x "$d" /memory@80000000 reg 2>&1)" = "0 80000000 0 $memhex" ] ||
    fail "memory reg is '$(fdtget -t x "$d" /memory@80000000 reg 2>&1)', wanted 0 80000000 0 $memhex"
  [ "$(fdtget -t s "$d" /chosen bootargs 2>&1)" = "$args" ] ||
    fail "bootargs is '$(fdtget -t s "$d" /chosen bootargs 2>&1)', wanted '$args'"
  fdtget -t s "$d" /chosen stdout-path | grep -q serial@10000000 || fail "stdout-path does not name the UART"
  [ "$(fdtget -t s "$d" /soc/serial@10000000 compatible 2>&1)" = ns16550a ] || fail "no ns16550a at 0x10000000"
  fdtget -l "$d" /soc | grep -q '^clint@2000000$' || fail "no clint@2000000"
  fdtget -l "$d" /soc | grep -q '^plic@c000000$' || fail "no plic@c000000"
  fdtget -l "$d" /soc | grep -q '^virtio_mmio@10001000$' || fail "no virtio_mmio@10001000"
  [ "$(fdtget -t x "$d" /soc/plic@c000000 interrupts-extended | wc -w)" = $((4 * smp)) ] ||
    fail "PLIC interrupts-extended does not have 2 contexts per hart"
  [ $rc = 0 ] && echo "ok: $cpus cpus (riscv,$mmu), memory 0x$memhex, bootargs '$args'"
}
check 3 256M 10000000 sv57 "console=ttyS0 root=/dev/vda rw"
check 1 1G 40000000 sv39 "quiet" --mmu sv39
check 8 128M 8000000 sv48 "a=b  c=\"d e\"" --mmu sv48
[ $rc = 0 ] && echo PASS || echo "FAIL: dtb"
exit $rc
