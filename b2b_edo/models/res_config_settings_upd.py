from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_upd_trigger = fields.Selection(
        related="company_id.b2b_upd_trigger", readonly=False
    )
    b2b_edo_provider_id = fields.Many2one(
        related="company_id.b2b_edo_provider_id", readonly=False
    )
