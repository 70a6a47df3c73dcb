from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestPortalDocuments(MulticartCommon, HttpCase):
    """The carts page's "order is made" notice links the invoice (with its
    token) only for a role with the "documents" capability."""

    def test_done_notice_links_the_invoice_for_documents_roles(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "b2b_contract_id": self.contract_a.id,
                "order_line": [
                    Command.create({"product_id": self.bolt.id, "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        for user, shown in ((self.buyer_a, True), (self.buyer_ab, False)):
            with self.subTest(user=user.login):
                self.authenticate(user.login, user.login)
                page = self.url_open(f"/my/b2b/carts?order={order.id}").text
                self.assertIn("o_b2b_done_order", page)
                self.assertEqual("o_b2b_done_invoice" in page, shown)
                self.assertEqual(invoice.name in page, shown)
