from odoo import fields, models


class ResBank(models.Model):
    _inherit = "res.bank"

    b2b_corr_account = fields.Char(
        string="Correspondent account",
        size=20,
        help="The bank's account with the Bank of Russia (20 digits), printed "
        "with its BIC on invoices.",
    )
