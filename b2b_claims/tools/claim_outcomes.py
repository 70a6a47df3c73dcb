"""What a decided claim line is worth and which documents it needs, no ORM.

Amounts are in the order's currency and price terms (the unit price after
discount, tax included or not as the order's taxes say): a price reduction by an
amount or compensation is the approved amount; a price reduction by a
percentage is that share of the approved quantity at the order's unit price;
a return for a refund is the approved quantity at the unit price.
"""

CREDIT_DEMANDS = {"reduction_amount", "reduction_percent", "compensation"}
RETURN_DEMANDS = {"refund", "replacement"}


def approved_amount(demand, unit_price, approved_qty, approved_amount=0.0, percent=0.0):
    """The money the buyer gets back for one approved line."""
    if demand in ("reduction_amount", "compensation"):
        return round(approved_amount, 2)
    if demand == "reduction_percent":
        return round(unit_price * approved_qty * percent / 100.0, 2)
    if demand == "refund":
        return round(unit_price * approved_qty, 2)
    return 0.0


def claimed_amount(demand, unit_price, quantity, amount=0.0, percent=0.0):
    """The money the buyer asks for one line (0 for repair, replacement)."""
    return approved_amount(demand, unit_price, quantity, amount, percent)


def outcome_kinds(decisions):
    """The documents a decision makes, from ``(demand, approved)`` pairs:
    a subset of {"credit_note", "return", "exchange", "repair"}."""
    kinds = set()
    for demand, approved in decisions:
        if not approved:
            continue
        if demand in CREDIT_DEMANDS:
            kinds.add("credit_note")
        elif demand == "refund":
            kinds.add("return")
        elif demand == "replacement":
            kinds.add("exchange")
        elif demand == "repair":
            kinds.add("repair")
    return kinds
