"""A purchasing manager's day with every addon: two internal requests pasted
into two named carts (quick order + b2b_multicart), priced by the entity's
price type (b2b_pricelist), then merged into one order and one invoice."""

import json

from odoo.http import content_disposition
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.b2b_pricelist.tests.common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestQuickOrderIntoNamedCarts(B2bHttpMixin, B2bPricelistCommon, HttpCase):
    test_module = "b2b_quick_order"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.b2b_pricelist_id = cls.wholesale  # -10 %
        (cls.product | cls.product_2 | cls.product_3).invoice_policy = "order"

    def confirm(self, rows, cart_name=""):
        return self.post(
            "/my/b2b/quick-order/confirm",
            rows=json.dumps(rows),
            source="paste",
            cart_name=cart_name,
        )

    def test_two_requests_two_carts_one_order(self):
        self.authenticate("buyer_a", "buyer_a")
        shop = self.confirm(
            [[1, "BOLT-8", "10", None, None], [2, "NUT-8", "5", None, None]],
            cart_name="Shop on Lenina",
        )
        self.assertEqual(shop.status_code, 303)
        warehouse = self.confirm(
            [[1, "bolt-8", "2", None, None], [2, "WSH-8", "100", None, None]],
            cart_name="Warehouse",
        )
        self.assertEqual(warehouse.status_code, 303)
        carts = self.buyer_a._b2b_carts(self.entity_a)
        by_name = {cart.b2b_cart_name: cart for cart in carts}
        self.assertEqual(set(by_name), {"Shop on Lenina", "Warehouse"})
        shop_cart, warehouse_cart = by_name["Shop on Lenina"], by_name["Warehouse"]
        # the last named cart is the current one, where the catalog adds now
        self.assertEqual(self.buyer_a._b2b_current_cart(self.entity_a), warehouse_cart)
        self.assertEqual(len(shop_cart.order_line), 2)
        self.assertEqual(
            shop_cart.order_line.filtered(
                lambda line: line.product_id == self.product
            ).price_unit,
            90.0,
        )
        # the success page links the cart page of b2b_multicart
        page = self.url_open(warehouse.headers["Location"]).text
        self.assertIn(f"/my/b2b/carts/{warehouse_cart.id}", page)
        # ... and names it by its name, as the next preview does
        self.assertIn("Lines added to the cart “Warehouse”: 2.", page)
        preview = self.post("/my/b2b/quick-order/preview", text="BOLT-8;1").text
        self.assertIn("The lines go to the cart “Warehouse”.", preview)
        self.assertIn("To put them in a new cart instead, name it below.", preview)
        # the history names both carts
        history = self.env["b2b.quick.order.upload"].search([])
        self.assertEqual(history.order_id, shop_cart | warehouse_cart)
        # merge: one cart to review, bolts summed; its checkout: one order,
        # one invoice the buyer can see
        merged, summed = (shop_cart | warehouse_cart)._b2b_merge(
            self.buyer_a, "journey-token"
        )
        self.assertEqual(summed, 1)
        self.assertEqual(merged.state, "draft")
        order = merged._b2b_checkout("journey-checkout", merged.b2b_contract_id)
        self.assertEqual(order.state, "sale")
        bolts = order.order_line.filtered(lambda line: line.product_id == self.product)
        self.assertEqual(bolts.product_uom_qty, 12)
        self.assertEqual(len(order.invoice_ids), 1)
        invoices = self.url_open("/my/invoices").text
        self.assertIn(order.invoice_ids.name, invoices)

    def test_bad_cart_name_writes_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.confirm([[1, "BOLT-8", "10", None, None]], cart_name="x" * 200)
        # the name is cut to the form's limit, never refused silently
        self.assertEqual(response.status_code, 303)
        response = self.confirm([[1, "NOPE", "1", None, None]], cart_name="Empty")
        self.assertEqual(response.status_code, 400)
        names = self.buyer_a._b2b_carts(self.entity_a).mapped("b2b_cart_name")
        self.assertNotIn("Empty", names)

    def test_cart_page_shows_the_price_fixation(self):
        self.contract_a.write({"b2b_price_fixation": True, "b2b_fixation_days": 3})
        cart = self.buyer_a._b2b_new_cart(self.entity_a, "Project")
        cart._b2b_add_products({self.product: 6})
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/carts/{cart.id}").text
        self.assertNotIn("o_b2b_price_notice", page)
        cart.action_b2b_fix_prices()
        page = self.url_open(f"/my/b2b/carts/{cart.id}").text
        self.assertIn("o_b2b_price_notice", page)
        self.assertIn("Prices are fixed until", page)

    def test_cart_page_offers_the_cart_as_a_file(self):
        cart = self.buyer_a._b2b_new_cart(self.entity_a, "Склад «Химки»/март")
        cart._b2b_add_products({self.product: 6})
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/carts/{cart.id}").text
        url = f"/my/b2b/quick-order/cart/{cart.id}"
        self.assertIn(f'href="{url}.xlsx"', page)
        self.assertIn(f'href="{url}.csv"', page)
        response = self.url_open(f"{url}.csv")
        self.assertEqual(response.status_code, 200)
        disposition = response.headers["Content-Disposition"]
        self.assertEqual(disposition, content_disposition("Склад «Химки» март.csv"))
        # a colleague it is shared with reads the cart, without the export
        cart._b2b_share(self.buyer_ab, "read")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        page = self.url_open(f"/my/b2b/carts/{cart.id}").text
        self.assertIn("o_b2b_cart_page", page)
        self.assertNotIn(url, page)
