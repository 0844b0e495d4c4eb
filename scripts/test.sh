#!/usr/bin/env bash
# Install what is missing, then build and run every test in four builds:
#   1. gcc, warnings as errors (with the Linux boot test, e2e:linux)
#   2. the same under -fsanitize=address,undefined
#   3. clang, warnings as errors
#   4. statistics compiled out: guests must give the same checksums
# Every stage runs even when an earlier one failed; the end is a table of
# the stages and one "total: N passed, N failed" line; the exit status is 0
# only when every stage passed.  Guest runs inside the tests are bounded by
# instruction counts or generous limits, never by tight wall-clock deadlines.
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-2}
T0=$(date +%s)
LOGDIR=build-logs
mkdir -p "$LOGDIR"

echo "== installing what is missing (Debian packages)"
# Pagoda's packages and those of the Linux boot test
bash scripts/install-linux-deps.sh || { echo "scripts/install-linux-deps.sh failed" >&2; exit 1; }

results=()
passed=0
failed=0

# ctest_counts LOG: add the "N tests failed out of M" of a ctest log to the totals
ctest_counts() {
    local line f n
    line=$(grep -E 'tests? failed out of [0-9]+' "$1" | tail -n 1)
    if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
    f=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    n=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
    passed=$((passed + n - f))
    failed=$((failed + f))
}

# stage NAME DIR CMAKE_ARGS...: configure, build and run ctest in DIR
stage() {
    local name=$1 dir=$2; shift 2
    local t=$(date +%s) log="$LOGDIR/$name.ctest.log" r=passed
    echo "== stage $name: configure and build ($dir)"
    if ! cmake -S . -B "$dir" -DPAGODA_WERROR=ON "$@" >/dev/null || ! cmake --build "$dir" -j"$JOBS" >"$LOGDIR/$name.build.log" 2>&1; then
        tail -n 40 "$LOGDIR/$name.build.log"
        results+=("$name: FAILED to build ($(( $(date +%s) - t )) s)")
        failed=$((failed + 1))
        return
    fi
    if [ "$name" = gcc ]; then
        echo "== the Linux kernel and initramfs for e2e:linux (cached; the first build takes 5-15 minutes)"
        bash tests/linux/build.sh >/dev/null || { results+=("linux kernel: FAILED to build"); failed=$((failed + 1)); }
    fi
    echo "== stage $name: ctest"
    (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
        ctest -j"$JOBS" --timeout 600 --output-on-failure) 2>&1 | tee "$log" | grep --line-buffered -E '^ *[0-9]+/[0-9]+ Test|tests passed|tests failed|FAIL' || true
    grep -qE '100% tests passed' "$log" || r=FAILED
    ctest_counts "$log"
    results+=("$name: $r, $(grep -E 'tests? failed out of' "$log" | tail -n 1) ($(( $(date +%s) - t )) s)")
}

stage gcc build -DCMAKE_BUILD_TYPE=RelWithDebInfo
stage asan build-asan -DCMAKE_BUILD_TYPE=Debug -DPAGODA_SANITIZE=ON
# the same code must build warning-free with clang too (DESIGN.md: gcc and clang)
CC=clang stage clang build-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo

# the statistics-off build (docs/PERFORMANCE.md, used to measure what
# counting costs) must build warning-free and run guests to the same result
t=$(date +%s)
echo "== stage nostats: build and compare checksums"
nostats_ok=true
if cmake -S . -B build-nostats -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAGODA_WERROR=ON -DPAGODA_STATS=OFF \
        -DPAGODA_CROSS=OFF >/dev/null && cmake --build build-nostats -j"$JOBS" --target pagoda >"$LOGDIR/nostats.build.log" 2>&1; then
    # run PAGODA PROG SMP: the checksum line PROG prints
    run() { "$1" -bios none -m 1G -smp "$3" -nographic -kernel "build/examples/bench/$2.elf" | grep '^checksum:'; }
    for prog in tlbstress-4k-512 trapbench fencebench fencebench-smp4; do
        smp=1; [ "$prog" = fencebench-smp4 ] && smp=4
        if want=$(run build/pagoda "$prog" "$smp") && got=$(run build-nostats/pagoda "$prog" "$smp") &&
            [ -n "$want" ] && [ "$want" = "$got" ]; then
            echo "statistics-off build: $prog $got"; passed=$((passed + 1))
        else
            echo "statistics-off build: $prog does not give the checksum of the normal build" >&2
            failed=$((failed + 1)); nostats_ok=false
        fi
    done
else
    tail -n 40 "$LOGDIR/nostats.build.log"; failed=$((failed + 1)); nostats_ok=false
fi
$nostats_ok && results+=("nostats: passed ($(( $(date +%s) - t )) s)") || results+=("nostats: FAILED ($(( $(date +%s) - t )) s)")

echo
echo "== summary ($(( $(date +%s) - T0 )) s; logs in $LOGDIR/)"
for r in "${results[@]}"; do echo "  $r"; done
echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && ! printf '%s\n' "${results[@]}" | grep -q FAILED
