from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.events import record_event

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestCartEvents(MulticartCommon, HttpCase):
    """Carts leaving the portal fire the order event once, and the invoice
    for payment is made by b2b_multicart's extension of that event."""

    def setUp(self):
        super().setUp()
        self.authenticate("buyer_a", "buyer_a")

    def checkout(self, cart, token):
        return self.post(
            f"/my/b2b/carts/{cart.id}/checkout",
            token=token,
            contract_id=self.contract_a.id,
            version=cart.b2b_version,
        )

    def test_portal_checkout_fires_once_and_invoices(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        with (
            record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as orders,
            record_event(self.env, "account.move", "_b2b_on_invoice_posted") as posts,
        ):
            response = self.checkout(cart, "ev-1")
            self.assertEqual(response.status_code, 303)
            # the form sent twice: the one order, no second event
            self.assertEqual(self.checkout(cart, "ev-1").status_code, 303)
        self.assertEqual(cart.state, "sale")
        self.assertEqual(orders, [cart.ids])
        invoice = cart.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(posts, [invoice.ids])

    def test_merge_then_checkout_fires_for_the_merged_order(self):
        shop = self.cart(self.buyer_a, self.entity_a, "Магазин", {self.bolt: 2})
        store = self.cart(self.buyer_a, self.entity_a, "Склад", {self.nut: 1})
        with record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as orders:
            response = self.post(
                "/my/b2b/carts/merge", cart_ids=[shop.id, store.id], token="ev-m"
            )
            self.assertEqual(response.status_code, 303)
            merged = shop.b2b_merged_into_id
            # the merge orders nothing
            self.assertEqual(orders, [])
            self.assertEqual(self.checkout(merged, "ev-mc").status_code, 303)
        self.assertEqual(merged.state, "sale")
        self.assertEqual(orders, [merged.ids])
        self.assertEqual(len(merged.invoice_ids), 1)
        self.assertFalse((shop | store).invoice_ids)

    def test_held_order_fires_when_approved(self):
        self.contract_a.credit_limit = 50.0
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 10})
        with record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as orders:
            self.assertEqual(self.checkout(cart, "ev-h").status_code, 303)
            self.assertEqual(cart.state, "sent")
            self.assertEqual(orders, [])
            cart.with_user(self.manager).action_b2b_approve()
        self.assertEqual(cart.state, "sale")
        self.assertEqual(orders, [cart.ids])
        self.assertEqual(len(cart.invoice_ids), 1)

    def test_invoice_made_by_the_event_not_for_quotations(self):
        # a cart confirmed in the back office gets its invoice from the event
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        cart.with_user(self.manager).action_confirm()
        self.assertEqual(len(cart.invoice_ids), 1)
        # a quotation made in the back office, never a cart, gets none
        quotation = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "order_line": [
                    Command.create({"product_id": self.bolt.id, "product_uom_qty": 3})
                ],
            }
        )
        with record_event(self.env, "sale.order", "_b2b_on_order_confirmed") as orders:
            quotation.with_user(self.manager).action_confirm()
        self.assertEqual(orders, [quotation.ids])
        self.assertFalse(quotation.invoice_ids)
