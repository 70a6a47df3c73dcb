from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestCartChanges(MulticartCommon):
    def test_move_keeps_prices_right(self):
        """6 + 5 bolts moved together reach the 10-piece break: the target
        line is priced for 11, the source keeps its other line."""
        source = self.cart(
            self.buyer_a, self.entity_a, "Проект", {self.bolt: 6, self.nut: 2}
        )
        target = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 5})
        bolt_line = source.order_line.filtered(
            lambda line: line.product_id == self.bolt
        )
        self.assertEqual(bolt_line.price_unit, 10.0)
        source._b2b_move_lines(bolt_line, target, version=source.b2b_version)
        self.assertEqual(self.quantities(source), {self.nut: 2})
        self.assertEqual(self.quantities(target), {self.bolt: 11})
        self.assertEqual(target.order_line.price_unit, 8.0)
        self.assertEqual(target.amount_untaxed, 88.0)

    def test_copy_leaves_the_source(self):
        source = self.cart(self.buyer_a, self.entity_a, "Проект", {self.bolt: 12})
        target = self.cart(self.buyer_a, self.entity_a, "Склад")
        source._b2b_move_lines(source.order_line, target, copy=True)
        self.assertEqual(self.quantities(source), {self.bolt: 12})
        self.assertEqual(self.quantities(target), {self.bolt: 12})
        self.assertEqual(target.order_line.price_unit, 8.0)

    def test_move_refuses_another_entity_and_itself(self):
        source = self.cart(self.buyer_ab, self.entity_a, "A", {self.bolt: 1})
        other = self.cart(self.buyer_ab, self.entity_b, "B")
        with self.assertRaises(UserError):
            source._b2b_move_lines(source.order_line, other)
        with self.assertRaises(UserError):
            source._b2b_move_lines(source.order_line, source)
        self.assertEqual(self.quantities(source), {self.bolt: 1})
        self.assertFalse(other.order_line)

    def test_update_and_remove_lines(self):
        cart = self.cart(
            self.buyer_a, self.entity_a, "Склад", {self.bolt: 2, self.nut: 3}
        )
        bolt, nut = cart.order_line.sorted(lambda line: line.product_id.default_code)
        version = cart.b2b_version
        cart._b2b_update_lines({bolt: 15}, nut, str(version))
        self.assertEqual(self.quantities(cart), {self.bolt: 15})
        self.assertEqual(bolt.price_unit, 8.0)
        self.assertEqual(cart.b2b_version, version + 1)

    def test_stale_edit_refused(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 2})
        seen = cart.b2b_version
        # a colleague's (or another tab's) change in between
        cart._b2b_add_products({self.nut: 1})
        with self.assertRaisesRegex(UserError, "changed since you opened it"):
            cart._b2b_update_lines(
                {cart.order_line[0]: 5}, cart.env["sale.order.line"], seen
            )
        with self.assertRaisesRegex(UserError, "changed since you opened it"):
            cart._b2b_update_lines({}, cart.env["sale.order.line"], "")
        self.assertEqual(self.quantities(cart), {self.bolt: 2, self.nut: 1})

    def test_duplicate_rename_delete(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 2})
        copy = cart._b2b_duplicate(self.buyer_a)
        self.assertEqual(copy.b2b_cart_name, "Склад (copy)")
        self.assertEqual(self.quantities(copy), {self.bolt: 2})
        copy._b2b_rename(
            "Склад 2", request_ref="ЗК-7", note="срочно", version=copy.b2b_version
        )
        self.assertEqual(
            (copy.b2b_cart_name, copy.client_order_ref), ("Склад 2", "ЗК-7")
        )
        with self.assertRaisesRegex(UserError, "not empty"):
            copy._b2b_delete()
        self.assertEqual(copy.state, "draft")
        copy._b2b_delete(confirm=True)
        self.assertEqual(copy.state, "cancel")
        self.assertEqual(self.buyer_a._b2b_carts(self.entity_a), cart)

    def test_sharing(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Общая", {self.bolt: 1})
        self.assertEqual(cart._b2b_cart_access(self.buyer_ab), "")
        cart._b2b_share(self.buyer_ab, "read")
        self.assertEqual(cart._b2b_cart_access(self.buyer_ab), "read")
        self.assertIn(cart, self.buyer_ab._b2b_carts(self.entity_a))
        cart._b2b_share(self.buyer_ab, "edit")
        self.assertEqual(cart._b2b_cart_access(self.buyer_ab), "edit")
        # a viewer never edits, whatever the share says
        cart._b2b_share(self.viewer, "edit")
        self.assertEqual(cart._b2b_cart_access(self.viewer), "read")
        # only members of the entity
        with self.assertRaises(UserError):
            cart._b2b_share(self.buyer_b, "read")
        cart._b2b_share(self.buyer_ab, "none")
        self.assertEqual(cart._b2b_cart_access(self.buyer_ab), "")
        # the current cart of a colleague stays their own
        self.assertFalse(self.buyer_ab._b2b_current_cart(self.entity_a))


@tagged("post_install", "-at_install")
class TestSplit(MulticartCommon):
    def test_split_totals_equal_the_whole(self):
        cart = self.cart(
            self.buyer_a,
            self.entity_a,
            "Склад",
            {self.bolt: 20, self.nut: 10, self.washer: 5},
        )
        preview = cart._b2b_split_preview()
        # 4 nuts in stock, 6 to wait; no washer in stock
        self.assertEqual(
            {line.product_id: qty for line, qty in preview["now"]},
            {self.bolt: 20, self.nut: 4},
        )
        self.assertEqual(
            {line.product_id: qty for line, qty in preview["later"]},
            {self.nut: 6, self.washer: 5},
        )
        self.assertAlmostEqual(
            preview["now_total"] + preview["later_total"], cart.amount_total
        )
        total = cart.amount_total
        preorder = cart._b2b_split(self.buyer_a, version=cart.b2b_version)
        self.assertEqual(self.quantities(cart), {self.bolt: 20, self.nut: 4})
        self.assertEqual(self.quantities(preorder), {self.nut: 6, self.washer: 5})
        self.assertAlmostEqual(cart.amount_total, preview["now_total"])
        self.assertAlmostEqual(cart.amount_total + preorder.amount_total, total)
        self.assertIn("pre-order", preorder.b2b_cart_name)

    def test_nothing_to_split(self):
        cart = self.cart(self.buyer_a, self.entity_a, "Склад", {self.bolt: 5})
        with self.assertRaisesRegex(UserError, "Nothing to split"):
            cart._b2b_split(self.buyer_a)
        self.assertEqual(len(self.buyer_a._b2b_carts(self.entity_a)), 1)
