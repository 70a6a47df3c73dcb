from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_upd_trigger = fields.Selection(
        [
            ("never", "Never (made by hand)"),
            ("payment", "When the invoice is paid"),
            ("delivery", "When the goods are delivered"),
            ("both", "When paid and delivered"),
        ],
        string="UPD made",
        default="both",
        required=True,
        help="When the UPD (universal transfer document) of a delivery is "
        "made for a B2B entity: one per delivery, of what was shipped.",
    )
    b2b_edo_provider_id = fields.Many2one(
        "b2b.edo.provider",
        string="EDO operator",
        help="The operator documents are sent through; empty: the manual "
        "provider (files downloaded and uploaded by hand).",
    )
