from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestBackOffice(MulticartCommon):
    def test_convert_cart_to_quotation(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        order = cart.with_user(self.manager)
        self.assertIn(
            order, order.search([("b2b_is_cart", "=", True), ("state", "=", "draft")])
        )
        order.action_b2b_to_quotation()
        self.assertEqual(cart.state, "sent")
        self.assertFalse(cart.b2b_is_cart)
        self.assertFalse(self.buyer_a._b2b_carts(self.entity_a))

    def test_portal_user_cannot_write_shares(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 3})
        with self.assertRaises(AccessError):
            self.env["b2b.cart.share"].with_user(self.buyer_a).create(
                {"cart_id": cart.id, "user_id": self.buyer_ab.id, "mode": "edit"}
            )
        cart._b2b_share(self.buyer_ab, "read")
        # the rule: members of the entity read the shares, others do not
        Share = self.env["b2b.cart.share"]
        self.assertEqual(len(Share.with_user(self.buyer_ab).search([])), 1)
        self.assertFalse(Share.with_user(self.buyer_b).search([]))

    def test_demo_second_cart(self):
        current = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        products = {p.default_code: p for p in self.bolt | self.nut | self.washer}
        self.env["b2b.demo"]._demo_multicart(self.buyer_a, self.entity_a, products)
        carts = self.buyer_a._b2b_carts(self.entity_a)
        self.assertEqual(len(carts), 2)
        second = carts - current
        self.assertEqual(second.client_order_ref, "ЗК-0042")
        self.assertEqual(len(second.order_line), 3)
        self.assertEqual(self.buyer_a._b2b_current_cart(self.entity_a), current)


@tagged("post_install", "-at_install")
class TestSeamInThePortal(MulticartCommon, HttpCase):
    def test_catalog_and_reorder_add_to_the_chosen_cart(self):
        shop = self.cart(self.buyer_a, self.entity_a, "Магазин")
        self.cart(self.buyer_a, self.entity_a, "Склад")
        self.buyer_a._b2b_select_cart(shop)
        self.authenticate("buyer_a", "buyer_a")
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.bolt.id}": "4"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quantities(shop), {self.bolt: 4})
        page = self.url_open("/my/b2b/catalog?search=MC-").text
        self.assertIn(f'href="/my/b2b/carts/{shop.id}"', page)
        past = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "order_line": [
                    (0, 0, {"product_id": self.nut.id, "product_uom_qty": 2})
                ],
            }
        )
        past.action_confirm()
        response = self.post(f"/my/b2b/orders/{past.id}/reorder")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quantities(shop), {self.bolt: 4, self.nut: 2})
        self.assertEqual(len(self.buyer_a._b2b_carts(self.entity_a)), 2)


@tagged("post_install", "-at_install")
class TestBackOfficeViews(MulticartCommon):
    def test_carts_open_read_only_with_the_cart_tab(self):
        action = self.env.ref("b2b_multicart.sale_order_action_b2b_carts")
        form = dict((mode, view) for view, mode in action.views)["form"]
        arch = (
            self.env["sale.order"]
            .with_user(self.manager)
            .get_views([(form, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('edit="0"', arch)
        self.assertIn('name="action_b2b_to_quotation"', arch)
        self.assertIn('name="b2b_cart"', arch)

    def test_stale_carts_are_those_untouched_for_the_period(self):
        self.env["ir.config_parameter"].set_param("b2b_multicart.reminder_days", "5")
        fresh = self.cart(self.buyer_a, self.entity_a, "Сегодня", {self.bolt: 1})
        recent = self.cart(self.buyer_a, self.entity_a, "Вчера", {self.bolt: 1})
        old = self.cart(self.buyer_a, self.entity_a, "Забытая", {self.bolt: 1})
        for cart, days in ((recent, 1), (old, 6)):
            self.env.cr.execute(
                "UPDATE sale_order SET write_date = now() - make_interval(days => %s),"
                " b2b_touched = now() - make_interval(days => %s) WHERE id = %s",
                (days, days, cart.id),
            )
        self.env.invalidate_all()
        action = self.env.ref("b2b_multicart.sale_order_action_b2b_stale_carts")
        Order = self.env["sale.order"].with_user(self.manager)
        carts = fresh | recent | old
        domain = [*safe_eval(action.domain), ("id", "in", carts.ids)]
        self.assertEqual(Order.search(domain), old)
        self.assertEqual(carts.filtered("b2b_is_stale"), old)
        # the list's filter: in a group of its own, so ANDed with "My customers"
        arch = etree.fromstring(
            Order.get_views([(action.search_view_id.id, "search")])["views"]["search"][
                "arch"
            ]
        )
        tags = [(node.tag, node.get("name")) for node in arch]
        mine = tags.index(("filter", "my_customers"))
        stale = tags.index(("filter", "stale"))
        self.assertIn(("separator", None), tags[mine:stale])
        self.env["ir.config_parameter"].set_param("b2b_multicart.reminder_days", "30")
        self.assertFalse(Order.search(domain))
