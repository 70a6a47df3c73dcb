"""Minimum order quantity and multiples: plain Python, no ORM.

Quantities are in the product's own unit. ``min_qty`` and ``multiple`` of 0
mean "no rule".
"""

import math

EPSILON = 1e-6


def is_multiple(qty, multiple):
    """Whether ``qty`` is a whole number of ``multiple`` (tolerating float
    noise)."""
    if not multiple:
        return True
    ratio = qty / multiple
    return abs(ratio - round(ratio)) < EPSILON


def round_up(qty, multiple):
    """The smallest multiple of ``multiple`` not below ``qty``."""
    if not multiple:
        return qty
    return math.ceil(qty / multiple - EPSILON) * multiple


def check_quantity(qty, min_qty=0.0, multiple=0.0):
    """The violation of ``qty`` and the nearest valid quantity.

    :return: (violation, suggested): violation is False, ``"below_min"`` or
        ``"not_multiple"``; suggested is the nearest valid quantity (False
        when ``qty`` is valid). Below the minimum, the suggestion is the
        minimum rounded up to the multiple; otherwise the nearest multiple,
        ties going up, never below the minimum.
    """
    if qty <= 0:
        return False, False
    if min_qty and qty < min_qty - EPSILON:
        return "below_min", round_up(min_qty, multiple)
    if not is_multiple(qty, multiple):
        lower = math.floor(qty / multiple + EPSILON) * multiple
        upper = lower + multiple
        nearest = upper if (qty - lower) >= (upper - qty) - EPSILON else lower
        if min_qty and nearest < min_qty - EPSILON:
            nearest = round_up(min_qty, multiple)
        return "not_multiple", nearest
    return False, False


def validate_rule(min_qty, multiple):
    """Error codes of a product's order rule: ``negative`` or
    ``min_not_multiple`` (a minimum that cannot be ordered)."""
    if min_qty < 0 or multiple < 0:
        return "negative"
    if min_qty and multiple and not is_multiple(min_qty, multiple):
        return "min_not_multiple"
    return False


def next_break(qty, thresholds):
    """The smallest quantity break above ``qty`` among ``thresholds``
    (False if none) and how many more units it takes."""
    above = [t for t in thresholds if t > qty + EPSILON]
    if not above:
        return False, False
    target = min(above)
    return target, target - qty
