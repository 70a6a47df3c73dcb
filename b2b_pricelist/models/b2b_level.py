from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.misc import format_amount

from ..tools.levels import check_thresholds


class B2bLevel(models.Model):
    _name = "b2b.level"
    _description = "B2B turnover level"
    _order = "company_id, threshold, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    threshold = fields.Monetary(
        currency_field="currency_id",
        help="Turnover (posted invoices minus refunds, untaxed, over the "
        "company's turnover period) from which an entity holds this level.",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Price type",
        domain=[("b2b_is_price_type", "=", True)],
        help="Price type of the entities at this level, unless their contract "
        "or their own price type sets one.",
    )

    @api.constrains("threshold", "sequence", "company_id", "active")
    def _check_ladder(self):
        for company in self.company_id:
            levels = self.search([("company_id", "=", company.id)])
            code = check_thresholds([(lv.sequence, lv.threshold) for lv in levels])
            if code == "negative":
                raise ValidationError(
                    self.env._("A level threshold cannot be negative.")
                )
            if code == "duplicate":
                raise ValidationError(
                    self.env._(
                        "Two levels start at the same turnover: they would "
                        "overlap. Give each level its own threshold."
                    )
                )
            if code == "out_of_order":
                raise ValidationError(
                    self.env._(
                        "Level thresholds are out of order: each level in "
                        "the list must need more turnover than the one above "
                        "it (%(levels)s).",
                        levels=", ".join(
                            "%s %s"
                            % (
                                lv.name,
                                format_amount(self.env, lv.threshold, lv.currency_id),
                            )
                            for lv in levels.sorted(lambda lv: (lv.sequence, lv.id))
                        ),
                    )
                )

    @api.model
    def _b2b_ladder(self, company=None):
        """Active levels of ``company``, lowest threshold first."""
        company = company or self.env.company
        return self.sudo().search([("company_id", "=", company.id)])
