"""The order rules hold on every path that puts lines in a cart or places an
order, with one message each: a quantity below the minimum (b2b_pricelist)
and a product no longer in the entity's assortment (b2b_portal), through the
catalog, the cart page, move and copy, reorder, merge, checkout, the quick
order and the back-office wizard (b2b_multicart, b2b_quick_order)."""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_multicart.tests.common import MulticartCommon
from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError


@tagged("post_install", "-at_install")
class TestOrderRulesPaths(MulticartCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # bolts (100 in stock): at least 10
        cls.bolt.product_tmpl_id.b2b_min_qty = 10
        cls.gadget = cls.env["product.product"].create(
            {"name": "Gadget", "default_code": "MC-GADGET", "list_price": 5.0}
        )
        cls.dealers = cls.env["res.partner.category"].create({"name": "Dealers"})
        cls.dealer_section = cls.env["product.category"].create(
            {"name": "Dealers only", "b2b_group_ids": [Command.link(cls.dealers.id)]}
        )
        cls.min_message = f"{cls.bolt.display_name}: at least 10, for example 10."
        cls.gone_message = f"{cls.gadget.display_name} is not in your catalog."

    # -- helpers ----------------------------------------------------------------
    def hide_gadget(self):
        """The gadget leaves entity A's assortment (its section is for
        dealers now), after it was put in a cart."""
        self.gadget.categ_id = self.dealer_section

    def cart_with(self, name, lines):
        """A cart of buyer A holding ``lines`` as the back office wrote them
        (the back office is not held to the rules)."""
        cart = self.buyer_a._b2b_new_cart(self.entity_a, name)
        cart.write(
            {
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": qty})
                    for product, qty in lines
                ]
            }
        )
        return cart

    def assertRefused(self, message, call, *args, **kwargs):
        with self.assertRaises(B2bOrderRulesError) as caught:
            call(*args, **kwargs)
        self.assertIn(message, caught.exception.report.messages())
        self.assertIn(message, str(caught.exception))

    # -- catalog ---------------------------------------------------------------
    def test_catalog_add(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.bolt.id}": "4"})
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.min_message, response.text)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
        # the cart holds 6: 4 more make the minimum
        cart = self.cart_with("Shop", [(self.bolt, 6), (self.gadget, 1)])
        self.buyer_a._b2b_select_cart(cart)
        self.hide_gadget()
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.bolt.id}": "4"})
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.gone_message, response.text)
        self.assertEqual(self.quantities(cart)[self.bolt], 6)
        cart.order_line.filtered(lambda line: line.product_id == self.gadget).unlink()
        response = self.post("/my/b2b/cart/add", **{f"qty_{self.bolt.id}": "4"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quantities(cart)[self.bolt], 10)

    # -- the cart page ---------------------------------------------------------
    def test_cart_update(self):
        cart = self.cart_with("Shop", [(self.bolt, 12), (self.gadget, 1)])
        line = cart.order_line.filtered(lambda line: line.product_id == self.bolt)
        self.authenticate("buyer_a", "buyer_a")
        url = f"/my/b2b/carts/{cart.id}/update"
        response = self.post(
            url, version=str(cart.b2b_version), **{f"qty_{line.id}": "4"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.min_message, response.text)
        self.assertIn('value="4"', response.text)  # as typed
        self.assertEqual(line.product_uom_qty, 12)
        self.hide_gadget()
        response = self.post(
            url, version=str(cart.b2b_version), **{f"qty_{line.id}": "20"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.gone_message, response.text)
        self.assertEqual(line.product_uom_qty, 12)
        self.assertRefused(
            self.min_message, cart._b2b_update_lines, {line: 4}, [], cart.b2b_version
        )

    def test_move_and_copy(self):
        source = self.cart_with("Shop", [(self.bolt, 4), (self.gadget, 1)])
        target = self.cart_with("Stock", [])
        bolt_line, gadget_line = source.order_line
        for copy in (False, True):
            self.assertRefused(
                self.min_message,
                source._b2b_move_lines,
                bolt_line,
                target,
                copy=copy,
            )
        self.hide_gadget()
        self.assertRefused(
            self.gone_message, source._b2b_move_lines, gadget_line, target, copy=True
        )
        self.assertFalse(target.order_line)
        self.assertEqual(len(source.order_line), 2)

    # -- reorder ---------------------------------------------------------------
    def test_reorder(self):
        past = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "order_line": [
                    Command.create({"product_id": self.bolt.id, "product_uom_qty": 4}),
                ],
            }
        )
        past.action_confirm()
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(f"/my/b2b/orders/{past.id}/reorder")
        self.assertEqual(response.status_code, 303)
        self.assertIn("b2b_error=rules", response.headers["Location"])
        page = self.url_open(response.headers["Location"]).text
        self.assertIn(self.min_message, page)
        self.assertFalse(self.buyer_a._b2b_carts(self.entity_a))
        # the cart the products go to holds one the entity may no longer order
        cart = self.cart_with("Shop", [(self.gadget, 1)])
        self.buyer_a._b2b_select_cart(cart)
        self.hide_gadget()
        past.order_line.product_uom_qty = 10
        response = self.post(f"/my/b2b/orders/{past.id}/reorder")
        self.assertIn("b2b_error=rules", response.headers["Location"])
        page = self.url_open(response.headers["Location"]).text
        self.assertIn(self.gone_message, page)
        self.assertEqual(cart.order_line.product_id, self.gadget)

    # -- merge and checkout ----------------------------------------------------
    def test_merge(self):
        first = self.cart_with("Shop", [(self.bolt, 2)])
        second = self.cart_with("Stock", [(self.bolt, 2), (self.gadget, 1)])
        self.assertRefused(
            self.min_message, (first | second)._b2b_merge, self.buyer_a, "t-1"
        )
        first.order_line.product_uom_qty = 8
        self.hide_gadget()
        self.assertRefused(
            self.gone_message, (first | second)._b2b_merge, self.buyer_a, "t-2"
        )
        self.assertEqual((first | second).mapped("state"), ["draft", "draft"])
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            "/my/b2b/carts/merge", cart_ids=[first.id, second.id], token="t-3"
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.gone_message, response.text)

    def test_checkout(self):
        cart = self.cart_with("Shop", [(self.bolt, 4)])
        self.assertRefused(self.min_message, cart._b2b_checkout, "t-1", self.contract_a)
        cart.order_line.product_uom_qty = 10
        cart._b2b_add_products({self.gadget: 1})
        self.hide_gadget()
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            f"/my/b2b/carts/{cart.id}/checkout",
            token="t-2",
            version=str(cart.b2b_version),
            contract_id=str(self.contract_a.id),
            note="Gate 2",
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn(self.gone_message, response.text)
        self.assertIn("Gate 2", response.text)  # the form as typed
        self.assertEqual(cart.state, "draft")

    # -- quick order -----------------------------------------------------------
    def test_quick_order(self):
        QuickOrder = self.env["b2b.quick.order"].with_user(self.buyer_a)
        preview = QuickOrder._b2b_preview(self.entity_a, [(1, "MC-BOLT", 4, None, "")])
        line = preview["lines"][0]
        self.assertEqual(
            (line["status"], line["message"], line["suggested_qty"]),
            ("below_min", self.min_message, 10),
        )
        wanted = [
            {
                "status": "ok",
                "product_id": self.bolt.id,
                "uom_id": self.bolt.uom_id.id,
                "qty": 4,
            }
        ]
        # a browser saying "ok" does not make it ok
        self.assertRefused(
            self.min_message,
            QuickOrder._b2b_confirm,
            self.entity_a,
            self.buyer_a,
            wanted,
        )
        cart = self.cart_with("Shop", [(self.gadget, 1)])
        self.hide_gadget()
        wanted[0]["qty"] = 10
        self.assertRefused(
            self.gone_message,
            QuickOrder._b2b_confirm,
            self.entity_a,
            self.buyer_a,
            wanted,
            cart=cart,
        )
        self.assertEqual(len(cart.order_line), 1)

    def test_back_office_wizard(self):
        order = self.env["sale.order"].create({"partner_id": self.entity_a.id})
        wizard = (
            self.env["b2b.quick.order.wizard"]
            .with_user(self.manager)
            .create({"order_id": order.id, "text": "MC-BOLT;4"})
        )
        wizard.action_check()
        self.assertEqual(wizard.line_ids.status, "below_min")
        self.assertEqual(wizard.line_ids.message, self.min_message)
        with self.assertRaises(UserError):
            wizard.action_add()
        # the quotation holds a product the entity may no longer order
        order.order_line = [Command.create({"product_id": self.gadget.id})]
        self.hide_gadget()
        wizard.write({"state": "input", "text": "MC-BOLT;10"})
        wizard.action_check()
        self.assertEqual(wizard.line_ids.status, "ok")
        self.assertRefused(self.gone_message, wizard.action_add)
        self.assertEqual(order.order_line.product_id, self.gadget)

    def test_back_office_edits_are_not_held(self):
        """A manager editing the quotation in the sale form is free."""
        order = (
            self.env["sale.order"]
            .with_user(self.manager)
            .create(
                {
                    "partner_id": self.entity_a.id,
                    "order_line": [
                        Command.create(
                            {"product_id": self.bolt.id, "product_uom_qty": 2}
                        )
                    ],
                }
            )
        )
        order.order_line.product_uom_qty = 3
        self.assertEqual(order.order_line.product_uom_qty, 3)
        self.assertFalse(order._b2b_check_own_rules().ok)


@tagged("post_install", "-at_install")
class TestOrderRulesTour(MulticartCommon, HttpCase):
    def test_tour_catalog_then_cart(self):
        """Below the minimum in the catalog → the message → fixed → the cart
        page, a line changed below the minimum → the same message."""
        self.bolt.product_tmpl_id.b2b_min_qty = 10
        self.start_tour(
            "/my/b2b/catalog?search=MC-BOLT",
            "b2b_order_rules_catalog_cart",
            login="buyer_a",
        )
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(self.quantities(cart), {self.bolt: 10})
