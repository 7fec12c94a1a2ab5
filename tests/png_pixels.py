"""The pixels of a PNG (8-bit grey, RGB, RGBA or palette, not interlaced), for screenshot tests,
without an imaging library: what LibreOffice writes when it renders a page to PNG."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def _unfilter(raw: bytes, width: int, height: int, step: int) -> list[bytearray]:
    stride = width * step
    rows, previous, at = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            line[i] = (line[i] + (0, left, up, (left + up) // 2, _paeth(left, up, corner))[kind]) & 0xFF
        rows.append(line)
        previous = line
    return rows


def grey_rows(path: Path) -> list[list[int]]:
    """Each row of the image as brightness values 0 (black) to 255 (white)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name}: not a PNG"
    at, chunks, palette = 8, [], b""
    width = height = depth = colour = 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0, f"{path.name}: depth {depth}, interlace {interlace}"
        elif kind == b"PLTE":
            palette = body
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    step = _CHANNELS[colour]
    rows = _unfilter(zlib.decompress(b"".join(chunks)), width, height, step)
    grey = []
    for line in rows:
        if colour == 3:
            grey.append([sum(palette[3 * v : 3 * v + 3]) // 3 for v in line])
        elif step >= 3:
            grey.append([sum(line[i : i + 3]) // 3 for i in range(0, len(line), step)])
        else:
            grey.append(list(line[::step]))
    return grey
