#!/bin/bash
# --log-commits (docs/DEBUGGING.md, "Commit log"): the log of
# tests/guest/commitlog.S from its entry to its tohost store is Spike's
# (tests/commitlog.expected, written by Spike from the same ELF, see the
# docs), line for line; the same lines go to stderr without =FILE; -smp 2
# logs both harts; a log file that cannot be written is one line and exit
# status 1; without the option nothing is logged.
#
# With SPIKE=/path/to/spike in the environment it also runs Spike on the
# guest and on every riscv-tests "p" program of the build and diffs each
# pair of logs (the part that both run: from the ELF's entry to the store to
# tohost): a differential test of Pagoda against Spike.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
HERE=$(cd "$(dirname "$0")" && pwd)
GUEST=$BUILD/tests/guest/commitlog.elf
EXPECTED=$HERE/commitlog.expected
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

# The lines from the ELF's entry to the store to tohost: the boot ROMs
# differ (Spike's has 5 instructions, Pagoda's, QEMU's, 6), and after the
# store each simulator runs on until it looks at tohost.
between() { # ELF LOG
    local entry tohost
    entry=$(printf '0x%016x' "$(readelf -h "$1" | awk '/Entry point/ { print $4 }')")
    tohost=$(printf '0x%016x' "0x$(readelf -s "$1" | awk '$8 == "tohost" { print $2 }')")
    awk -v e="$entry" -v t="$tohost" '!on && $4 == e { on = 1 } on { print } on && / mem / && $0 ~ (" mem " t " ") { exit }' "$2"
}

echo "== commitlog.elf against Spike's log"
timeout -k 5 60 "$PAGODA" -bios none -m 64M --max-insns 100000 --log-commits="$T/log" "$GUEST" >"$T/out" 2>"$T/err"; st=$?
[ $st = 0 ] || fail "exit status $st, wanted 0 (HTIF exit): $(cat "$T/err")"
between "$GUEST" "$T/log" >"$T/got"
if diff -u "$EXPECTED" "$T/got" >"$T/diff"; then
    echo "$(wc -l <"$T/got") lines, as Spike's"
else
    cat "$T/diff"; fail "the log differs from Spike's (above: - Spike, + Pagoda)"
fi
[ -s "$T/err" ] && fail "stderr is not empty with =FILE: $(head -3 "$T/err")"

echo "== to stderr"
timeout -k 5 60 "$PAGODA" -bios none -m 64M --max-insns 100000 --log-commits "$GUEST" >"$T/out" 2>"$T/log2"; st=$?
[ $st = 0 ] || fail "stderr form: exit status $st"
cmp -s "$T/log" "$T/log2" || fail "the stderr log differs from the file log"

echo "== -smp 2"
timeout -k 5 60 "$PAGODA" -smp 2 -bios none -m 64M --max-insns 100000 --log-commits="$T/log3" "$GUEST" >"$T/out" 2>&1; st=$?
[ $st = 0 ] || fail "-smp 2: exit status $st"
# hart 0 runs first, to the end, as alone; hart 1 then runs the same code on
# the memory hart 0 left: the same lines until its first load
grep "^core   0: " "$T/log3" | between "$GUEST" /dev/stdin | cmp -s - "$T/got" || fail "-smp 2: hart 0's lines differ"
grep "^core   1: " "$T/log3" | sed 's/^core   1:/core   0:/' | between "$GUEST" /dev/stdin | head -n 20 >"$T/core1"
if [ "$(wc -l <"$T/core1")" != 20 ] || ! head -n 20 "$T/got" | cmp -s - "$T/core1"; then
    fail "-smp 2: hart 1's first lines differ"
fi

echo "== bad file, no option"
"$PAGODA" -bios none -m 64M --log-commits=/nonexistent/dir/log "$GUEST" >"$T/out" 2>"$T/err"; st=$?
[ $st = 1 ] || fail "unwritable log file: exit status $st, wanted 1"
if [ "$(wc -l <"$T/err")" != 1 ] || ! grep -q "/nonexistent/dir/log" "$T/err"; then
    fail "unwritable log file: $(cat "$T/err")"
