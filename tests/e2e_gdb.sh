#!/bin/bash
# The GDB stub (-gdb / -s / -S, docs/DEBUGGING.md) driven by gdb-multiarch
# in batch mode: the teaching OS on 2 harts (its kernel runs in S-mode at
# 0xffffffc0_8020_0000 under Sv39): break on a kernel symbol, read a
# variable by its virtual address and by its physical one (monitor phys),
# info registers with satp and priv, stepi, threads (harts), a watchpoint
# hit, a breakpoint hit by the second hart, kill (exit 0); hardware
# breakpoints and watchpoints on debug triggers (hbreak, watch, rwatch,
# awatch; a fifth refused; a 3-byte range; none without Sdtrig); detach (the
# guest runs on to its own exit status); the raw protocol (checksums, bad
# packets, no-ack mode, the target description, Ctrl-C); bad flag values;
# SIGTERM while waiting for GDB; reads through the MMU that leave its
# statistics as they were (an Sv39 guest's --stats with and without GDB).
# Every run is bounded by timeout and --max-insns; ports are picked free.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
command -v gdb-multiarch >/dev/null || { echo "FAIL: gdb-multiarch not installed (scripts/install-deps.sh)"; exit 1; }
K=$BUILD/examples/os/kernel.elf; D=$BUILD/examples/os/disk.img; G=$BUILD/tests/guest
for f in "$K" "$D" "$G/exit42.elf" "$G/paging.elf" "$G/watchrange.elf"; do [ -r "$f" ] || { echo "FAIL: $f not built"; exit 1; }; done
T=$(mktemp -d); trap 'kill $PID 2>/dev/null; rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# wait_listen PORT: until something listens on 127.0.0.1:PORT (LISTEN is state 0A
# in /proc/net/tcp; connecting instead would attach a debugger), at most 60 s
wait_listen() {
  local hex; hex=$(printf '0100007F:%04X' "$1")
  for _ in $(seq 600); do grep -q " $hex 00000000:0000 0A " /proc/net/tcp && return 0; sleep 0.1; done
  return 1
}
OS=(-smp 2 -m 256M -nographic -kernel "$K" -snapshot -drive "file=$D,if=none,format=raw,id=x0"
    -device virtio-blk-device,drive=x0 --max-insns 400000000)
gdb_run() { # gdb_run NAME ELF PORT COMMANDS...
  local name=$1 elf=$2 port=$3; shift 3
  { echo "set pagination off"; echo "set confirm off"; echo "set tcp connect-timeout 60"
    echo "target remote 127.0.0.1:$port"; printf '%s\n' "$@"; } >"$T/$name.gdb"
  timeout 180 gdb-multiarch -batch -nx -x "$T/$name.gdb" "$elf" >"$T/$name.out" 2>&1
}
expect() { # expect NAME REGEX WHAT
  grep -Eq "$2" "$T/$1.out" || fail "$1: $3 (no /$2/ in the GDB output)"
}

echo "== bad flag values"
for args in "-gdb foo" "-gdb tcp::0" "-gdb tcp::99999" "-gdb tcp:0.0.0.0:1234" "-S"; do
  timeout 10 "$PAGODA" $args "$G/exit42.elf" >/dev/null 2>"$T/err"; st=$?
  [ $st = 2 ] || fail "pagoda $args: exit status $st, wanted 2"
  grep -q usage "$T/err" || fail "pagoda $args: no usage line"
done

echo "== SIGTERM ends a run that waits for GDB (-S), as any other; a port in use"
P=$(free_port)
timeout 90 "$PAGODA" -gdb tcp::$P -S "$G/exit42.elf" >/dev/null 2>&1 & PID=$!
wait_listen $P || fail "pagoda -gdb tcp::$P -S never listened"
# a port already in use: one line, exit status 1
timeout 10 "$PAGODA" -gdb tcp::$P "$G/exit42.elf" >/dev/null 2>"$T/err"; st=$?
[ $st = 1 ] || fail "a port in use: exit status $st, wanted 1"
grep -q "tcp::$P" "$T/err" || fail "a port in use: the error does not name it: $(cat "$T/err")"
kill -TERM $PID; wait $PID; st=$?
[ $st = 143 ] || fail "SIGTERM while waiting for GDB: exit status $st, wanted 143"

