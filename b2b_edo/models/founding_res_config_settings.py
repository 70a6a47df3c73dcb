from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_founding_required = fields.Boolean(
        related="company_id.b2b_founding_required", readonly=False
    )
