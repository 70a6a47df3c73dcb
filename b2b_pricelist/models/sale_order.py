from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount, format_datetime

FIXABLE_STATES = ("draft", "sent")


class SaleOrder(models.Model):
    _inherit = "sale.order"

    b2b_fixed_until = fields.Datetime(
        string="Prices fixed until",
        copy=False,
        readonly=True,
        tracking=True,
        help="Until then the lines keep their fixed prices (and the order its "
        "exchange rate); afterwards they are recomputed.",
    )
    b2b_fixed_rate = fields.Float(
        string="Fixed currency rate",
        digits=0,
        copy=False,
        readonly=True,
        help="Rate from company currency to the order currency fixed with the "
        "prices, for a price type in a foreign currency.",
    )

    @api.depends("b2b_fixed_rate", "b2b_fixed_until")
    def _compute_currency_rate(self):
        result = super()._compute_currency_rate()
        now = fields.Datetime.now()
        for order in self:
            if order.b2b_fixed_rate and (order.b2b_fixed_until or now) >= now:
                order.currency_rate = order.b2b_fixed_rate
        return result

    def _b2b_price_notices(self):
        notices = super()._b2b_price_notices()
        order = self.sudo()
        if order._b2b_fixation_valid():
            until = fields.Datetime.context_timestamp(self, order.b2b_fixed_until)
            notices.append(
                self.env._(
                    "Prices are fixed until %(date)s.",
                    date=until.strftime("%d.%m.%Y %H:%M"),
                )
            )
        return notices

    def _b2b_fixation_valid(self, now=None):
        self.ensure_one()
        now = now or fields.Datetime.now()
        return bool(self.b2b_fixed_until) and self.b2b_fixed_until >= now

    def _b2b_fixed_prices(self):
        """{(product id, unit id): (price, until, currency)} of this order's
        lines whose price is still fixed."""
        self.ensure_one()
        if not self._b2b_fixation_valid():
            return {}
        return {
            (line.product_id.id, line.product_uom_id.id): (
                line.b2b_fixed_price,
                line.b2b_fixed_until,
                self.currency_id,
            )
            for line in self.order_line
            if line.b2b_fixed_until and not line.display_type
        }

    def action_b2b_fix_prices(self):
        """Fix the current prices of these quotations (and the exchange rate
        of a foreign-currency price type) for their contract's period."""
        now = fields.Datetime.now()
        for order in self:
            contract = order.b2b_contract_id
            if order.state not in FIXABLE_STATES:
                raise UserError(
                    self.env._("Only a quotation or a cart can fix its prices.")
                )
            if not contract.b2b_price_fixation:
                raise UserError(
                    self.env._(
                        "The contract of %(order)s does not allow price fixation.",
                        order=order.name,
                    )
                )
            until = now + timedelta(days=contract.b2b_fixation_days)
            rate = (
                order.currency_rate
                if order.currency_id != order.company_id.currency_id
                else 0.0
            )
            order.write({"b2b_fixed_until": until, "b2b_fixed_rate": rate})
            for line in order.order_line.filtered(lambda li: not li.display_type):
                line.write(
                    {"b2b_fixed_price": line.price_unit, "b2b_fixed_until": until}
                )
            order.message_post(
                body=self.env._(
                    "Prices fixed until %(until)s.",
                    until=format_datetime(self.env, until),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _b2b_release_fixation(self):
        """End the fixation of these orders and recompute their prices from
        the price type; the buyer is told, on the order, what changed."""
        for order in self:
            lines = order.order_line.filtered(lambda li: not li.display_type)
            before = {line: line.price_unit for line in lines}
            order.write({"b2b_fixed_until": False, "b2b_fixed_rate": 0.0})
            lines.write({"b2b_fixed_until": False, "b2b_fixed_price": 0.0})
            order._recompute_prices()
            changes = [
                self.env._(
                    "%(product)s: %(old)s → %(new)s",
                    product=line.product_id.display_name,
                    old=format_amount(self.env, before[line], order.currency_id),
                    new=format_amount(self.env, line.price_unit, order.currency_id),
                )
                for line in lines
                if order.currency_id.compare_amounts(before[line], line.price_unit)
            ]
            body = (
                self.env._("The price fixation has ended.")
                + " "
                + (
                    self.env._("New prices: %(changes)s.", changes="; ".join(changes))
                    if changes
                    else self.env._("No price has changed.")
                )
            )
            order.message_post(
                body=body, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        return True

    @api.model
    def _cron_b2b_expire_fixations(self):
        self.search(
            [
                ("state", "in", FIXABLE_STATES),
                ("b2b_fixed_until", "!=", False),
                ("b2b_fixed_until", "<", fields.Datetime.now()),
            ]
        )._b2b_release_fixation()

    def _b2b_portal_line_info(self):
        """{line id: ``PriceLine``} of an open B2B quotation or cart
        (next break, order rule, fixed price), for the portal order page; one
        batched call. Empty for confirmed orders and non-B2B customers."""
        self.ensure_one()
        entity = self.partner_id.commercial_partner_id
        if self.state not in FIXABLE_STATES or not entity.b2b_state:
            return {}
        lines = self.order_line.filtered(
            lambda line: not line.display_type and line.product_id
        )
        infos = entity._b2b_price_lines(
            [
                (line.product_id, line.product_uom_qty, line.product_uom_id)
                for line in lines
            ],
            self.b2b_contract_id,
            order=self,
        )
        return dict(zip(lines.ids, infos, strict=True))

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        if self.b2b_fixed_rate and self._b2b_fixation_valid():
            values["b2b_fixed_rate"] = self.b2b_fixed_rate
        return values
