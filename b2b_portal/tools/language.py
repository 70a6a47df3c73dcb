"""Where the portal language switcher sends the buyer back. Plain Python."""

from urllib.parse import urlsplit

DEFAULT_PATH = "/my"


def back_path(target, url_codes=()):
    """A local path to return to after switching the language: ``target``
    ("/ru/my/orders?page=2") without its language prefix (``url_codes``:
    "ru", "en"...); anything that is not a plain local path (a host, a
    scheme) gives ``DEFAULT_PATH``."""
    parts = urlsplit(target or "")
    path = parts.path or ""
    if parts.scheme or parts.netloc or not path.startswith("/") or "\\" in path:
        return DEFAULT_PATH
    segments = path.split("/")
    if len(segments) > 1 and segments[1] in url_codes:
        path = "/" + "/".join(segments[2:])
    return path + ("?" + parts.query if parts.query else "")


def one_line(text, separator=", "):
    """A multi-line text (an address as Odoo formats it) on one line, with
    its empty lines and doubled spaces left out: no ", ,"."""
    parts = (" ".join(line.split()) for line in (text or "").splitlines())
    return separator.join(part.strip(" ,") for part in parts if part.strip(" ,"))
