"""The result of an order rules check: plain Python, no ORM.

``sale.order._b2b_check_order_rules`` (b2b_portal/models/sale_order_rules.py)
fills a ``RuleReport``: the entity's blockers (it may not order at all) and
one ``LineCheck`` per (product, unit) of what the order would hold. Every
path that puts lines in a cart or places an order shows the same messages.
"""

from dataclasses import dataclass, field

# violation codes, in the order they are checked: a line gets the first one
NOT_IN_ASSORTMENT = "not_in_assortment"
BELOW_MIN = "below_min"
NOT_MULTIPLE = "not_multiple"
SHORT_STOCK = "short_stock"


@dataclass(slots=True)
class LineCheck:
    """One (product, unit) of an order: ``code`` False when it may be
    ordered, else a violation code with the buyer's ``message`` and the
    nearest quantity that passes (``suggested_qty``, in the line's unit, or
    False when there is none)."""

    product_id: int
    uom_id: int
    qty: float
    code: str | bool = False
    message: str = ""
    suggested_qty: float | bool = False

    @property
    def ok(self):
        return not self.code

    def refuse(self, code, message, suggested_qty=False):
        """Mark the line with its first violation; later ones are ignored
        (one message per line)."""
        if not self.code:
            self.code = code
            self.message = message
            self.suggested_qty = suggested_qty


@dataclass(slots=True)
class RuleReport:
    """Blockers of the entity (messages) and the checks of the lines."""

    blockers: list[str] = field(default_factory=list)
    lines: list[LineCheck] = field(default_factory=list)

    @property
    def ok(self):
        return not self.blockers and all(line.ok for line in self.lines)

    def refused(self):
        """The lines that break a rule, in the order of the lines."""
        return [line for line in self.lines if not line.ok]

    def messages(self):
        """The blockers first, then one message per refused line."""
        return [*self.blockers, *(line.message for line in self.refused())]

    def by_key(self):
        """``{(product id, unit id): LineCheck}``."""
        return {(line.product_id, line.uom_id): line for line in self.lines}
