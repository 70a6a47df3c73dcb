"""Order rules: what a B2B entity may put in a cart and order.

One check (``sale.order._b2b_check_order_rules``) for every path that puts
lines in a cart or places an order: catalog add, reorder, quick order, cart
update, move and copy, merge, checkout, the back-office quick order wizard,
and an API later. b2b_portal checks the blockers of the entity, the
assortment and the stock policy; b2b_pricelist adds the minimum and the
multiple (``_b2b_rule_quantities``). Back-office edits of an order (the sale
form) are not held to these rules.
"""

import math

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from ..tools.order_rules import (
    NOT_IN_ASSORTMENT,
    SHORT_STOCK,
    LineCheck,
    RuleReport,
)

EPSILON = 1e-6


class B2bOrderRulesError(UserError):
    """A refusal by the order rules; ``report`` keeps the line checks, so
    that a page can show one message per line."""

    def __init__(self, report):
        self.report = report
        super().__init__("\n".join(report.messages()))


class B2bOrderRules(models.AbstractModel):
    """The order rules check, mixed into sale.order (models/sale_order.py),
    whose fields its instance methods use; b2b_pricelist extends it."""

    _name = "b2b.order.rules"
    _description = "B2B order rules (sale.order mixin)"

    # -- the check ---------------------------------------------------------------
    @api.model
    def _b2b_check_order_rules(
        self,
        entity,
        items,
        contract=None,
        orderable=None,
        availability=None,
        blockers=True,
    ):
        """Check what an order of ``entity`` WOULD hold, in a constant number
        of queries whatever the number of lines.

        :param items: iterable of (product, qty, unit or None): the totals per
            product and unit (one check per item, in their order)
        :param contract: the contract of the order (its company's rules)
        :param orderable: products the caller has just searched in the
            entity's catalog (the assortment is not searched again)
        :param availability: ``product.product._b2b_availability`` of the
            products, when the caller has it already
        :param blockers: False where the page shows the entity's blockers
            itself (the quick order preview): lines only
        :rtype: RuleReport
        """
        entity.ensure_one()
        company = (contract and contract.sudo().company_id) or self.env.company
        Product = self.env["product.product"].sudo().with_company(company)
        Uom = self.env["uom.uom"].sudo()
        items = [(product, qty, uom) for product, qty, uom in items]
        products = Product.browse(list(dict.fromkeys(item[0].id for item in items)))
        rows = []
        for product, qty, uom in items:
            product = products.browse(product.id).with_prefetch(products._prefetch_ids)
            uom = Uom.browse(uom.id) if uom else product.uom_id
            rows.append(
                (LineCheck(product_id=product.id, uom_id=uom.id, qty=qty), product, uom)
            )
        report = RuleReport(
            blockers=entity._b2b_order_blockers() if blockers else [],
            lines=[row[0] for row in rows],
        )
        if rows:
            self._b2b_rule_assortment(entity, company, rows, orderable)
            self._b2b_rule_quantities(entity, company, rows)
            self._b2b_rule_stock(entity, company, rows, availability)
        return report

    @api.model
    def _b2b_rule_assortment(self, entity, company, rows, orderable=None):
        """Products out of the entity's catalog (assortment seam), archived or
        no longer sold."""
        if orderable is None:
            Product = self.env["product.product"].sudo().with_company(company)
            orderable = Product.search(
                Product._b2b_catalog_domain(entity, company)
                + [("id", "in", list({row[1].id for row in rows}))]
            )
        ids = set(orderable.ids)
        for check, product, _uom in rows:
            if product.id not in ids:
                check.refuse(
                    NOT_IN_ASSORTMENT,
                    self.env._(
                        "%(product)s is not in your catalog.",
                        product=product.display_name,
                    ),
                )

    @api.model
    def _b2b_rule_quantities(self, entity, company, rows):
        """Rules on each line's quantity (b2b_pricelist: minimum, multiple);
        ``check.refuse(code, message, suggested)`` the lines that break one."""
        return

    @api.model
    def _b2b_rule_stock(self, entity, company, rows, availability=None):
        """The company's stock policy: "free" refuses more of a storable
        product than its free stock (all units of the order together)."""
        if company.b2b_stock_policy != "free":
            return
        rows = [row for row in rows if row[0].ok and row[1].is_storable]
        if not rows:
            return
        products = self.env["product.product"].sudo().union(*(row[1] for row in rows))
        if availability is None:
            availability = products._b2b_availability(company)
        whole = products._b2b_whole_units()
        wanted = {}
        for check, product, uom in rows:
            qty = uom._compute_quantity(check.qty, product.uom_id, round=False)
            wanted[product] = wanted.get(product, 0.0) + qty
        lang = self.env["res.lang"]
        for check, product, uom in rows:
            free = max((availability.get(product.id) or {}).get("free_qty", 0.0), 0.0)
            rounding = product.uom_id.rounding
            if float_compare(wanted[product], free, precision_rounding=rounding) <= 0:
                continue
            suggested = product.uom_id._compute_quantity(free, uom, round=False)
            if product in whole or uom != product.uom_id:
                suggested = math.floor(suggested + EPSILON)
            if suggested <= 0:
                check.refuse(
                    SHORT_STOCK,
                    self.env._(
                        "%(product)s: out of stock.", product=product.display_name
                    ),
                )
                continue
            check.refuse(
                SHORT_STOCK,
                self.env._(
                    "%(product)s: only %(qty)s %(unit)s in stock.",
                    product=product.display_name,
                    qty=lang._b2b_format_qty(suggested),
                    unit=uom.name,
                ),
                suggested,
            )

    @api.model
    def _b2b_price_line_message(self, product, price_line):
        """The order rules' message for a priced line (a ``PriceLine`` of
        ``res.partner._b2b_price_lines``) that breaks a rule, in the wording
        of ``_b2b_check_order_rules``; "" when it breaks none. Pages that show
        a priced line (the cart, the order) say it so; b2b_pricelist fills
        it for the minimum and the multiple."""
        return ""

    @api.model
    def _b2b_assert_order_rules(self, report):
        """Raise a ``B2bOrderRulesError`` listing the messages of ``report``
        unless it is ok."""
        if not report.ok:
            raise B2bOrderRulesError(report)

    # -- an order's own lines ---------------------------------------------------
    def _b2b_rule_items(self, add=None, set_qty=None):
        """(product, qty, unit) of this order's product lines, summed per
        product and unit, after adding ``add`` ({product or (product, unit):
        qty}) and setting ``set_qty`` ({line: qty}, 0 for a removed line)."""
        self.ensure_one()
        set_qty = set_qty or {}
        totals = {}
        for line in self.order_line:
            if line.display_type or line.is_downpayment or not line.product_id:
                continue
            qty = set_qty.get(line, line.product_uom_qty)
            key = (line.product_id, line.product_uom_id)
            totals[key] = totals.get(key, 0.0) + qty
        for key, qty in (add or {}).items():
            product, uom = key if isinstance(key, tuple) else (key, key.uom_id)
            totals[product, uom] = totals.get((product, uom), 0.0) + qty
        return [
            (product, qty, uom) for (product, uom), qty in totals.items() if qty > 0
        ]

    def _b2b_check_own_rules(self, add=None, set_qty=None):
        """The order rules of this order's lines (see ``_b2b_rule_items``);
        an order of a customer who is no B2B entity is not checked."""
        self.ensure_one()
        order = self.sudo()
        entity = order.b2b_entity_id
        if not entity or not entity._b2b_is_entity():
            return RuleReport()
        return self.with_company(order.company_id)._b2b_check_order_rules(
            entity, order._b2b_rule_items(add, set_qty), order.b2b_contract_id
        )

    @api.model
    def _b2b_check_cart_addition(self, entity, cart, quantities):
        """The rules of what ``cart`` (or a new cart of ``entity`` when it is
        empty) would hold once ``quantities`` are added."""
        if cart:
            return cart._b2b_check_own_rules(add=quantities)
        items = []
        for key, qty in quantities.items():
            product, uom = key if isinstance(key, tuple) else (key, None)
            items.append((product, qty, uom))
        return self._b2b_check_order_rules(
            entity, items, entity._b2b_default_contract()
        )

    def _b2b_reorder_report(self, user):
        """The rules of reordering this order's products into ``user``'s
        current cart of its entity (what the reorder would refuse)."""
        self.ensure_one()
        order = self.sudo()
        entity = order.b2b_entity_id
        quantities = order._b2b_reorder_quantities(user.company_id)
        cart = user._b2b_current_cart(entity)
        return self._b2b_check_cart_addition(entity, cart, quantities)
