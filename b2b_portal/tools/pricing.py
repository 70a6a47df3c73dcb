"""The priced line: what ``res.partner._b2b_price_lines`` returns, no ORM.

One value per (product, quantity, unit) asked, in the unit asked. b2b_portal
fills the price, its currency and the rule of Odoo's price list;
b2b_pricelist also fills the price type, the next quantity break, the order
rules (minimum, multiple) and a fixed price. Every reader (catalog, carts,
quick order, order pages, back office) reads these attributes, never
guesses a default: the defaults live here once.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class PriceLine:
    """The price of one line for one entity under one contract.

    :ivar price_unit: price per unit of the line (in ``currency``)
    :ivar currency: ``res.currency`` of ``price_unit`` and ``next_price``
    :ivar rule: the ``product.pricelist.item`` applied (empty: sales price)
    :ivar pricelist: the ``product.pricelist`` (price type) that priced it
    :ivar next_qty: quantity (in the line's unit) from which a break lowers
        the price, or False
    :ivar next_price: the unit price from ``next_qty``, or False
    :ivar more_qty: how many more to reach ``next_qty``, or False
    :ivar min_qty: the product's minimum order quantity (0: none)
    :ivar multiple: the product's order multiple (0: none)
    :ivar violation: False, ``"below_min"`` or ``"not_multiple"``
    :ivar suggested_qty: the nearest valid quantity (line's unit), or False
    :ivar fixed_until: end (datetime) of the line's fixed price, or False
    """

    price_unit: float = 0.0
    currency: Any = False
    rule: Any = False
    pricelist: Any = False
    next_qty: float | bool = False
    next_price: float | bool = False
    more_qty: float | bool = False
    min_qty: float = 0.0
    multiple: float = 0.0
    violation: str | bool = False
    suggested_qty: float | bool = False
    fixed_until: Any = False
