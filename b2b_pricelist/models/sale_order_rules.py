"""Order rules of b2b_pricelist: the minimum and the multiple of a product
(``product.template.b2b_min_qty`` / ``b2b_multiple``), in the product's own
unit, on every path that checks the order rules (b2b_portal's
``sale.order._b2b_check_order_rules``)."""

from odoo import api, models

from ..tools.order_rules import check_quantity


class B2bOrderRules(models.AbstractModel):
    _inherit = "b2b.order.rules"

    @api.model
    def _b2b_rule_quantities(self, entity, company, rows):
        super()._b2b_rule_quantities(entity, company, rows)
        if not rows:
            return
        # the templates' stored fields, read once for all the products
        products = rows[0][1].browse().union(*(row[1] for row in rows))
        templates = products.product_tmpl_id
        rules = {
            template.id: (template.b2b_min_qty, template.b2b_multiple)
            for template in templates
            if template.b2b_min_qty or template.b2b_multiple
        }
        for check, product, uom in rows:
            rule = rules.get(product.product_tmpl_id.id)
            if not rule or not check.ok:
                continue
            product_uom = product.uom_id
            same_uom = uom == product_uom
            qty = (
                check.qty
                if same_uom
                else uom._compute_quantity(
                    check.qty, product_uom, raise_if_failure=False
                )
            )
            code, suggested = check_quantity(qty, *rule)
            if not code:
                continue
            if not same_uom:
                suggested = product_uom._compute_quantity(suggested, uom, round=False)
            check.refuse(
                code, self._b2b_rule_message(product, code, rule, suggested), suggested
            )

    @api.model
    def _b2b_price_line_message(self, product, price_line):
        message = super()._b2b_price_line_message(product, price_line)
        if price_line.violation in ("below_min", "not_multiple"):
            return self._b2b_rule_message(
                product,
                price_line.violation,
                (price_line.min_qty, price_line.multiple),
                price_line.suggested_qty,
            )
        return message

    @api.model
    def _b2b_rule_message(self, product, code, rule, suggested):
        """The buyer's message of a minimum or multiple violation."""
        format_qty = self.env["res.lang"]._b2b_format_qty
        if code == "below_min":
            return self.env._(
                "%(product)s: at least %(min)s, for example %(qty)s.",
                product=product.display_name,
                min=format_qty(rule[0]),
                qty=format_qty(suggested),
            )
        return self.env._(
            "%(product)s: sold by %(multiple)s, for example %(qty)s.",
            product=product.display_name,
            multiple=format_qty(rule[1]),
            qty=format_qty(suggested),
        )