echo "== the teaching OS: break, read, registers, step, threads, watch, kill"
# addresses from the kernel's symbols (it changes): kmain, satp_mode, and
# satp_mode's physical address (the kernel maps itself at PA + 0xffffffc000000000)
sym() { riscv64-unknown-elf-nm "$K" | awk -v s="$1" '$3 == s { print "0x" $1 }'; }
KMAIN=$(sym kmain); SATP_MODE=$(sym satp_mode)
[ -n "$KMAIN" ] && [ -n "$SATP_MODE" ] || { echo "FAIL: kmain or satp_mode not in $K"; exit 1; }
SATP_MODE_PA=$(printf '0x%x' $((SATP_MODE - 0xffffffc000000000)))
P=$(free_port)
timeout 200 "$PAGODA" "${OS[@]}" -gdb tcp::$P -S >"$T/os.console" 2>&1 & PID=$!
gdb_run os "$K" "$P" \
  "info threads" \
  "break kmain" "continue" \
  "print/x \$pc" "print satp_mode" "print/x &satp_mode" \
  "info registers satp priv mstatus" "info registers a0 sp" \
  "stepi" "print/x \$pc" \
  "thread 2" "print/x \$pc" "thread 1" \
  "watch boardinfo.nharts" "continue" "print boardinfo.nharts" "delete" \
  "rwatch satp_mode" "continue" "bt 1" "delete" \
  "monitor phys on" "x/gx $SATP_MODE_PA" "monitor phys off" "x/gx $SATP_MODE" \
  "break kmain_secondary" "continue" "info threads" "print \$_thread" "print \$priv" \
  "thread 1" "set \$h0pc = \$pc" "thread 2" "set scheduler-locking on" "stepi" \
  "printf \"hart 1 stepped: %d\\n\", \$pc != (long)kmain_secondary" "thread 1" \
  "printf \"hart 0 stayed: %d\\n\", \$pc == \$h0pc" \
  "kill"
wait $PID; st=$?
[ $st = 0 ] || fail "os: pagoda exit status $st after kill, wanted 0"
expect os '2 +Thread 2 \(hart 1' "two harts as threads"
expect os 'Breakpoint 1, kmain \(hartid=0' "breakpoint on kmain (S-mode, Sv39)"
expect os "^\\\$1 = $KMAIN\$" "pc at kmain's virtual address"
expect os '^\$2 = 9223372036854775808' "satp_mode (0x8000000000000000) read by its virtual address"
expect os '^satp +0x8[0-9a-f]{15}' "satp in Sv39 mode"
expect os '^priv +0x1\s.*Supervisor' "priv = S"
expect os '^mstatus +0x' "mstatus"
expect os "^\\\$4 = ($(printf '0x%x|0x%x' $((KMAIN + 2)) $((KMAIN + 4))))\$" "stepi moved the pc by one instruction"
expect os 'Switching to thread 2' "thread 2"
expect os 'Hardware watchpoint 2: boardinfo.nharts' "watchpoint set"
expect os 'Old value = 0' "watchpoint hit (old value)"
expect os 'New value = [1-9]' "watchpoint hit (new value: harts counted)"
expect os 'Hardware read watchpoint 3: satp_mode' "read watchpoint set"
expect os '^Value = 9223372036854775808' "read watchpoint hit"
expect os "^$SATP_MODE_PA:\\s+0x8000000000000000" "physical read with monitor phys on"
expect os "^$SATP_MODE <satp_mode>:\\s+0x8000000000000000" "virtual read again with monitor phys off"
expect os 'Thread 2 hit Breakpoint 4, kmain_secondary' "the second hart hits its breakpoint"
expect os '^hart 1 stepped: 1' "stepi of the second hart alone (scheduler-locking on)"
expect os '^hart 0 stayed: 1' "the other hart waits while one steps with scheduler-locking on"
expect os 'Remote target\) killed' "kill"
grep -q "pagoda-os: 2 harts" "$T/os.console" || fail "os: the kernel did not print its banner"

