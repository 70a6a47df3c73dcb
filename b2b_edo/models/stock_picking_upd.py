from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _b2b_on_delivery_done(self):
        """The UPD of each delivery, at once (trigger "on delivery") or once
        its order's invoice is paid too ("paid and delivered")."""
        result = super()._b2b_on_delivery_done()
        Document = self.env["b2b.document"].sudo()
        # the storekeeper validating may not read invoices: the documents are
        # the supplier's, made as such
        for company, pickings in self.sudo().grouped("company_id").items():
            if not Document._b2b_upd_company_ready(company):
                continue
            if company.b2b_upd_trigger == "delivery":
                Document._b2b_upd_for_pickings(pickings)
            elif company.b2b_upd_trigger == "both":
                Document._b2b_upd_for_pickings(pickings._b2b_upd_ready())
        return result

    def _b2b_upd_ready(self):
        """These deliveries that are done, outgoing, of a B2B entity's order
        whose customer invoice is posted and paid."""
        return self.filtered(
            lambda picking: picking.state == "done"
            and picking.picking_type_code == "outgoing"
            and picking.sale_id
            and picking.sale_id.partner_id.commercial_partner_id._b2b_is_entity()
            and any(
                invoice.move_type == "out_invoice"
                and invoice.state == "posted"
                and invoice.payment_state in ("paid", "in_payment")
                for invoice in picking.sale_id.invoice_ids
            )
        )

    # -- logistics receipts -------------------------------------------------------
    def action_b2b_attach_logistics(self):
        """The wizard attaching a carrier's receipt or a waybill scan."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Attach a shipping document"),
            "res_model": "b2b.logistics.receipt.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_picking_id": self.id},
        }
