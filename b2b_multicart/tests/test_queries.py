from odoo.tests import tagged
from odoo.tests.common import users, warmup

from odoo.addons.http_routing.tests.common import MockRequest

from ..controllers.cart_page import B2bCartPage
from ..controllers.carts import B2bCartPortal
from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestCartQueries(MulticartCommon):
    """The cart list costs the same with 3 or 30 carts; the cart page does
    not grow with its lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        products = cls.env["product.product"].create(
            [
                {
                    "name": f"Деталь {n}",
                    "default_code": f"QC-{n:03d}",
                    "type": "consu",
                    "is_storable": n % 2 == 0,
                    "list_price": 1.0 + n,
                }
                for n in range(200)
            ]
        )
        for n in range(3):
            cls.cart(cls.buyer_a, cls.entity_a, f"A{n}", {cls.bolt: 1, cls.nut: 2})
        for n in range(30):
            cls.cart(cls.buyer_ab, cls.entity_b, f"B{n}", {cls.bolt: 1, cls.nut: 2})
        cls.big = cls.cart(
            cls.buyer_ab, cls.entity_a, "Большая", dict.fromkeys(products, 3)
        )
        cls.small = cls.cart(cls.buyer_ab, cls.entity_a, "Малая", {cls.bolt: 3})
        cls.buyer_ab._b2b_switch_entity(cls.entity_b)

    def render_list(self):
        entity = self.env.user._b2b_active_entity()
        with MockRequest(self.env):
            controller = B2bCartPortal()
            values = controller._b2b_cart_list_values(entity)
            return self.env["ir.qweb"]._render(
                "b2b_multicart.portal_b2b_carts_content", values
            )

    def render_cart(self, cart):
        entity = cart.b2b_entity_id.with_env(self.env)
        cart = cart.with_env(self.env).sudo()
        with MockRequest(self.env):
            controller = B2bCartPage()
            values = controller._b2b_cart_values(entity, cart)
            return self.env["ir.qweb"]._render(
                "b2b_multicart.portal_b2b_cart_content", values
            )

    @users("buyer_a", "buyer_ab")
    @warmup
    def test_cart_list_queries(self):
        with self.assertQueryCount(buyer_a=12, buyer_ab=12):
            html = self.render_list()
        expected = 3 if self.env.user == self.buyer_a else 30
        self.assertEqual(html.count("o_b2b_cart_row"), expected)

    @users("buyer_ab")
    @warmup
    def test_cart_page_queries(self):
        self.env.user._b2b_switch_entity(self.entity_a)
        # 36: + the cart's taxes (is VAT included?) and its addresses, once
        with self.assertQueryCount(buyer_ab=36):
            html = self.render_cart(self.big)
        self.assertEqual(html.count('class="o_b2b_line"'), 200)
        with self.assertQueryCount(buyer_ab=36):
            html = self.render_cart(self.small)
        self.assertEqual(html.count('class="o_b2b_line"'), 1)