echo "== GDB's reads by virtual address change no TLB statistic (tests/guest/paging.c, Sv39)"
timeout 60 "$PAGODA" --stats --max-insns 10000000 "$G/paging.elf" >/dev/null 2>"$T/stats0"
P=$(free_port)
timeout 60 "$PAGODA" --stats --max-insns 10000000 -gdb tcp::$P -S "$G/paging.elf" >/dev/null 2>"$T/stats1" & PID=$!
# s_main runs in S-mode; the 16 pages at 0x40000000 are mapped but not yet touched
gdb_run paging "$G/paging.elf" "$P" "break s_main" "continue" "info registers priv" "x/4gx 0x40000000" \
  "x/2gx 0x4000f000" "delete" "continue"
wait $PID; st=$?
[ $st = 0 ] || fail "paging: pagoda exit status $st, wanted 0"
expect paging '^priv +0x1\s' "s_main runs in S-mode"
expect paging '^0x40000000:\s+0x0+\s+0x0+' "read of an untouched virtual page"
expect paging 'exited normally' "the guest's exit reported to GDB"
diff <(grep -Ev '^(time|MIPS)' "$T/stats0") <(grep -Ev '^(time|MIPS)' "$T/stats1") >"$T/stats.diff" ||
  fail "paging: statistics differ with GDB reading memory: $(head -5 "$T/stats.diff")"
grep -q '^mmu' "$T/stats1" || fail "paging: no MMU statistics"

echo "== hardware breakpoints and watchpoints are debug triggers (Sdtrig): hbreak, watch, rwatch, awatch, too many"
# paging.elf's S-mode code stores 8 bytes at the start of each of 16 pages
# at VA 0x40000000 + 4096 i, then loads them back
P=$(free_port)
timeout 60 "$PAGODA" --max-insns 10000000 -gdb tcp::$P -S "$G/paging.elf" >/dev/null 2>&1 & PID=$!
gdb_run trig "$G/paging.elf" "$P" "hbreak s_main" "continue" "info registers priv" "delete" \
  "awatch *(int *)0x40001004" "continue" "print/x \$pc" "delete" \
  "watch *(long *)0x40003000" "continue" "delete" \
  "rwatch *(long *)0x40005000" "continue" "delete" \
  "watch *(long *)0x40008000" "watch *(long *)0x40009000" "watch *(long *)0x4000a000" "watch *(long *)0x4000b000" \
  "watch *(long *)0x4000c000" "continue"
wait $PID; st=$?
[ $st = 0 ] || fail "trig: pagoda exit status $st, wanted 0"
expect trig 'Hardware assisted breakpoint 1 at' "hbreak set (Z1)"
expect trig 's_main \(\) at' "hbreak hit at s_main"
expect trig '^priv +0x1\s' "stopped in S-mode"
expect trig 'Hardware access \(read/write\) watchpoint 2: \*\(int \*\)0x40001004' "awatch hit by an 8-byte store over the int"
expect trig 'Hardware watchpoint 3: \*\(long \*\)0x40003000' "watch set"
expect trig 'New value = 12288' "watch hit: the store of 0x3000"
expect trig 'Hardware read watchpoint 4: \*\(long \*\)0x40005000' "rwatch set"
expect trig '^Value = 20480' "rwatch hit: the load of 0x5000"
expect trig 'Could not insert hardware (watchpoint|breakpoints)' "a fifth trigger: GDB is told there is none (E22)"
# (batch GDB stops at that error and detaches; the guest runs on to its end: exit status 0 above)
expect trig 'Remote target\) detached' "GDB detached after the error"

echo "== a watched range that is not an aligned power of two: the trigger's wider range, filtered by the stub"
gsym() { printf '0x%x' "0x$(riscv64-unknown-elf-nm "$G/watchrange.elf" | awk -v s="$1" '$3 == s { print $1 }')"; }
BUF=$(gsym buf); AFTER_HIT=$(gsym after_hit)
P=$(free_port)
timeout 60 "$PAGODA" --max-insns 1000000 -gdb tcp::$P -S "$G/watchrange.elf" >/dev/null 2>&1 & PID=$!
gdb_run range "$G/watchrange.elf" "$P" "awatch *(char (*)[3])$(printf '0x%x' $((BUF + 1)))" "continue" \
  "print/x \$pc" "delete" "continue"
