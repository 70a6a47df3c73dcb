from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestPortal(B2bHttpMixin, B2bPricelistCommon, HttpCase):
    """What the buyer sees: their own price, breaks, margin and level; never
    another entity's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls.env["product.pricelist"].create(
            {
                "name": "Secret VIP prices",
                "b2b_is_price_type": True,
                "b2b_discount": 37.0,
            }
        )
        cls.entity_a.b2b_pricelist_id = cls.wholesale
        cls.entity_b.b2b_pricelist_id = cls.secret
        cls.env["product.pricelist.item"].create(
            {
                "pricelist_id": cls.wholesale.id,
                "min_quantity": 10,
                "compute_price": "percentage",
                "percent_price": 15,
            }
        )
        cls.silver, cls.gold = cls.env["b2b.level"].create(
            [
                {"name": "Silver", "sequence": 1, "threshold": 0},
                {"name": "Gold", "sequence": 2, "threshold": 1000},
            ]
        )
        cls.platinum_b = cls.env["b2b.level"].create(
            {"name": "Platinum-for-Beta", "sequence": 3, "threshold": 100000}
        )
        cls.make_invoice(cls.entity_a, 400.0, cls.days_ago(5))
        cls.entity_b.write(
            {
                "b2b_level_pin_id": cls.platinum_b.id,
                "b2b_level_pin_reason": "Secret deal with Beta",
                "b2b_level_pin_until": cls.days_ago(-30),
            }
        )

    def test_catalog_shows_own_price_break_and_margin(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b/catalog?search=BOLT-8")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("90.00", page)  # wholesale: 100 - 10 %
        self.assertIn("o_b2b_next_break", page)
        self.assertIn("add 9 pcs more — and the price is", page)
        self.assertIn("85.00", page)
        self.assertIn("margin 40 %", page)  # RRP 150, price 90
        # nothing of entity B's price type
        self.assertNotIn("63.00", page)
        self.assertNotIn("Secret VIP", page)

    def test_other_entity_price_only_when_acting_for_it(self):
        self.authenticate("buyer_ab", "buyer_ab")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        page_a = self.url_open("/my/b2b/catalog?search=BOLT-8").text
        self.assertIn("90.00", page_a)
        self.assertNotIn("63.00", page_a)
        self.post("/my/b2b/entity/switch", entity_id=self.entity_b.id)
        page_b = self.url_open("/my/b2b/catalog?search=BOLT-8").text
        self.assertIn("63.00", page_b)
        self.assertNotIn("90.00", page_b)

    def test_a_buyer_cannot_switch_to_another_entity(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post("/my/b2b/entity/switch", entity_id=self.entity_b.id)
        self.assertEqual(response.status_code, 403)
        page = self.url_open("/my/b2b/catalog?search=BOLT-8").text
        self.assertIn("90.00", page)
        self.assertNotIn("63.00", page)

    def test_dashboard_shows_own_level_progress_only(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("o_b2b_level", page)
        self.assertIn("Silver", page)
        self.assertIn("600.00", page)  # 1,000 - 400 more to reach Gold
        self.assertIn("to reach the level", page)
        self.assertNotIn("Platinum-for-Beta", page)
        self.assertNotIn("Secret deal", page)

    def test_order_page_shows_breaks_rules_and_fixation(self):
        self.product.product_tmpl_id.write({"b2b_min_qty": 6, "b2b_multiple": 3})
        self.contract_a.write({"b2b_price_fixation": True, "b2b_fixation_days": 3})
        order = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        # below the minimum: written as the back office may (the portal
        # paths refuse it)
        order.order_line = [
            Command.create({"product_id": self.product.id, "product_uom_qty": 4})
        ]
        order.action_b2b_fix_prices()
        self.authenticate("buyer_a", "buyer_a")
        # the order page (b2b_multicart, when installed, links carts to its
        # own cart page instead)
        response = self.url_open(f"/my/orders/{order.id}")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("add 6 pcs more — and the price is", page)
        self.assertIn("o_b2b_violation", page)
        self.assertIn("at least 6", page)
        self.assertIn("Price fixed until", page)
        # another entity's buyer gets nothing of it
        other = self.buyer_ab._b2b_current_cart(self.entity_b, create=True)
        other._b2b_add_products({self.product_2: 4})
        response = self.url_open(f"/my/orders/{other.id}", allow_redirects=False)
        self.assertIn(response.status_code, (303, 403, 404))
        self.assertNotIn("63.00", response.text)

    def test_price_notice_of_a_fixed_cart(self):
        self.contract_a.write({"b2b_price_fixation": True, "b2b_fixation_days": 3})
        order = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        order._b2b_add_products({self.product: 4})
        self.assertEqual(order._b2b_price_notices(), [])
        order.action_b2b_fix_prices()
        (notice,) = order._b2b_price_notices()
        self.assertIn("fixed until", notice)

    def test_dashboard_shows_the_cart_price_notices(self):
        """The dashboard's cart card shows the cart's ``_b2b_price_notices``
        (here the fixation's), as the cart pages do."""
        self.contract_a.write({"b2b_price_fixation": True, "b2b_fixation_days": 3})
        order = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        order._b2b_add_products({self.product: 4})
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b").text
        self.assertNotIn("o_b2b_price_notice", page)
        order.action_b2b_fix_prices()
        page = self.url_open("/my/b2b").text
        self.assertIn("o_b2b_price_notice", page)
        (notice,) = order.with_user(self.buyer_a)._b2b_price_notices()
        self.assertIn("Prices are fixed until", notice)
        self.assertIn(notice, page)

    def test_add_to_cart_checks_the_order_rule(self):
        self.product.product_tmpl_id.write({"b2b_min_qty": 6, "b2b_multiple": 3})
        self.authenticate("buyer_a", "buyer_a")

        def add(qty):
            return self.post(
                "/my/b2b/cart/add",
                {f"qty_{self.product.id}": qty, f"qty_{self.product_2.id}": "2"},
            )

        response = add("4")
        self.assertEqual(response.status_code, 400)
        self.assertIn("at least 6, for example 6", response.text)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
        response = add("7")
        self.assertEqual(response.status_code, 400)
        self.assertIn("sold by 3, for example 6", response.text)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
        self.assertEqual(add("6").status_code, 303)
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(cart.order_line.mapped("product_uom_qty"), [6.0, 2.0])
        # what the cart would hold counts: 6 + 3 is fine, 6 + 2 is not
        self.assertEqual(add("2").status_code, 400)
        self.assertEqual(add("3").status_code, 303)
        self.assertEqual(cart.order_line.mapped("product_uom_qty"), [9.0, 4.0])

    def test_buyer_reads_no_price_type_or_level(self):
        env = self.env(user=self.buyer_ab)
        for model in (
            "product.pricelist",
            "product.pricelist.item",
            "b2b.level",
            "b2b.level.history",
        ):
            self.assertFalse(env[model].has_access("read"), model)

    def test_no_entity_no_prices(self):
        self.env["res.users"].create(
            {
                "name": "Stranger",
                "login": "stranger",
                "password": "stranger",
                "group_ids": [(6, 0, [self.env.ref("base.group_portal").id])],
            }
        )
        self.authenticate("stranger", "stranger")
        response = self.url_open("/my/b2b/catalog", allow_redirects=False)
        # sent to the registration form (b2b_portal), no catalog
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("90.00", response.text)
        self.assertNotIn("63.00", response.text)
