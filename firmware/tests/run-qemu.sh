#!/bin/sh
# Validates Pagoda's SBI firmware on QEMU virt.
# Usage: firmware/tests/run-qemu.sh [BUILD_DIR]   (default: build)
# Needs qemu-system-riscv64 (qemu-system-misc); the U-Boot check needs
# u-boot-qemu and is skipped when its image is missing.
set -u
B=${1:-build}/firmware
QEMU=${QEMU:-qemu-system-riscv64}
UBOOT=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
fails=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for f in pagoda-fw.elf sbi-test.elf pagoda-fw-selftest.elf misaligned-test.elf; do
	[ -f "$B/$f" ] || { echo "missing $B/$f (build the 'firmware' target)"; exit 1; }
done

# run NAME EXPECTED_LINE QEMU_ARGS...: pass if the line appears and QEMU exits 0
run() {
	name=$1 want=$2
	shift 2
	timeout 30 "$QEMU" -M virt -m 256M -nographic "$@" >"$out" 2>&1 </dev/null
	rc=$?
	if [ $rc -eq 0 ] && grep -q "$want" "$out"; then
		echo "PASS $name"
	else
		echo "FAIL $name (exit $rc)"
		sed 's/^/    /' "$out" | tail -15
		fails=$((fails + 1))
	fi
}

for smp in 1 2 4 8; do
	run "sbi-test -smp $smp" "SBI TEST PASS" -smp $smp -bios "$B/pagoda-fw.elf" -kernel "$B/sbi-test.elf"
done
run "sbi-test -smp 2 without Sstc" "SBI TEST PASS" -smp 2 -cpu rv64,sstc=false \
	-bios "$B/pagoda-fw.elf" -kernel "$B/sbi-test.elf"
run "misaligned emulation" "MISALIGNED TEST PASS" -smp 1 \
	-bios "$B/pagoda-fw-selftest.elf" -kernel "$B/misaligned-test.elf"

if [ -f "$UBOOT" ]; then
	for smp in 1 4; do
		(sleep 4; echo version; sleep 2) | timeout 15 "$QEMU" -M virt -smp $smp -m 256M -nographic \
			-bios "$B/pagoda-fw.elf" -kernel "$UBOOT" >"$out" 2>&1
		if tr -d '\r' <"$out" | grep -q '^=> version' && grep -q '^GNU ld' "$out"; then
			echo "PASS u-boot -smp $smp"
		else
			echo "FAIL u-boot -smp $smp"
			tr -d '\r' <"$out" | sed 's/^/    /' | tail -15
			fails=$((fails + 1))
		fi
	done
else
	echo "SKIP u-boot (no $UBOOT)"
fi

[ $fails -eq 0 ] && echo "all firmware checks passed" || echo "$fails firmware check(s) failed"
[ $fails -eq 0 ]