fi
timeout -k 5 60 "$PAGODA" -bios none -m 64M --max-insns 100000 "$GUEST" >"$T/out" 2>"$T/err"; st=$?
if [ $st != 0 ] || [ -s "$T/err" ]; then
    fail "without --log-commits: status $st, stderr $(head -c 200 "$T/err")"
fi

if [ -n "$SPIKE" ]; then
    echo "== against $SPIKE"
    # the extensions Pagoda implements; Spike's defaults that Pagoda's
    # options choose: A/D bits not set by hardware (Svade: --ad=fault)
    # unless a test asks for Svadu, misaligned accesses trapped
    isa=rv64gc_zicntr_zihpm_zba_zbb_zbc_zbs_zicond_zihintpause_sstc_svinval_svnapot_svpbmt
    spike_log() { # ISA ELF LOG
        timeout -k 5 120 "$SPIKE" --isa="$1" -m0x80000000:0x8000000 --log-commits "$2" >/dev/null 2>"$3"
    }
    spike_isa() { # PAGODA_ARGS: Spike's --isa for a test's -cpu MODEL[,NAME=on|off]...
        local cpu part out=$isa
        cpu=$(sed -n 's/.*-cpu \([^ ]*\).*/\1/p' <<<"$1")
        IFS=, read -r -a parts <<<"$cpu"
        for part in "${parts[@]}"; do
            case $part in
                max) out=${out}_zicbom_zicbop_zicboz_zbkb_zbkc_zbkx_zknd_zkne_zknh_zksed_zksh ;;
                *=on|*=true|*=yes) out=${out}_${part%%=*} ;;
                *=off|*=false|*=no) out=${out}_; out=${out//_${part%%=*}_/_}; out=${out%_} ;;
            esac
        done
        echo "$out"
    }
    spike_log "$isa" "$GUEST" "$T/s.log"
    between "$GUEST" "$T/s.log" | cmp -s - "$EXPECTED" || fail "Spike's log is no longer tests/commitlog.expected"
    same=0; differ=0
    for elf in "$BUILD"/riscv-tests/rv64*/*; do
        case $elf in *-v39/*|*-v48/*) continue ;; esac
        if [ ! -f "$elf" ] || [ ! -x "$elf" ]; then continue; fi
        name=${elf#"$BUILD"/riscv-tests/}
        args=$(sed -n 's/.*pagoda-args:[ \t]*\([^*]*\).*/\1/p' "$HERE/../riscv-tests/$name.S" 2>/dev/null | head -n 1)
        sisa=$(spike_isa "$args")
        case " $args " in *" --ad=svadu "*) sisa=${sisa}_svadu ;; *" --ad="*) ;; *) args="$args --ad=fault" ;; esac
        spike_log "$sisa" "$elf" "$T/s.log"
        # shellcheck disable=SC2086 # $args is split into options on purpose
        timeout -k 5 60 "$PAGODA" -bios none -m 128M --misaligned=trap $args --max-insns 10000000 --log-commits="$T/p.log" "$elf" >/dev/null 2>&1
        between "$elf" "$T/s.log" >"$T/s"
        between "$elf" "$T/p.log" >"$T/p"
        if cmp -s "$T/s" "$T/p"; then
            same=$((same + 1))
        else
            differ=$((differ + 1))
            echo "-- $name ($args): $(wc -l <"$T/s") lines on Spike, $(wc -l <"$T/p") on Pagoda; first difference:"
            diff "$T/s" "$T/p" | head -n 5
        fi
    done
    echo "riscv-tests p programs: $same logs the same as Spike's, $differ different"
fi

[ $rc = 0 ] && echo PASS || echo "FAIL: commitlog"
exit $rc
