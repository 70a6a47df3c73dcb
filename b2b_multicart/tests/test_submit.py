from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestMerge(MulticartCommon):
    def test_merge_makes_one_cart_and_orders_nothing(self):
        shop = self.cart(
            self.buyer_a, self.entity_a, "Магазин", {self.bolt: 6, self.nut: 1}
        )
        store = self.cart(
            self.buyer_a, self.entity_a, "Склад", {self.bolt: 5, self.washer: 2}
        )
        store.client_order_ref = "ЗК-1"
        carts = shop | store
        Order = self.env["sale.order"]
        confirmed = Order.search_count([("state", "in", ("sent", "sale"))])
        merged, summed = carts._b2b_merge(self.buyer_a, "tok-merge-1")
        self.assertEqual(summed, 1)
        self.assertEqual(
            self.quantities(merged), {self.bolt: 11, self.nut: 1, self.washer: 2}
        )
        # 11 bolts reach the break
        bolt_line = merged.order_line.filtered(
            lambda line: line.product_id == self.bolt
        )
        self.assertEqual(bolt_line.price_unit, 8.0)
        # a cart of the buyer, current, to review: no order, no invoice
        self.assertEqual(merged.state, "draft")
        self.assertTrue(merged.b2b_is_cart)
        self.assertFalse(merged.invoice_ids)
        self.assertEqual(
            Order.search_count([("state", "in", ("sent", "sale"))]), confirmed
        )
        self.assertEqual(merged.b2b_buyer_id, self.buyer_a)
        self.assertEqual(merged.b2b_cart_name, "Магазин + Склад")
        self.assertEqual(self.buyer_a._b2b_carts(self.entity_a), merged)
        self.assertEqual(self.buyer_a._b2b_current_cart(self.entity_a), merged)
        self.assertEqual(merged.b2b_contract_id, self.contract_a)
        self.assertEqual(merged.client_order_ref, "ЗК-1")
        for cart in carts:
            self.assertEqual(cart.state, "cancel")
            self.assertEqual(cart.b2b_merged_into_id, merged)
        self.assertEqual(merged.b2b_merged_from_ids, carts)
        # the same form again: the same cart
        again, _summed = carts._b2b_merge(self.buyer_a, "tok-merge-1")
        self.assertEqual(again, merged)
        with self.assertRaisesRegex(UserError, "merged into the cart Магазин"):
            (shop | self.cart(self.buyer_a, self.entity_a, "3"))._b2b_merge(
                self.buyer_a, "tok-merge-2"
            )
        # its checkout orders it: one order, one invoice
        order = merged._b2b_checkout(
            "tok-checkout", self.contract_a, version=merged.b2b_version
        )
        self.assertEqual(order, merged)
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.invoice_ids), 1)
        invoice = order.invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertAlmostEqual(invoice.amount_total, order.amount_total)

    def test_merge_draft_invoice_by_setting(self):
        self.env["ir.config_parameter"].set_param("b2b_multicart.invoice_mode", "draft")
        carts = self.cart(self.buyer_a, self.entity_a, "1", {self.bolt: 1}) | self.cart(
            self.buyer_a, self.entity_a, "2", {self.nut: 1}
        )
        merged, _summed = carts._b2b_merge(self.buyer_a, None)
        order = merged._b2b_checkout("t-draft", self.contract_a)
        self.assertEqual(order.invoice_ids.state, "draft")

    def test_merge_refusals_write_nothing(self):
        cart_a1 = self.cart(self.buyer_ab, self.entity_a, "A1", {self.bolt: 1})
        cart_a2 = self.cart(self.buyer_ab, self.entity_a, "A2", {self.nut: 1})
        cart_b = self.cart(self.buyer_ab, self.entity_b, "B", {self.bolt: 1})
        Order = self.env["sale.order"]
        before = Order.search_count([])
        with self.assertRaisesRegex(UserError, "different legal entities"):
            (cart_a1 | cart_b)._b2b_merge(self.buyer_ab, "t1")
        with self.assertRaisesRegex(UserError, "merged with itself"):
            (cart_a1 | cart_a1)._b2b_merge(self.buyer_ab, "t2")
        contract_a2 = self.env["b2b.contract"].create(
            {"name": "A-2", "entity_id": self.entity_a.id, "state": "active"}
        )
        cart_a2.b2b_contract_id = contract_a2
        with self.assertRaisesRegex(UserError, "different contracts"):
            (cart_a1 | cart_a2)._b2b_merge(self.buyer_ab, "t3")
        cart_a2.b2b_contract_id = self.contract_a
        empty = self.cart(self.buyer_ab, self.entity_a, "E") | self.cart(
            self.buyer_ab, self.entity_a, "E2"
        )
        with self.assertRaisesRegex(UserError, "empty"):
            empty._b2b_merge(self.buyer_ab, "t4")
        self.contract_a.date_end = fields.Date.today() - timedelta(days=1)
        with self.assertRaisesRegex(UserError, "not valid today"):
            (cart_a1 | cart_a2)._b2b_merge(self.buyer_ab, "t5")
        self.assertEqual(Order.search_count([]), before + 2)  # the two empty carts
        self.assertTrue(all(c.state == "draft" for c in cart_a1 | cart_a2 | cart_b))

    def test_merged_cart_cannot_be_merged_again(self):
        carts = self.cart(self.buyer_a, self.entity_a, "1", {self.bolt: 1}) | self.cart(
            self.buyer_a, self.entity_a, "2", {self.nut: 1}
        )
        merged, _summed = carts._b2b_merge(self.buyer_a, "t-first")
        order = merged._b2b_checkout("t-order", self.contract_a)
        third = self.cart(self.buyer_a, self.entity_a, "3", {self.nut: 1})
        with self.assertRaisesRegex(UserError, "merged into order"):
            (carts[0] | third)._b2b_merge(self.buyer_a, "t-second")
        self.assertEqual(third.state, "draft")
        self.assertEqual(len(order.order_line), 2)


