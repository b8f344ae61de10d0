"""Read the pixels of a browser screenshot, so a test can ask which colours it shows.

Only what Chromium writes is supported: 8-bit RGB or RGBA, not interlaced. Written for
the tests (no imaging library is a dependency); each row is un-filtered as the PNG
specification describes (filter types 0-4).
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {2: 3, 6: 4}  # colour type -> bytes per pixel at bit depth 8


def colour_counts(data: bytes) -> Counter[str]:
    """How many pixels of each colour ("#rrggbb", alpha dropped) the PNG ``data`` has."""
    width, height, channels, raw = _inflate(data)
    counts: Counter[str] = Counter()
    stride = width * channels
    previous = bytearray(stride)
    pos = 0
    for _ in range(height):
        kind = raw[pos]
        row = _unfilter(kind, bytearray(raw[pos + 1 : pos + 1 + stride]), previous, channels)
        pos += 1 + stride
        for x in range(0, stride, channels):
            counts[f"#{row[x]:02x}{row[x + 1]:02x}{row[x + 2]:02x}"] += 1
        previous = row
    return counts


def _inflate(data: bytes) -> tuple[int, int, int, bytes]:
    if not data.startswith(_SIGNATURE):
        msg = "not a PNG file"
        raise ValueError(msg)
    pos, chunks, header = len(_SIGNATURE), [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length  # length, type, body, CRC
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in _CHANNELS or interlace:
        msg = f"unsupported PNG: depth {depth}, colour type {colour_type}, interlace {interlace}"
        raise ValueError(msg)
    return width, height, _CHANNELS[colour_type], zlib.decompress(b"".join(chunks))


def _unfilter(kind: int, row: bytearray, above: bytearray, bpp: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        up = above[i]
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + up) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            corner = above[i - bpp] if i >= bpp else 0
            row[i] = (row[i] + _paeth(left, up, corner)) & 0xFF
        elif kind != 0:
            msg = f"unknown PNG filter type {kind}"
            raise ValueError(msg)
    return row


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c
