import datetime
import re

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import BaseCase
from odoo.tools.misc import format_date

from ..tools.order_status import portal_status
from .common import B2bCommon, B2bHttpMixin
from .pager import PagerWalkMixin


class TestOrderStatusKernel(BaseCase):
    def test_before_confirmation(self):
        self.assertEqual(portal_status("draft", is_cart=True), "cart")
        self.assertEqual(portal_status("sent", is_cart=True), "cart")
        self.assertEqual(portal_status("draft"), "quotation")
        self.assertEqual(portal_status("sent"), "quotation")
        self.assertEqual(portal_status("cancel", is_cart=True), "cancelled")
        self.assertEqual(portal_status("cancel", delivery_status="full"), "cancelled")

    def test_after_confirmation(self):
        cases = [
            (("sale", False, False, "no", ()), "confirmed"),
            (("sale", False, "pending", "to invoice", ()), "confirmed"),
            (("sale", False, "partial", "to invoice", ()), "partly_delivered"),
            (("sale", False, "started", "no", ()), "partly_delivered"),
            (("sale", False, "partial", "invoiced", ("paid",)), "partly_delivered"),
            (("sale", False, "full", "to invoice", ()), "delivered"),
            (("sale", False, "full", "invoiced", ("not_paid",)), "invoiced"),
            (("sale", False, "full", "to invoice", ("paid",)), "invoiced"),
            (("sale", False, "full", "invoiced", ("paid", "partial")), "invoiced"),
            (("sale", False, "full", "invoiced", ("paid", "in_payment")), "paid"),
            # paid in advance, goods not gone yet
            (("sale", False, "pending", "invoiced", ("paid",)), "paid"),
            # a confirmed cart is an order
            (("sale", True, False, "no", ()), "confirmed"),
        ]
        for args, status in cases:
            with self.subTest(args=args):
                self.assertEqual(portal_status(*args), status)


class OrdersCommon(B2bHttpMixin, B2bCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.user_id = cls.manager
        cls.entity_b.user_id = cls.manager
        cls.service = cls.env["product.product"].create(
            {"name": "Монтаж стеллажа", "type": "service", "list_price": 500.0}
        )
        cls.create_fasteners("ORD")
        cls.add_stock({cls.bolt: 10, cls.nut: 2})
        # washers: none in stock, 20 arriving in 5 days
        cls.washer_date = cls.plan_receipt(cls.washer, 20, days=5)

    @classmethod
    def make_order(cls, entity, lines, state="sale", **values):
        order = cls.env["sale.order"].create(
            {
                "partner_id": entity.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ],
                **values,
            }
        )
        if state == "sale":
            order.action_confirm()
        elif state == "sent":
            order.state = "sent"
        elif state == "cancel":
            order.action_cancel()
        return order

    def reorder(self, order):
        return self.post(f"/my/b2b/orders/{order.id}/reorder")

    def switch(self, entity):
        response = self.post("/my/b2b/entity/switch", entity_id=entity.id)
        self.assertEqual(response.status_code, 303)

    def statuses(self, page):
        """{order name: status} of the status badges of a list page."""
        rows = re.findall(
            r'<a href="/my/orders/\d+[^"]*">([^<]+)</a>.*?data-status="(\w+)"',
            page,
            flags=re.S,
        )
        return {name.strip(): status for name, status in rows}


