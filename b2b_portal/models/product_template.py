from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    b2b_rrp = fields.Monetary(
        string="Recommended retail price",
        currency_field="currency_id",
        help="Price the supplier recommends to resellers for their own customers.",
    )
