from odoo import fields, models


class B2bContract(models.Model):
    _inherit = "b2b.contract"

    b2b_claim_legal_days = fields.Integer(
        string="Claim answer (calendar days)",
        default=30,
        help="The legal deadline to answer a claim under this contract, in "
        "calendar days from its submission.",
    )
