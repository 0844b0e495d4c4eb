#!/usr/bin/env bash
# Install what is missing, build with warnings as errors, run every test;
# then build the suite again with -fsanitize=address,undefined and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
JOBS=${JOBS:-2}
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAGODA_WERROR=ON >/dev/null
cmake --build build -j"$JOBS"
(cd build && ctest -j"$JOBS" --timeout 300 --output-on-failure)
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPAGODA_WERROR=ON -DPAGODA_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$JOBS"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 ctest -j"$JOBS" --timeout 600 --output-on-failure)
# the same code must build warning-free with clang too (DESIGN.md: gcc and clang)
CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAGODA_WERROR=ON >/dev/null
cmake --build build-clang -j"$JOBS"
(cd build-clang && ctest -j"$JOBS" --timeout 300 --output-on-failure)
# the statistics-off build (docs/PERFORMANCE.md, used to measure what
# counting costs) must build warning-free and run guests to the same result
cmake -S . -B build-nostats -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAGODA_WERROR=ON -DPAGODA_STATS=OFF \
      -DPAGODA_CROSS=OFF >/dev/null
cmake --build build-nostats -j"$JOBS" --target pagoda
# run PAGODA PROG SMP: the checksum line PROG prints
run() { "$1" -bios none -m 1G -smp "$3" -nographic -kernel "build/examples/bench/$2.elf" | grep '^checksum:'; }
for prog in tlbstress-4k-512 trapbench fencebench fencebench-smp4; do
    smp=1; [ "$prog" = fencebench-smp4 ] && smp=4
    want=$(run build/pagoda "$prog" "$smp") && got=$(run build-nostats/pagoda "$prog" "$smp") &&
        [ -n "$want" ] && [ "$want" = "$got" ] ||
        { echo "statistics-off build: $prog does not give the checksum of the normal build" >&2; exit 1; }
    echo "statistics-off build: $prog $got"
done
