from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    b2b_edo_participant_id = fields.Char(
        string="EDO participant ID",
        copy=False,
        help="The identifier of this organisation at its EDO operator "
        "(e.g. 2BM-7701000000-770101001-...). Empty: its INN and KPP stand "
        "in the UPD file name.",
    )
