"""Quantities typed by buyers: parsing and checks, no ORM.

``parse_quantity`` returns ``(value, None)`` or ``(None, error code)``; the
caller turns the code into a translated message.
"""

import math
import re

MAX_QUANTITY = 1_000_000
_NUMBER_RE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_quantity(text, whole=True, maximum=MAX_QUANTITY):
    """A positive quantity from a form field.

    Accepts a decimal comma and surrounding or thousands spaces ("1 200,5").
    ``whole``: only whole numbers (pieces, boxes). Empty text gives (0, None):
    the row was not filled in.
    """
    text = (text or "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return 0, None
    if not _NUMBER_RE.match(text):
        return None, "not_a_number"
    value = float(text.replace(",", "."))
    if not math.isfinite(value):
        return None, "not_a_number"
    if value <= 0:
        return None, "not_positive"
    if value > maximum:
        return None, "too_large"
    if whole and value != int(value):
        return None, "not_whole"
    return (int(value) if value == int(value) else value), None
