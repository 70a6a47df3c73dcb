from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _b2b_taxes_included(self):
        """Whether every tax of this invoice is included in its prices (the
        invoice then prints "incl. VAT", в т.ч. НДС)."""
        self.ensure_one()
        taxes = self.invoice_line_ids.tax_ids
        return bool(taxes) and all(taxes.mapped("price_include"))
