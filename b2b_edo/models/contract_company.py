# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    b2b_edo_contract_required = fields.Boolean(
        string="Order only under an accepted contract",
        default=True,
        help="A legal entity offered a supply contract cannot order until "
        "its signatory accepts it.",
    )


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    b2b_edo_contract_required = fields.Boolean(
        related="company_id.b2b_edo_contract_required", readonly=False
    )