wait $PID; st=$?
[ $st = 42 ] || fail "range: pagoda exit status $st, wanted 42"
expect range 'Hardware access \(read/write\) watchpoint 1' "awatch on 3 bytes set"
expect range "^\\\$1 = $AFTER_HIT\$" "stopped after the store into the watched bytes, not at the one beside them"
[ "$(grep -Ec '^(New value|Value) = ' "$T/range.out")" = 1 ] || fail "range: not exactly one stop: $(cat "$T/range.out")"
expect range 'exited with code 052' "the guest's exit"

echo "== detach: the guest runs on to its own exit status"
P=$(free_port)
timeout 60 "$PAGODA" -gdb tcp:127.0.0.1:$P -S --max-insns 10000000 "$G/exit42.elf" >"$T/exit.console" 2>&1 & PID=$!
gdb_run detach "$G/exit42.elf" "$P" "stepi" "info registers pc" "detach"
wait $PID; st=$?
[ $st = 42 ] || fail "detach: pagoda exit status $st, wanted 42 (the guest's)"
expect detach 'Remote target\) detached' "detach"

echo "== the raw protocol: checksums, bad packets, target description, Ctrl-C"
P=$(free_port)
timeout 120 "$PAGODA" "${OS[@]}" -gdb tcp::$P -S >"$T/raw.console" 2>&1 & PID=$!
python3 - "$P" <<'PY' >"$T/raw.out" 2>&1 || fail "raw protocol: $(tail -3 "$T/raw.out")"
import socket, sys, time
port = int(sys.argv[1])
for i in range(600):
    try:
        s = socket.create_connection(("127.0.0.1", port)); break
    except OSError: time.sleep(0.1)
s.settimeout(60)
buf = b""
def recv_packet():
    global buf
    while True:
        i = buf.find(b"$")
        j = buf.find(b"#", i + 1) if i >= 0 else -1
        if i >= 0 and j >= 0 and len(buf) >= j + 3:
            body, cs = buf[i+1:j], buf[j+1:j+3]
            buf = buf[j+3:]
            assert sum(body) % 256 == int(cs, 16), "bad checksum from the stub"
            return body
        d = s.recv(65536)
        assert d, "connection closed"
        buf += d
def frame(p): return b"$" + p + b"#%02x" % (sum(p) % 256)
def ask(p, ack=True):
    global buf
    s.sendall(frame(p))
    if ack:
        while b"+" not in buf[:1]:
            d = s.recv(1); assert d; buf += d
        buf = buf[1:]
    r = recv_packet()
    if ack: s.sendall(b"+")
    return r
def check(cond, what):
    if not cond: print("FAIL:", what); sys.exit(1)
# a bad checksum gets '-'
s.sendall(b"$g#00")
d = s.recv(1)
check(d == b"-", "bad checksum: got %r, wanted '-'" % d)
r = ask(b"qSupported:multiprocess+;swbreak+;hwbreak+")
check(b"PacketSize=" in r and b"qXfer:features:read+" in r, "qSupported: %r" % r)
check(ask(b"?").startswith(b"T05thread:1;"), "stop reply")
xml = b""
while True:
    x = ask(b"qXfer:features:read:target.xml:%x,400" % len(xml))
    check(x[:1] in (b"m", b"l") and len(x) <= 0x401, "target description chunk %r" % x[:20])
    xml += x[1:]
    if x[:1] == b"l": break
for f in (b"riscv.cpu", b"riscv.fpu", b"riscv.csr", b"riscv.virtual", b'"satp"', b'"priv"', b"</target>"):
    check(f in xml, "target description: no %r" % f)
check(ask(b"qXfer:features:read:other.xml:0,100").startswith(b"E"), "unknown annex")
for bad in [b"m", b"mzz,4", b"m80000000", b"M80000000,4:zz", b"p", b"pfffff", b"P20=12", b"Hgz", b"Hg99", b"Z9,0,0",
            b"Z2,80000000,0", b"T63", b"qXfer:features:read:target.xml:zz", b"vCont;q", b"G00", b"c zz"]:
    r = ask(bad)
    check(r == b"" or r.startswith(b"E"), "bad packet %r answered %r" % (bad, r))
