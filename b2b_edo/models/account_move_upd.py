from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _b2b_on_invoice_paid(self):
        """The UPDs that waited for this payment: trigger "on payment" makes
        the invoice's own; "paid and delivered" those of its orders' done
        deliveries."""
        result = super()._b2b_on_invoice_paid()
        Document = self.env["b2b.document"].sudo()
        # the payer may be a portal user paying online: the documents are the
        # supplier's, made as such
        for company, invoices in self.sudo().grouped("company_id").items():
            if not Document._b2b_upd_company_ready(company):
                continue
            if company.b2b_upd_trigger == "payment":
                Document._b2b_upd_for_invoices(invoices)
            elif company.b2b_upd_trigger == "both":
                pickings = invoices.line_ids.sale_line_ids.order_id.picking_ids
                Document._b2b_upd_for_pickings(pickings._b2b_upd_ready())
        return result
