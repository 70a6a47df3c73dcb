"""Amounts of a Russian form in words and in figures; no ORM.

``amount_in_words(197.05)`` → "Сто девяносто семь рублей 05 копеек": the
roubles in words (num2words, Russian), the kopecks in two figures, as Russian
invoices print them. ``format_amount(1000000.5)`` → "1 000 000,50".
"""

from decimal import ROUND_HALF_UP, Decimal

from num2words import num2words

from odoo.addons.b2b_portal.tools.plurals import choose_plural

RUBLES = ("рубль", "рубля", "рублей")
KOPECKS = ("копейка", "копейки", "копеек")
# a no-break space between thousands: "1 000 000,50" never breaks a line
THOUSANDS = "\u00a0"


def split_kopecks(amount):
    """(roubles, kopecks) of ``amount`` rounded half up to the kopeck."""
    cents = int(
        (Decimal(str(amount or 0)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    )
    if cents < 0:
        raise ValueError("a negative amount has no words on an invoice")
    return divmod(cents, 100)


def to_kopecks(amount):
    """``amount`` in kopecks (an int), as the payment QR code carries it."""
    roubles, kopecks = split_kopecks(amount)
    return roubles * 100 + kopecks


def amount_in_words(amount):
    """The amount in roubles in words and kopecks in figures, capitalised."""
    roubles, kopecks = split_kopecks(amount)
    words = num2words(roubles, lang="ru")
    text = (
        f"{words} {choose_plural(RUBLES, roubles, 'ru')} "
        f"{kopecks:02d} {choose_plural(KOPECKS, kopecks, 'ru')}"
    )
    return text[:1].upper() + text[1:]


def format_amount(amount, thousands_sep=THOUSANDS):
    """``amount`` with two decimals, a decimal comma and grouped thousands."""
    roubles, kopecks = split_kopecks(amount)
    digits = str(roubles)
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return thousands_sep.join([digits, *groups]) + f",{kopecks:02d}"


def format_quantity(value):
    """A quantity without trailing zeros, with a decimal comma: 2.5 → "2,5"."""
    text = f"{float(value or 0):.3f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
