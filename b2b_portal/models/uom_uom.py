from odoo import fields, models


class UomUom(models.Model):
    _inherit = "uom.uom"

    b2b_packaging = fields.Selection(
        [("pack", "Pack"), ("box", "Box"), ("pallet", "Pallet")],
        string="B2B packaging",
        help="What kind of packaging this unit is, so that buyers may order "
        "in it by name (e.g. “2 boxes” in a pasted order).",
    )
