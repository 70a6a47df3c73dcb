"""Whether a price list sorts products like their sales price; no ORM.

Sorting a catalog by the buyer's price needs that price for every matching
product, unless the price is the *same non-decreasing function* of a stored
field for all of them: then ``ORDER BY`` that field gives the same order.
That holds for a price list whose rules for one unit, on the day, are all
global (none for a product or a category), each of them:

- ``fixed``: the same price for all;
- ``percentage`` of at most 100 % off, or ``formula`` with at most 100 % off
  (rounding, surcharge and margins keep the order), based on the sales price
  or on another price list that itself sorts like the sales price.

A rule on cost ("standard_price"), a discount above 100 %, a rule for a product
or a category, or a cycle of price lists: no shortcut (``None``).
"""

GLOBAL = "3_global"


def _rule_base(rule, rules_of, seen):
    """ "list_price" if ``rule`` is a non-decreasing function of the sales
    price (or a constant), else None."""
    compute = rule.get("compute_price")
    if compute == "fixed":
        return "list_price"
    if compute == "percentage":
        off = rule.get("percent_price") or 0.0
    elif compute == "formula":
        off = rule.get("price_discount") or 0.0
    else:
        return None
    if off > 100:
        return None
    base = rule.get("base") or "list_price"
    if base == "list_price":
        return "list_price"
    if base == "pricelist" and rule.get("base_pricelist_id"):
        return price_sort_base(rule["base_pricelist_id"], rules_of, seen)
    return None


def price_sort_base(pricelist_id, rules_of, seen=None):
    """ "list_price" when the prices of ``pricelist_id`` sort like the sales
    price, else None.

    :param rules_of: ``rules_of(pricelist_id)`` gives the rules that may apply
        to one unit on the day, as dicts with ``applied_on``,
        ``compute_price``, ``base``, ``base_pricelist_id``, ``percent_price``
        and ``price_discount``; no rule: the sales price itself
    """
    seen = set(seen or ())
    if pricelist_id in seen:
        return None
    seen.add(pricelist_id)
    rules = rules_of(pricelist_id)
    if any(rule.get("applied_on") != GLOBAL for rule in rules):
        return None
    for rule in rules:
        if _rule_base(rule, rules_of, seen) is None:
            return None
    return "list_price"