@tagged("post_install", "-at_install")
class TestCheckout(MulticartCommon):
    def test_checkout_confirms_once(self):
        address = self.env["res.partner"].create(
            {"name": "Склад Альфы", "type": "delivery", "parent_id": self.entity_a.id}
        )
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        date = fields.Date.today() + timedelta(days=3)
        order = cart._b2b_checkout(
            "tok-1",
            self.contract_a,
            shipping=address,
            date=date,
            note="к воротам 2",
            version=cart.b2b_version,
        )
        self.assertEqual(order, cart)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_shipping_id, address)
        self.assertEqual(order.b2b_note, "к воротам 2")
        self.assertEqual(len(order.invoice_ids), 1)
        # the same form again, and another tab's form: still this one order
        self.assertEqual(cart._b2b_checkout("tok-1", self.contract_a), order)
        self.assertEqual(cart._b2b_checkout("tok-2", self.contract_a), order)
        self.assertEqual(len(order.invoice_ids), 1)
        self.assertFalse(
            self.env["sale.order"].search([("b2b_submit_token", "=", "tok-2")])
        )

    def test_checkout_bad_input_writes_nothing(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        empty = self.cart(self.buyer_a, self.entity_a, "Пустая")
        with self.assertRaisesRegex(UserError, "empty"):
            empty._b2b_checkout("t1", self.contract_a, version=empty.b2b_version)
        with self.assertRaisesRegex(UserError, "not one of your legal entity"):
            cart._b2b_checkout("t2", self.contract_b, version=cart.b2b_version)
        with self.assertRaisesRegex(UserError, "delivery address"):
            cart._b2b_checkout(
                "t3", self.contract_a, shipping=self.entity_b, version=cart.b2b_version
            )
        with self.assertRaisesRegex(UserError, "in the past"):
            cart._b2b_checkout(
                "t4",
                self.contract_a,
                date=fields.Date.today() - timedelta(days=1),
                version=cart.b2b_version,
            )
        self.contract_a.state = "expired"
        with self.assertRaisesRegex(UserError, "not valid today"):
            cart._b2b_checkout("t5", self.contract_a, version=cart.b2b_version)
        self.assertEqual(cart.state, "draft")
        self.assertFalse(cart.b2b_submit_token)

    def test_credit_limit_holds_for_approval(self):
        self.contract_a.credit_limit = 50.0
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 10})
        order = cart._b2b_checkout(
            "t-credit", self.contract_a, version=cart.b2b_version
        )
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.b2b_awaiting_approval)
        self.assertFalse(order.invoice_ids)
        order.with_user(self.manager).action_b2b_approve()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(order.invoice_ids), 1)
