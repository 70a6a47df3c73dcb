from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_default_pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Default B2B price type",
        domain=[("b2b_is_price_type", "=", True)],
        help="Price type of B2B customers without a contract, entity, level "
        "or group price type. Empty: the customer's Odoo price list.",
    )
    b2b_level_window_days = fields.Integer(
        string="Turnover period (days)",
        default=90,
        help="Turnover levels count posted invoices minus refunds over this "
        "many days, up to today.",
    )
