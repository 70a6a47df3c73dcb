"""Quantities typed by buyers: parsing and checks, no ORM. The one kernel of
the suite: the catalog, the cart lines, the quick order (its own text and
file syntax, then these checks) and any API use it, with one maximum.

``parse_quantity`` returns ``(value, None)`` or ``(None, error code)``; the
caller turns the code into a translated message
(``product.product._b2b_quantity_messages``).
"""

import math
import re

# the most of one product that can be ordered at once, everywhere
MAX_QUANTITY = 1_000_000
_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def to_number(text):
    """The number written in ``text`` ("1 200,5", "12.5"), spaces and a
    decimal comma allowed; None when it is no number."""
    text = str(text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER_RE.match(text):
        return None
    value = float(text.replace(",", "."))
    return value if math.isfinite(value) else None


def check_quantity(value, whole=True, maximum=MAX_QUANTITY):
    """The error code of quantity ``value`` (a number or None), or None
    when it can be ordered: "not_a_number", "not_positive", "too_large",
    "not_whole" (``whole``: only whole numbers, as pieces or boxes)."""
    if value is None or not math.isfinite(value):
        return "not_a_number"
    if value <= 0:
        return "not_positive"
    if value > maximum:
        return "too_large"
    if whole and value != int(value):
        return "not_whole"
    return None


def parse_quantity(text, whole=True, maximum=MAX_QUANTITY):
    """A positive quantity from a form field.

    Accepts a decimal comma and surrounding or thousands spaces ("1 200,5").
    ``whole``: only whole numbers (pieces, boxes). Empty text gives (0, None):
    the row was not filled in.
    """
    if not str(text or "").strip():
        return 0, None
    value = to_number(text)
    code = check_quantity(value, whole=whole, maximum=maximum)
    if code:
        return None, code
    return (int(value) if value == int(value) else value), None


def quantity_inputs(items, prefixes=("qty",)):
    """The quantity inputs of a form: ``{(prefix, id): text}`` of its
    ``<prefix>_<id>`` fields (``qty_12``, ``remove_12``), and the fields of
    those prefixes whose id is no number, in the form's order."""
    found, unknown = {}, []
    for key, text in items:
        prefix, sep, raw_id = str(key).partition("_")
        if not sep or prefix not in prefixes:
            continue
        if raw_id.isdigit():
            found[prefix, int(raw_id)] = text
        else:
            unknown.append(key)
    return found, unknown
