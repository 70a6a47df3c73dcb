from odoo import api, fields, models
from odoo.tools.misc import format_amount, format_datetime


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    b2b_fixed_price = fields.Float(
        string="Fixed price", digits="Product Price", copy=False, readonly=True
    )
    b2b_fixed_until = fields.Datetime(
        string="Price fixed until", copy=False, readonly=True
    )

    @api.depends("b2b_fixed_until")
    def _compute_price_unit(self):
        """A fixed price holds, whatever the quantity, until the fixation is
        released (``sale.order._b2b_release_fixation``, by the cron once it
        expired): the recomputation and the buyer's message go together."""
        fixed = self.filtered("b2b_fixed_until")
        result = super(SaleOrderLine, self - fixed)._compute_price_unit()
        for line in fixed:
            line.price_unit = line.b2b_fixed_price
            line.technical_price_unit = line.b2b_fixed_price
        return result

    def action_b2b_explain_price(self):
        """Which price type, why, which rule and the next break of this
        line, as a notification."""
        self.ensure_one()
        order = self.order_id
        entity = order.partner_id.commercial_partner_id
        pricelist, kind, source = entity._b2b_resolve_pricelist(order.b2b_contract_id)
        line = entity._b2b_price_lines(
            [(self.product_id, self.product_uom_qty, self.product_uom_id)],
            order.b2b_contract_id,
            order=order,
        )[0]
        chain = " → ".join(
            self.env._("%(place)s: %(type)s", place=place, type=found.name or "—")
            for place, found in entity._b2b_pricelist_chain(order.b2b_contract_id)
        )
        parts = [
            self.env._(
                "Price type %(type)s (%(why)s).",
                type=pricelist.display_name or "-",
                why=entity._b2b_pricelist_reason_text(kind, source),
            ),
            self.env._("Looked at: %(chain)s.", chain=chain),
            self.env._(
                "Rule: %(rule)s; price %(price)s.",
                rule=self._b2b_rule_text(line.rule),
                price=format_amount(self.env, line.price_unit, line.currency),
            ),
        ]
        if line.next_qty:
            parts.append(
                self.env._(
                    "From %(qty)s: %(price)s.",
                    qty=self.env["res.lang"]._b2b_format_qty(line.next_qty),
                    price=format_amount(self.env, line.next_price, line.currency),
                )
            )
        if line.fixed_until:
            parts.append(
                self.env._(
                    "Fixed until %(until)s.",
                    until=format_datetime(self.env, line.fixed_until),
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._(
                    "Price of %(product)s", product=self.product_id.display_name
                ),
                "message": " ".join(parts),
                "sticky": True,
                "type": "info",
            },
        }

    def _b2b_rule_text(self, rule):
        """What a price list rule applies to, its quantity break and its
        discount, in words."""
        if not rule:
            return self.env._("sales price")
        text = f"{rule.name}, {rule.price}".strip()
        if rule.min_quantity:
            text = self.env._(
                "%(rule)s, quantity break from %(qty)s",
                rule=text,
                qty="%g" % rule.min_quantity,
            )
        if rule.b2b_generated:
            text = self.env._("%(rule)s (the price type's own)", rule=text)
        return text
