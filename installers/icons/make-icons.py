#!/usr/bin/env python3
"""Draws Rehearsal's icon and writes it in the three formats the installers need.

    python3 installers/icons/make-icons.py

writes rehearsal.png (256 px, Linux), rehearsal.ico (16-256 px, Windows) and rehearsal.icns
(16-1024 px, macOS) next to this script. Only the Python standard library is used, so the
output is the same on every system; the files are committed, and this script is how they are
remade after a change to the drawing.

The drawing: three lanes, like a delivery pipeline seen from above (development, staging,
production). The staging lane has a gap; an amber arrow comes out of development, passes
through the gap and hits the production lane, drawn in red: a change that passed staging and
caused an incident.
"""

import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

NAVY = (30, 58, 95)
LANE = (201, 214, 227)
PRODUCTION = (228, 87, 46)
AMBER = (245, 166, 35)


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def triangle(x, y, a, b, c):
    def side(p, q):
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])

    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    return (s1 >= 0 and s2 >= 0 and s3 >= 0) or (s1 <= 0 and s2 <= 0 and s3 <= 0)


def colour_at(x, y):
    """The colour at a point of the unit square, or None where the icon is transparent."""
    if not rounded_rect(x, y, 0.04, 0.04, 0.96, 0.96, 0.20):
        return None
    # the arrow is drawn over the lanes
    if rounded_rect(x, y, 0.455, 0.30, 0.545, 0.60, 0.02) or triangle(
        x, y, (0.37, 0.58), (0.63, 0.58), (0.50, 0.71)
    ):
        return AMBER
    if rounded_rect(x, y, 0.16, 0.22, 0.84, 0.32, 0.05):
        return LANE
    if rounded_rect(x, y, 0.16, 0.45, 0.38, 0.55, 0.05) or rounded_rect(
        x, y, 0.62, 0.45, 0.84, 0.55, 0.05
    ):
        return LANE
    if rounded_rect(x, y, 0.16, 0.72, 0.84, 0.82, 0.05):
        return PRODUCTION
    return NAVY


def render(size, samples=4):
    """RGBA rows of the icon at size x size pixels, each pixel the mean of samples^2 points."""
    rows = []
    n = samples * samples
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    c = colour_at(
                        (px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size
                    )
                    if c is not None:
                        r += c[0]
                        g += c[1]
                        b += c[2]
                        a += 1
            if a:
                row += bytes((r // a, g // a, b // a, 255 * a // n))
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def png(rows):
    size = len(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\0" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def dib(rows):
    """An icon image as Windows stores it: 32-bit BGRA bottom-up, then the 1-bit AND mask."""
    size = len(rows)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = bytearray()
    for row in reversed(rows):
        for i in range(0, len(row), 4):
            r, g, b, a = row[i : i + 4]
            pixels += bytes((b, g, r, a))
    mask_row = ((size + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        bits = bytearray(mask_row)
        for x in range(size):
            if row[4 * x + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + bytes(pixels) + bytes(mask)


def ico(images):
    """images: {size: rows}. 256 px as PNG (Windows Vista and later), smaller ones as DIB."""
    entries = []
    for size in sorted(images):
        data = png(images[size]) if size >= 256 else dib(images[size])
        entries.append((size, data))
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def icns(images):
    body = b""
    for size in sorted(ICNS_TYPES):
        data = png(images[size])
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    images = {}
    for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        images[size] = render(size, samples=4 if size <= 256 else 2)
    with open(os.path.join(HERE, "rehearsal.png"), "wb") as f:
        f.write(png(images[256]))
    with open(os.path.join(HERE, "rehearsal.ico"), "wb") as f:
        f.write(ico({s: images[s] for s in (16, 24, 32, 48, 64, 128, 256)}))
    with open(os.path.join(HERE, "rehearsal.icns"), "wb") as f:
        f.write(icns(images))


if __name__ == "__main__":
    main()
