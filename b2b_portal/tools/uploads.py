"""Files uploaded by buyers (founding documents, claim photos, acts): what
they really are, checked on their content, no ORM. The one kernel of the
suite for uploads; ``ir.attachment._b2b_check_upload`` turns its error codes
into translated messages.

``check_upload`` returns an ``UploadCheck``: the kind and MIME type of an
accepted file, or the error code of a refused one, with its parameters:

- ``empty``: 0 bytes;
- ``too_large``: over ``max_bytes`` (``max_mb`` in the parameters);
- ``extension``: an extension not in ``kinds`` (``allowed`` in the parameters);
- ``mismatch``: the content is not what the extension says (an executable
  renamed ``.pdf``);
- ``svg``: an SVG image (it can carry scripts), whatever its name;
- ``pdf_active``: a PDF with JavaScript, an automatic action or an embedded
  file.
"""

import os
import re
from dataclasses import dataclass, field

MAX_BYTES = 20 * 1024 * 1024

# kind: (extensions, MIME type, test of the first bytes)
_KINDS = {
    "pdf": ((".pdf",), "application/pdf", lambda head: head.lstrip()[:5] == b"%PDF-"),
    "jpeg": ((".jpg", ".jpeg"), "image/jpeg", lambda head: head[:3] == b"\xff\xd8\xff"),
    "png": ((".png",), "image/png", lambda head: head[:8] == b"\x89PNG\r\n\x1a\n"),
    "webp": (
        (".webp",),
        "image/webp",
        lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    ),
}
# names a PDF uses for what runs or hides inside it; written as /Name or in
# hex escapes (/J#61vaScript), which _pdf_names decodes
_PDF_ACTIVE = {
    b"javascript",
    b"js",
    b"openaction",
    b"aa",
    b"launch",
    b"embeddedfile",
    b"richmedia",
}
_PDF_NAME_RE = re.compile(rb"/([A-Za-z0-9#]+)")
_HEX_RE = re.compile(rb"#([0-9A-Fa-f]{2})")


@dataclass(frozen=True)
class UploadCheck:
    kind: str = ""
    mimetype: str = ""
    error: str = ""
    params: dict = field(default_factory=dict)

    @property
    def ok(self):
        return not self.error


def _looks_like_svg(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text)


def _pdf_names(content):
    for match in _PDF_NAME_RE.finditer(content):
        yield _HEX_RE.sub(
            lambda m: bytes([int(m.group(1), 16)]), match.group(1)
        ).lower()


def check_upload(filename, content, kinds=("pdf", "jpeg", "png"), max_bytes=MAX_BYTES):
    """What ``content`` (bytes) named ``filename`` is, among ``kinds``."""
    extension = os.path.splitext(filename or "")[1].lower()
    allowed = ", ".join(ext for kind in kinds for ext in _KINDS[kind][0])
    if not content:
        return UploadCheck(error="empty")
    if len(content) > max_bytes:
        return UploadCheck(
            error="too_large", params={"max_mb": max_bytes // (1024 * 1024)}
        )
    head = content[:64]
    if extension == ".svg" or _looks_like_svg(head):
        return UploadCheck(error="svg")
    kind = next((k for k in kinds if extension in _KINDS[k][0]), None)
    if kind is None:
        return UploadCheck(error="extension", params={"allowed": allowed})
    extensions, mimetype, test = _KINDS[kind]
    if not test(head):
        return UploadCheck(error="mismatch", params={"extension": extension})
    if kind == "pdf" and any(name in _PDF_ACTIVE for name in _pdf_names(content)):
        return UploadCheck(error="pdf_active")
    return UploadCheck(kind=kind, mimetype=mimetype)
