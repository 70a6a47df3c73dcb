from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_FIXATION_DAYS = 90


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    pricelist_id = fields.Many2one(
        string="Price type",
        domain=[("b2b_is_price_type", "=", True)],
        help="Price type of orders under this contract; it goes before the "
        "entity's, its level's and its groups'. Empty: those apply.",
    )
    b2b_price_fixation = fields.Boolean(
        string="Price fixation",
        help="Carts and quotations under this contract may fix their prices "
        "(and the exchange rate of a foreign-currency price type) for a "
        "period.",
    )
    b2b_fixation_days = fields.Integer(
        string="Fixation period (days)",
        default=3,
    )

    @api.constrains("b2b_price_fixation", "b2b_fixation_days")
    def _check_b2b_fixation_days(self):
        for contract in self.filtered("b2b_price_fixation"):
            if not 1 <= contract.b2b_fixation_days <= MAX_FIXATION_DAYS:
                raise ValidationError(
                    self.env._(
                        "A price fixation lasts from 1 to %(max)s days, not %(days)s.",
                        max=MAX_FIXATION_DAYS,
                        days=contract.b2b_fixation_days,
                    )
                )
