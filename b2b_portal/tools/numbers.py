"""Quantities and amounts as a buyer reads them, in the language's format
(counted nouns: ``plurals.py``).

Plain Python, no ORM: the caller passes the separators of the language
(``res.lang``: decimal point, thousands separator, grouping) and its code,
or a ``NumberFormat`` made of them once per page.
"""

import dataclasses

from markupsafe import Markup

MAX_DIGITS = 3
NBSP = "\u00a0"
MINUS = "-\ufeff"  # a minus that never ends a line, as Odoo's monetary widget


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


def format_amount(
    value, digits=2, decimal_point=".", thousands_sep="", grouping=(3, 0)
):
    """An amount with exactly ``digits`` decimals, grouped: 1234.5 →
    "1 234,50" (Russian), as Odoo's ``res.lang.format("%.2f", grouping=True)``
    with its spaces made non-breaking and its minus kept to the number."""
    value = float(value or 0.0)
    text = f"{abs(value):.{digits}f}"
    whole, _dot, fraction = text.partition(".")
    sign = MINUS if value < 0 and text.strip("0.") else ""
    text = sign + _group(whole, grouping, thousands_sep)
    text = text + decimal_point + fraction if fraction else text
    return text.replace(" ", NBSP)


@dataclasses.dataclass(frozen=True)
class NumberFormat:
    """The separators of one language, to format every number of a page
    without asking the ORM again (``res.lang._b2b_number_format``)."""

    decimal_point: str = "."
    thousands_sep: str = ""
    grouping: tuple = (3, 0)

    def qty(self, value, grouping=True):
        """A quantity: "12", "2,5", "1 200" (``format_qty``)."""
        sep = self.thousands_sep if grouping else ""
        return format_qty(value, self.decimal_point, sep, self.grouping)

    def amount(self, value, digits=2):
        """An amount without its currency: "1 234,50" (``format_amount``)."""
        return format_amount(
            value, digits, self.decimal_point, self.thousands_sep, self.grouping
        )

    def money(self, value, currency):
        """An amount in ``currency`` (a ``res.currency``: ``round``,
        ``decimal_places``, ``symbol``, ``position``) as HTML, the markup of
        Odoo's ``monetary`` widget: ``<span class="oe_currency_value">197,05
        </span> ₽``."""
        digits = currency.decimal_places
        value = currency.round(value or 0.0)
        if not round(value, digits):
            value = 0.0
        number = Markup('<span class="oe_currency_value">%s</span>') % self.amount(
            value, digits
        )
        symbol = currency.symbol or ""
        if currency.position == "before":
            return Markup("%s%s") % (symbol + NBSP, number)
        return Markup("%s%s") % (number, NBSP + symbol)
