from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"  # pylint: disable=consider-merging-classes-inherited

    b2b_founding_required = fields.Boolean(
        related="company_id.b2b_founding_required", readonly=False
    )
