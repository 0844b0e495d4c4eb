#!/bin/bash
# virtio-blk end to end: our own M-mode guest (tests/guest/blk.c) reads,
# writes and flushes a disk image created here; the host checks the image
# byte for byte.  -snapshot leaves the image untouched.  A bad image (size
# not a multiple of 512, missing file) is one stderr line naming it, exit 1.
PAGODA=${1:?usage: $0 PAGODA BUILD_DIR}; BUILD=${2:?}
GUEST=$BUILD/tests/guest/blk.elf
[ -r "$GUEST" ] || { echo "FAIL: $GUEST not built"; exit 1; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
rc=0
fail() { echo "FAIL: $*"; rc=1; }

mkimg() {  # byte i = ((i*131) ^ (i>>9)) & 0xff, 128 sectors
  python3 -c "import sys; open(sys.argv[1],'wb').write(bytes(((i*131)^(i>>9))&0xff for i in range(128*512)))" "$1"
}
run() {  # run IMAGE [extra args]: boots the guest with IMAGE in slot 0
  local img=$1; shift
  timeout 30 "$PAGODA" -m 64M -bios none -nographic --timeout 20 \
    -drive file="$img",if=none,format=raw,id=d0$DRIVE_OPTS -device virtio-blk-device,drive=d0 \
    "$@" -kernel "$GUEST" >"$T/out" 2>"$T/err"
}

echo "== read/write/flush"
mkimg "$T/disk.img"
run "$T/disk.img"; st=$?
cat "$T/out" "$T/err"
[ $st = 0 ] || fail "guest exit status $st, wanted 0"
grep -q "BLK OK" "$T/out" || fail "guest did not print BLK OK"
python3 - "$T/disk.img" <<'PY' || rc=1
import sys
d = open(sys.argv[1], 'rb').read()
if len(d) != 128 * 512:
    print(f"FAIL: image size changed to {len(d)}"); sys.exit(1)
bad = 0
for i, b in enumerate(d):
    s, k = i // 512, i % 512
    want = ((0xa5 ^ s ^ (k * 3)) & 0xff) if (20 <= s <= 23 or s == 100) else (((i * 131) ^ (i >> 9)) & 0xff)
    if b != want:
        if bad < 5:
            print(f"FAIL: image byte {i} (sector {s}) is {b:#04x}, wanted {want:#04x}")
        bad += 1
if bad:
    print(f"FAIL: {bad} bytes differ"); sys.exit(1)
print("image: written sectors 20-23 and 100 hold the pattern, the rest unchanged")
PY

echo "== -snapshot"
mkimg "$T/snap.img"; cp "$T/snap.img" "$T/pristine.img"
run "$T/snap.img" -snapshot; st=$?
[ $st = 0 ] || { cat "$T/out" "$T/err"; fail "guest exit status $st with -snapshot, wanted 0"; }
grep -q "BLK OK" "$T/out" || fail "guest did not print BLK OK with -snapshot (writes must read back)"
cmp "$T/snap.img" "$T/pristine.img" || fail "-snapshot modified the image"

echo "== -drive ...,snapshot=on"
DRIVE_OPTS=,snapshot=on run "$T/snap.img"; st=$?
[ $st = 0 ] || { cat "$T/out" "$T/err"; fail "guest exit status $st with snapshot=on, wanted 0"; }
cmp "$T/snap.img" "$T/pristine.img" || fail "snapshot=on modified the image"


check_file_error() {  # check_file_error WHAT IMAGE
  local what=$1 img=$2
  run "$img"; st=$?
  local lines; lines=$(wc -l <"$T/err")
  if [ $st != 1 ]; then fail "$what: exit status $st, wanted 1"; fi
  if [ "$lines" != 1 ]; then fail "$what: $lines stderr lines, wanted 1"; fi
  grep -qF "$img" "$T/err" || fail "$what: stderr does not name $img"
  [ -s "$T/out" ] && fail "$what: wrote to stdout: $(head -c 200 "$T/out")"
  echo "$what: $(cat "$T/err") (status $st)"
}
echo "== bad images"
head -c 100 /dev/zero > "$T/small.img"
check_file_error "image of 100 bytes" "$T/small.img"
check_file_error "missing image" "$T/missing.img"
[ $rc = 0 ] && echo PASS || echo "FAIL: virtio_blk"
exit $rc
