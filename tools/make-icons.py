#!/usr/bin/env python3
"""Draws the extension icons (16, 32, 48, 128 px) with no dependencies: a blue rounded
square with a white box and an arrow leaving it. Run once; the PNGs are committed."""
import struct
import zlib
from pathlib import Path

BLUE = (11, 87, 208)
WHITE = (255, 255, 255)


def inside_rounded(x, y, r):
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def color_at(x, y):
    """Colour at a point of the unit square, or None for transparent."""
    if not inside_rounded(x, y, 0.22):
        return None
    t = 0.075  # stroke width
    # An open box (left part of a door frame): left, top and bottom edges.
    in_box = 0.2 <= x <= 0.62 and 0.22 <= y <= 0.78
    inner = 0.2 + t <= x <= 0.62 + 1 and 0.22 + t <= y <= 0.78 - t
    box_stroke = in_box and not inner and not (x > 0.5 and 0.36 < y < 0.64)
    # An arrow from the box's centre out to the right.
    shaft = 0.38 <= x <= 0.74 and abs(y - 0.5) <= t / 2 + 0.005
    head = 0.62 <= x <= 0.84 and abs(y - 0.5) <= (0.84 - x) * 0.85
    return WHITE if (box_stroke or shaft or head) else BLUE


def render(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = color_at((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    if c:
                        acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = samples * samples
            alpha = acc[3] // n
            rgb = [acc[i] // max(1, acc[3] // 255) for i in range(3)] if alpha else [0, 0, 0]
            row += bytes(rgb + [alpha])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(render(size), 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "extension" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"icon-{size}.png").write_bytes(png(size))