@tagged("post_install", "-at_install")
class TestOrderLists(PagerWalkMixin, OrdersCommon, HttpCase):
    """/my/orders and /my/quotes of the active entity, with their status."""

    def test_every_pager_link_answers_with_the_entitys_orders(self):
        now = fields.Datetime.now()
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": entity.id,
                    "date_order": now - datetime.timedelta(minutes=n),
                }
                for n, entity in enumerate(
                    [self.entity_a] * 145 + [self.entity_b] * 5 + [self.entity_a] * 90
                )
            ]
        )
        orders[:150].write({"state": "sale"})
        orders[150:].write({"state": "sent"})
        self.authenticate("buyer_a", "buyer_a")
        self.env.flush_all()
        names = "//td/a[starts-with(@href, '/my/orders/')]/text()"
        mine = orders.filtered(lambda o: o.partner_id == self.entity_a)
        for url, state in (("/my/orders", "sale"), ("/my/quotes", "sent")):
            with self.subTest(url=url):
                pages = self.walk_pager(url, names)
                self.assertEqual(sorted(pages), [1, 2])
                expected = mine.filtered(lambda o, s=state: o.state == s)
                self.assertEqual(self.walked_rows(pages), expected.mapped("name"))

    def test_orders_of_the_active_entity_switch_with_it(self):
        order_a = self.make_order(self.entity_a, [(self.service, 1)])
        order_b = self.make_order(self.entity_b, [(self.service, 2)])
        quote_a = self.make_order(self.entity_a, [(self.service, 3)], state="sent")
        quote_b = self.make_order(self.entity_b, [(self.service, 4)], state="sent")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        orders = self.url_open("/my/orders").text
        quotes = self.url_open("/my/quotes").text
        self.assertIn(order_a.name, orders)
        self.assertNotIn(order_b.name, orders)
        self.assertIn(quote_a.name, quotes)
        self.assertNotIn(quote_b.name, quotes)
        self.switch(self.entity_b)
        orders = self.url_open("/my/orders").text
        quotes = self.url_open("/my/quotes").text
        self.assertIn(order_b.name, orders)
        self.assertNotIn(order_a.name, orders)
        self.assertIn(quote_b.name, quotes)
        self.assertNotIn(quote_a.name, quotes)

    def test_carts_are_not_listed(self):
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({self.service: 1})
        quote = self.make_order(self.entity_a, [(self.service, 2)], state="sent")
        self.authenticate("buyer_a", "buyer_a")
        self.assertNotIn(cart.name, self.url_open("/my/quotes").text)
        # a cart the salesperson sent as a quotation is still the buyer's cart
        cart.state = "sent"
        quotes = self.url_open("/my/quotes").text
        self.assertIn(quote.name, quotes)
        self.assertNotIn(cart.name, quotes)
        self.assertNotIn(cart.name, self.url_open("/my/orders").text)
        # once confirmed, the cart is an order like any other (with
        # b2b_multicart installed, invoiced too: its invoice for payment)
        cart.action_confirm()
        orders = self.url_open("/my/orders").text
        self.assertIn(self.statuses(orders).get(cart.name), ("confirmed", "invoiced"))

    def test_status_badges(self):
        confirmed = self.make_order(self.entity_a, [(self.service, 1)])
        delivered = self.make_order(self.entity_a, [(self.bolt, 2)])
        picking = delivered.picking_ids
        picking.move_ids.write({"quantity": 2, "picked": True})
        picking._action_done()
        partly = self.make_order(self.entity_a, [(self.bolt, 4)])
        picking = partly.picking_ids
        picking.move_ids.write({"quantity": 1, "picked": True})
        picking._action_done()
        quote = self.make_order(self.entity_a, [(self.service, 1)], state="sent")
        self.assertEqual(delivered.delivery_status, "full")
        self.assertEqual(partly.delivery_status, "partial")
        self.authenticate("buyer_a", "buyer_a")
        orders = self.url_open("/my/orders").text
        self.assertEqual(
            self.statuses(orders),
            {
                confirmed.name: "confirmed",
                delivered.name: "delivered",
                partly.name: "partly_delivered",
            },
        )
        for label in ("Confirmed", "Delivered", "Partly delivered"):
            self.assertIn(f">{label}</span>", orders)
        quotes = self.url_open("/my/quotes").text
        self.assertEqual(self.statuses(quotes), {quote.name: "quotation"})
        self.assertIn(">Quotation</span>", quotes)

    def test_status_of_cancelled_cart_and_invoiced_orders(self):
        cancelled = self.make_order(self.entity_a, [(self.service, 1)], state="cancel")
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        invoiced = self.make_order(self.entity_a, [(self.service, 1)])
        self.assertEqual(cancelled.b2b_portal_status, "cancelled")
        self.assertEqual(cart.b2b_portal_status, "cart")
        self.assertEqual(invoiced.b2b_portal_status, "confirmed")
        invoice = invoiced._create_invoices()
        invoice.action_post()
        invoiced.invalidate_recordset()
        self.assertEqual(invoiced.b2b_portal_status, "invoiced")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        invoiced.invalidate_recordset()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoiced.b2b_portal_status, "paid")

    def test_users_of_no_entity_keep_odoo_lists(self):
        customer = new_test_user(
            self.env, login="plain_customer", groups="base.group_portal"
        )
        order = self.make_order(customer.partner_id, [(self.service, 1)])
        self.make_order(self.entity_a, [(self.service, 1)])
        self.authenticate("plain_customer", "plain_customer")
        page = self.url_open("/my/orders").text
        self.assertIn(order.name, page)
        self.assertEqual(page.count("/my/orders/"), 1)
        self.assertNotIn("o_b2b_order_status", page)
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn("o_b2b_order_status", self.url_open("/my/orders").text)


