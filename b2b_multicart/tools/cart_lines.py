"""Cart line arithmetic: merging carts and splitting by availability, no ORM.

Keys are opaque (the caller passes ids); quantities are plain numbers in the
unit of the key.
"""

from collections import namedtuple

Merged = namedtuple("Merged", "key qty sources")
SplitLine = namedtuple("SplitLine", "key now later")

MAX_CART_NAME = 100


def merge_lines(lines):
    """Sum the quantities of lines with the same key, in first-seen order.

    :param lines: iterable of ``(key, qty)``, e.g. ``((product_id, uom_id),
        qty)``
    :return: ``(merged, summed)``: a list of ``Merged(key, qty, sources)``
        (``sources``: how many lines were summed into it) and the number of
        keys that were found on more than one line
    """
    totals = {}
    for key, qty in lines:
        if key in totals:
            totals[key][0] += qty
            totals[key][1] += 1
        else:
            totals[key] = [qty, 1]
    merged = [Merged(key, qty, count) for key, (qty, count) in totals.items()]
    return merged, sum(1 for m in merged if m.sources > 1)


def split_lines(lines, free):
    """Split each line into what free stock covers now and the rest.

    Lines take their share of a product's free stock in order, as the
    warehouse would reserve them.

    :param lines: iterable of ``(key, product, qty)``
    :param free: ``{product: free quantity}`` (missing: nothing free)
    :return: a list of ``SplitLine(key, now, later)``, ``now + later == qty``
    """
    left = dict(free)
    result = []
    for key, product, qty in lines:
        available = max(left.get(product, 0.0), 0.0)
        now = min(qty, available)
        left[product] = available - now
        result.append(SplitLine(key, now, qty - now))
    return result


def check_version(expected, actual):
    """Whether an edit made against ``expected`` may apply to a cart at
    ``actual``: the form's version must be given and be the current one."""
    try:
        return expected is not None and int(expected) == int(actual)
    except (TypeError, ValueError):
        return False


def money_formatter(digits, decimal_point, thousands_sep, symbol, before):
    """A function formatting amounts as the portal's monetary widget does
    (grouping by three, the language's separators, the currency's symbol on
    its side), cheap enough for a thousand lines."""

    def format_money(value):
        text = f"{abs(value):,.{digits}f}"
        text = (
            text.replace(",", "\x00")
            .replace(".", decimal_point)
            .replace("\x00", thousands_sep)
        )
        sign = "-" if round(value, digits) < 0 else ""
        if before:
            return f"{sign}{symbol}\u00a0{text}"
        return f"{sign}{text}\u00a0{symbol}"

    return format_money