check(ask(b"vMustReplyEmpty") == b"", "unknown packet: empty reply")
check(ask(b"qfThreadInfo") == b"m1,2" and ask(b"qsThreadInfo") == b"l", "thread list")
check(ask(b"T2") == b"OK" and ask(b"T3").startswith(b"E"), "thread alive")
check(ask(b"qAttached") == b"1", "qAttached")
check(len(ask(b"g")) == 33 * 16, "g: 33 registers")
check(ask(b"QStartNoAckMode") == b"OK", "no-ack mode")
r = ask(b"m1000,8", ack=False)
check(r == b"9702000013868202", "boot ROM read: %r" % r)
# both harts wait at the boot ROM's 0x1000: vCont;c:1 runs hart 0 alone to a
# hardware breakpoint, then vCont;s:2 steps hart 1 alone
def pc_of(t):
    check(ask(b"Hg%d" % t, ack=False) == b"OK", "Hg")
    return int.from_bytes(bytes.fromhex(ask(b"p20", ack=False).decode()), "little")
check(ask(b"Z1,1004,2", ack=False) == b"OK", "Z1")
s.sendall(frame(b"vCont;c:1"))
r = recv_packet()
check(r.startswith(b"T05thread:1;hwbreak:"), "vCont;c:1 to a hardware breakpoint: %r" % r)
check(pc_of(1) == 0x1004 and pc_of(2) == 0x1000, "vCont;c:1 ran hart 0 alone: %x %x" % (pc_of(1), pc_of(2)))
check(ask(b"z1,1004,2", ack=False) == b"OK", "z1")
# four triggers per hart: four watchpoints fit, the fifth is refused as a
# target out of resources refuses it (E22); removing one frees it
for k in range(4):
    check(ask(b"Z2,8000%x000,8" % k, ack=False) == b"OK", "Z2 %d" % k)
check(ask(b"Z2,80005000,8", ack=False) == b"E22", "a fifth watchpoint: E22")
check(ask(b"z2,80002000,8", ack=False) == b"OK", "z2")
check(ask(b"Z3,80005000,4", ack=False) == b"OK", "Z3 after a z2")
for p in (b"z2,80000000,8", b"z2,80001000,8", b"z2,80003000,8", b"z3,80005000,4"):
    check(ask(p, ack=False) == b"OK", p.decode())
s.sendall(frame(b"vCont;s:2"))
r = recv_packet()
check(r.startswith(b"T05thread:2;"), "vCont;s:2: %r" % r)
check(pc_of(1) == 0x1004 and pc_of(2) == 0x1004, "vCont;s:2 stepped hart 1 alone: %x %x" % (pc_of(1), pc_of(2)))
# run, then Ctrl-C stops it
s.sendall(frame(b"vCont;c"))
time.sleep(0.5)
s.sendall(b"\x03")
r = recv_packet()
check(r.startswith(b"T02thread:"), "Ctrl-C: %r" % r)
check(ask(b"p20", ack=False) != b"0000000000001000", "the guest ran")
s.sendall(frame(b"k"))
print("raw protocol OK")
PY
wait $PID; st=$?
[ $st = 0 ] || fail "raw: pagoda exit status $st after k, wanted 0"

echo "== without Sdtrig (-cpu rv64,sdtrig=off) Z1-Z4 are not supported (empty reply), Z0 still is"
P=$(free_port)
timeout 60 "$PAGODA" -cpu rv64,sdtrig=off -gdb tcp::$P -S --max-insns 10000000 "$G/exit42.elf" >/dev/null 2>&1 & PID=$!
python3 - "$P" <<'PY' >"$T/nosdtrig.out" 2>&1 || fail "sdtrig=off: $(tail -3 "$T/nosdtrig.out")"
import socket, sys, time
for i in range(600):
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); break
    except OSError: time.sleep(0.1)
s.settimeout(60)
def ask(p):
    s.sendall(b"$" + p + b"#%02x" % (sum(p) % 256))
    buf = b""
    while not (b"#" in buf and len(buf) >= buf.index(b"#") + 3): buf += s.recv(4096)
    s.sendall(b"+")
    return buf[buf.index(b"$") + 1:buf.index(b"#")]
for p in (b"Z1,1000,2", b"Z2,80000000,8", b"Z3,80000000,8", b"Z4,80000000,8"):
    r = ask(p)
    if r != b"": print("FAIL:", p, "answered", r); sys.exit(1)
if ask(b"Z0,1000,2") != b"OK": print("FAIL: Z0"); sys.exit(1)
s.sendall(b"$k#6b")
PY
wait $PID

[ $rc = 0 ] && echo "e2e:gdb OK"
exit $rc
