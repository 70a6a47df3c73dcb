from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_founding_required = fields.Boolean(
        string="Founding documents before ordering",
        default=True,
        help="A legal entity orders once the supplier accepted every required "
        "item of the founding documents checklist.",
    )
