# b2b_portal's account_move.py sends the events; what the invoice for
# payment takes from a posted invoice lives here
# pylint: disable=consider-merging-classes-inherited
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _b2b_on_invoice_posted(self):
        """Link the invoices for payment of the orders of these invoices that
        have none yet (an invoice posted after the order was confirmed)."""
        result = super()._b2b_on_invoice_posted()
        for invoice in self.filtered(lambda move: move.move_type == "out_invoice"):
            orders = invoice.sudo().line_ids.sale_line_ids.order_id
            orders._b2b_edo_payment_invoices().filtered(
                lambda d: not d.invoice_id and d.state != "cancelled"
            )._b2b_workflow().write({"invoice_id": invoice.id})
        return result
