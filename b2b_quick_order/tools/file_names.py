"""File names made of what a buyer typed (a cart name): safe to save on any
system; Content-Disposition then encodes them (``odoo.http.content_disposition``
writes the UTF-8 ``filename*`` form for Cyrillic)."""

import re

MAX_STEM = 100
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def file_name(label, ext, default="order"):
    """``label.ext`` with the characters no file system accepts replaced,
    blanks collapsed, and at most MAX_STEM characters before the extension."""
    stem = _UNSAFE.sub(" ", label or "")
    stem = " ".join(stem.split()).strip(". ")[:MAX_STEM].rstrip(". ")
    return f"{stem or default}.{ext}"