@tagged("post_install", "-at_install")
class TestOrderPage(OrdersCommon, HttpCase):
    """Availability of the lines and reorder, on /my/orders/<id>."""

    def availability(self, order):
        page = self.url_open(f"/my/orders/{order.id}").text
        tags = re.findall(r"<div[^>]*o_b2b_line_availability[^>]*>", page)
        return page, [re.search(r'data-status="(\w+)"', tag)[1] for tag in tags]

    def test_availability_of_each_line(self):
        quote = self.make_order(
            self.entity_a,
            [(self.bolt, 3), (self.nut, 5), (self.washer, 4), (self.service, 1)],
            state="sent",
        )
        order = self.make_order(self.entity_a, [(self.bolt, 3)])
        self.assertEqual(order.picking_ids.state, "assigned")
        self.authenticate("buyer_a", "buyer_a")
        page, statuses = self.availability(quote)
        self.assertEqual(statuses, ["in_stock", "short", "expected"])
        self.assertIn("In stock", page)
        self.assertIn("Short: 2 available", page)
        self.assertIn(f"Expected on {format_date(self.env, self.washer_date)}", page)
        page, statuses = self.availability(order)
        self.assertEqual(statuses, ["reserved"])
        self.assertIn("Reserved, ready to ship", page)
        self.assertIn('data-status="confirmed"', page)  # the order's badge
        # the bolts of the confirmed order are reserved: 7 left for the quote
        self.assertEqual(
            quote._b2b_line_availability()[quote.order_line[0].id]["status"],
            "in_stock",
        )

    def test_free_stock_is_shared_by_the_lines(self):
        order = self.make_order(
            self.entity_a, [(self.bolt, 6), (self.bolt, 6)], state="sent"
        )
        by_line = order._b2b_line_availability()
        first, second = order.order_line
        self.assertEqual(by_line[first.id]["status"], "in_stock")
        self.assertEqual(by_line[second.id]["status"], "short")
        self.assertEqual(by_line[second.id]["available"], 4)

    def test_availability_in_constant_queries(self):
        small = self.make_order(self.entity_a, [(self.bolt, 1)], state="sent")
        products = self.env["product.product"].create(
            [{"name": f"Винт {n}", "is_storable": True} for n in range(8)]
        )
        large = self.make_order(
            self.entity_a, [(product, 1) for product in products | self.nut]
        )
        counts = []
        for order in (small, large):
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            result = order._b2b_line_availability()
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(result), len(order.order_line))
        self.assertLessEqual(counts[1], counts[0] + 1, counts)

    def test_delivered_order_shows_no_availability(self):
        order = self.make_order(self.entity_a, [(self.bolt, 2)])
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(self.availability(order)[1], ["reserved"])
        order.picking_ids.move_ids.write({"quantity": 2, "picked": True})
        order.picking_ids._action_done()
        self.assertEqual(order.delivery_status, "full")
        page, statuses = self.availability(order)
        self.assertEqual(statuses, [])
        self.assertIn('data-status="delivered"', page)

    def test_reorder_merges_into_the_cart(self):
        order = self.make_order(
            self.entity_a, [(self.bolt, 3), (self.nut, 2), (self.washer, 5)]
        )
        order.order_line = [
            Command.create({"display_type": "line_note", "name": "Доставка до 12:00"})
        ]
        self.washer.sale_ok = False
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({self.bolt: 1})
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn(
            f'action="/my/b2b/orders/{order.id}/reorder"',
            self.url_open(f"/my/orders/{order.id}").text,
        )
        response = self.reorder(order)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(
            response.headers["Location"].endswith("/my/b2b/catalog?added=2"),
            response.headers["Location"],
        )
        self.assertEqual(self.buyer_a._b2b_current_cart(self.entity_a), cart)
        quantities = {
            line.product_id: line.product_uom_qty
            for line in cart.order_line
            if not line.display_type
        }
        self.assertEqual(quantities, {self.bolt: 4, self.nut: 2})
        self.assertEqual(cart.b2b_contract_id, self.contract_a)

    def test_reorder_of_another_entity_is_not_found(self):
        order_b = self.make_order(self.entity_b, [(self.bolt, 3)])
        self.authenticate("buyer_a", "buyer_a")
        for order_id in (order_b.id, 999999):
            response = self.post(f"/my/b2b/orders/{order_id}/reorder")
            self.assertEqual(response.status_code, 404, order_id)
        self.assertFalse(
            self.env["sale.order"].search([("b2b_buyer_id", "=", self.buyer_a.id)])
        )
        self.assertEqual(len(order_b.order_line), 1)
        # nor a cart, even of the buyer's own entity
        cart = self.buyer_ab._b2b_current_cart(self.entity_a, create=True)
        self.assertEqual(self.reorder(cart).status_code, 404)
        # an order of their own entity is reordered
        order_a = self.make_order(self.entity_a, [(self.bolt, 3)])
        self.assertEqual(self.reorder(order_a).status_code, 303)

    def test_accountant_cannot_reorder(self):
        accountant = self.accountant_a
        order = self.make_order(self.entity_a, [(self.bolt, 3)])
        self.authenticate("accountant_a", "accountant_a")
        page = self.url_open(f"/my/orders/{order.id}").text
        self.assertIn('data-status="reserved"', page)
        self.assertNotIn("o_b2b_reorder", page)
        self.assertEqual(self.reorder(order).status_code, 403)
        self.assertFalse(
            self.env["sale.order"].search([("b2b_buyer_id", "=", accountant.id)])
        )

    def test_reorder_of_nothing_orderable_says_so(self):
        order = self.make_order(self.entity_a, [(self.washer, 5)])
        self.washer.sale_ok = False
        self.authenticate("buyer_a", "buyer_a")
        response = self.reorder(order)
        self.assertEqual(response.status_code, 303)
        self.assertIn(
            f"/my/orders/{order.id}?b2b_error=empty", response.headers["Location"]
        )
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("None of the products of this order can be ordered now.", page)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
