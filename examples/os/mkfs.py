#!/usr/bin/env python3
"""Builds the teaching OS's disk image: a read-only file system (format in
kernel/fs.h) holding the given files under their base names, then a swap area.

usage: mkfs.py OUT.img SWAP_MIB FILE...
"""
import os
import struct
import sys

SECTOR = 512
PAGE = 4096
NAMELEN = 48


def align(n, a):
    """Returns n rounded up to a multiple of a."""
    return (n + a - 1) // a * a


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__.strip())
    out, swap_mib, files = argv[0], int(argv[1]), argv[2:]
    names = [os.path.basename(f) for f in files]
    for n in names:
        if len(n.encode()) >= NAMELEN:
            sys.exit(f"mkfs.py: name too long: {n}")
    if len(set(names)) != len(names):
        sys.exit("mkfs.py: two files with one name")
    dir_sectors = max(1, (len(files) * 64 + SECTOR - 1) // SECTOR)
    pos = align((1 + dir_sectors) * SECTOR, PAGE)
    entries, blobs = [], []
    for f, n in zip(files, names):
        with open(f, "rb") as fh:
            data = fh.read()
        entries.append(struct.pack("<48sQQ", n.encode(), pos // SECTOR, len(data)))
        blobs.append((pos, data))
        pos = align(pos + len(data), PAGE)
    swap_start = pos // SECTOR
    swap_sectors = swap_mib * (1 << 20) // SECTOR
    image = bytearray(pos + swap_sectors * SECTOR)
    image[0:32] = struct.pack("<8sIIQQ", b"PGOSFS1\0", len(files), dir_sectors,
                              swap_start, swap_sectors)
    d = b"".join(entries)
    image[SECTOR:SECTOR + len(d)] = d
    for p, data in blobs:
        image[p:p + len(data)] = data
    tmp = out + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(image)
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv[1:])
