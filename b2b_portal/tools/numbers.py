"""Quantities as a buyer reads them, in the language's format (counted
nouns: ``plurals.py``).

Plain Python, no ORM: the caller passes the separators of the language
(``res.lang``: decimal point, thousands separator, grouping) and its code.
"""

MAX_DIGITS = 3


def _group(digits, grouping, thousands_sep):
    """``digits`` with ``thousands_sep`` between the groups of ``grouping``
    (sizes from the right, as Odoo and ``locale`` give them: 0 repeats the
    last size, -1 stops grouping)."""
    if not thousands_sep:
        return digits
    groups, size, sizes = [], 0, iter(grouping or ())
    while True:
        step = next(sizes, 0)
        if step == -1:
            break
        size = step or size
        if not size or len(digits) <= size:
            break
        groups.append(digits[-size:])
        digits = digits[:-size]
    return thousands_sep.join([digits, *reversed(groups)])


def format_qty(
    value, decimal_point=".", thousands_sep="", grouping=(3, 0), digits=MAX_DIGITS
):
    """A quantity without trailing zeros: 12 → "12", 2.5 → "2,5" (Russian),
    1200 → "1 200"; rounded to ``digits`` decimals."""
    value = float(value or 0.0)  # also "3", as a count read from a URL
    text = f"{abs(value):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _dot, fraction = text.partition(".")
    sign = "-" if value < 0 and text != "0" else ""
    text = sign + _group(whole, grouping, thousands_sep)
    return text + decimal_point + fraction if fraction else text
