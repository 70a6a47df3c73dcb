"""Location and camera data stripped from buyers' photos, no ORM.

JPEG: the APP1 segments (EXIF, XMP) are dropped, the image data is kept
byte for byte. PNG: the eXIf, tEXt, iTXt and zTXt chunks are dropped. WebP:
the EXIF and XMP chunks are dropped (and the VP8X flags cleared). Anything
else is returned unchanged.
"""

import struct

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROP = {b"eXIf", b"tEXt", b"iTXt", b"zTXt"}


def _strip_jpeg(content):
    if content[:2] != b"\xff\xd8":
        return content
    out = [content[:2]]
    pos = 2
    while pos + 4 <= len(content):
        if content[pos] != 0xFF:
            break
        marker = content[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        length = struct.unpack(">H", content[pos + 2 : pos + 4])[0]
        segment = content[pos : pos + 2 + length]
        if marker != 0xE1:  # APP1: EXIF (GPS) or XMP
            out.append(segment)
        pos += 2 + length
    out.append(content[pos:])
    return b"".join(out)


def _strip_png(content):
    out = [_PNG_SIGNATURE]
    pos = len(_PNG_SIGNATURE)
    while pos + 8 <= len(content):
        length = struct.unpack(">I", content[pos : pos + 4])[0]
        kind = content[pos + 4 : pos + 8]
        chunk = content[pos : pos + 12 + length]
        if kind not in _PNG_DROP:
            out.append(chunk)
        pos += 12 + length
    return b"".join(out)


def _strip_webp(content):
    chunks = []
    pos = 12
    while pos + 8 <= len(content):
        kind = content[pos : pos + 4]
        length = struct.unpack("<I", content[pos + 4 : pos + 8])[0]
        chunk = content[pos : pos + 8 + length + (length & 1)]
        if kind == b"VP8X":
            flags = chunk[8] & ~0x0C  # the EXIF and XMP flags
            chunk = chunk[:8] + bytes([flags]) + chunk[9:]
        if kind not in (b"EXIF", b"XMP "):
            chunks.append(chunk)
        pos += 8 + length + (length & 1)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def strip_metadata(kind, content):
    """``content`` of ``kind`` ("jpeg", "png", "webp", ...) without its
    metadata."""
    if kind == "jpeg":
        return _strip_jpeg(content)
    if kind == "png" and content.startswith(_PNG_SIGNATURE):
        return _strip_png(content)
    if kind == "webp" and content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return _strip_webp(content)
    return content
