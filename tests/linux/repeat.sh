#!/usr/bin/env bash
# Run the Linux stress on -smp 4 N times and report how many runs passed:
#
#   bash tests/linux/repeat.sh N [PAGODA] [opensbi|pagoda]
#
# PAGODA defaults to build/pagoda, the firmware to Pagoda's own.  Pagoda is
# deterministic (harts round-robin, mtime from instructions), so the same
# command would repeat the same run exactly: run i uses --quantum 1000 + 37*i
# instead, a different interleaving of the harts each time (and so different
# timer interrupts, IPIs and races in the guest).  Each run prints its line
# (tests/linux/boot.sh); a failed run's console is kept in
# ${TMPDIR:-/tmp}/pagoda-linux-repeat-RUN.log.  Exit status 0 when all passed.
# The kernel must be built (bash tests/linux/build.sh).
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
N=${1:?usage: $0 N [PAGODA] [opensbi|pagoda]}
PAGODA=${2:-$HERE/../../build/pagoda}
FW=${3:-pagoda}
SMP=${SMP:-4}
eval "$(bash "$HERE/build.sh" --no-kernel-build)" || exit 1
export KERNEL INITRD
passed=0
for i in $(seq "$N"); do
  log=${TMPDIR:-/tmp}/pagoda-linux-repeat-$i.log
  q=$((1000 + 37 * i))
  printf 'run %2d/%d, --quantum %d: ' "$i" "$N" "$q"
  if LINUX_PAGODA_ARGS="--quantum $q" bash "$HERE/boot.sh" "$PAGODA" "$SMP" "$FW" "$log"; then
    passed=$((passed + 1)); rm -f "$log"
  else
    echo "    (console kept in $log)"
  fi
done
echo "$passed of $N runs passed on -smp $SMP with fw=$FW"
[ "$passed" = "$N" ]
