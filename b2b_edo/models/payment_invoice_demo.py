from odoo import api, models


class B2bDemo(models.AbstractModel):
    """The invoices for payment of the demo orders confirmed before b2b_edo
    was installed (b2b_portal's past order, b2b_multicart's checkouts)."""

    _inherit = "b2b.demo"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _demo_payment_invoices(self):
        company = self.env.ref(
            "b2b_portal.supplier_company_demo", raise_if_not_found=False
        )
        if not company:
            return self.env["b2b.document"]
        orders = self.env["sale.order"].search(
            [("company_id", "=", company.id), ("state", "=", "sale")], order="id"
        )
        return orders.with_company(company)._b2b_edo_payment_invoice_sync()
