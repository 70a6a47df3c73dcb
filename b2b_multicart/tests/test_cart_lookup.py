from odoo.exceptions import AccessError, MissingError, UserError

from .common import MulticartCommon


class TestCartLookup(MulticartCommon):
    """The model methods the cart routes call (and an API would): a cart by
    id, the double-submit token, the quantities of the update form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls.cart(cls.buyer_a, cls.entity_a, "Моя", {cls.bolt: 2, cls.nut: 3})

    def test_cart_by_id_follows_the_shares(self):
        mine = self.mine
        self.assertEqual(
            self.buyer_a._b2b_cart_by_id(self.entity_a, mine.id, "own"), mine
        )
        with self.assertRaises(MissingError):
            self.buyer_ab._b2b_cart_by_id(self.entity_a, mine.id)
        mine._b2b_share(self.buyer_ab, "read")
        self.assertEqual(self.buyer_ab._b2b_cart_by_id(self.entity_a, mine.id), mine)
        with self.assertRaises(AccessError):
            self.buyer_ab._b2b_cart_by_id(self.entity_a, mine.id, "edit")
        mine._b2b_share(self.buyer_ab, "edit")
        self.assertEqual(
            self.buyer_ab._b2b_cart_by_id(self.entity_a, str(mine.id), "edit"), mine
        )
        with self.assertRaises(AccessError):
            self.buyer_ab._b2b_cart_by_id(self.entity_a, mine.id, "own")
        # shared, but looked up under another entity: not found
        with self.assertRaises(MissingError):
            self.buyer_ab._b2b_cart_by_id(self.entity_b, mine.id)
        # an ordered cart is no cart any more
        mine.state = "sale"
        with self.assertRaises(MissingError):
            self.buyer_a._b2b_cart_by_id(self.entity_a, mine.id)

    def test_submit_token(self):
        Order = self.env["sale.order"]
        token = Order._b2b_submit_token_new()
        self.assertRegex(token, r"^[0-9a-f]{32}$")
        self.assertNotEqual(token, Order._b2b_submit_token_new())
        self.assertFalse(Order._b2b_submit_token_done(token, self.entity_a))
        self.assertFalse(Order._b2b_submit_token_done(None, self.entity_a))
        self.mine.b2b_submit_token = token
        self.assertEqual(Order._b2b_submit_token_done(token, self.entity_a), self.mine)
        self.assertEqual(
            Order._b2b_submit_token_done(token, self.entity_a, self.buyer_a), self.mine
        )
        with self.assertRaises(AccessError):
            Order._b2b_submit_token_done(token, self.entity_b)
        with self.assertRaises(AccessError):
            Order._b2b_submit_token_done(token, self.entity_a, self.buyer_ab)

    def test_parse_line_quantities(self):
        bolt, nut = self.mine._b2b_product_lines().sorted(
            lambda line: line.product_id.id
        )
        if bolt.product_id != self.bolt:
            bolt, nut = nut, bolt
        quantities, removed, errors = self.mine._b2b_parse_line_quantities(
            {bolt.id: "1 200"}, [nut.id]
        )
        self.assertEqual((quantities, removed, errors), ({bolt: 1200}, nut, []))
        quantities, removed, errors = self.mine._b2b_parse_line_quantities(
            {bolt.id: "2,5", nut.id: ""}
        )
        self.assertEqual((quantities, removed), ({}, self.env["sale.order.line"]))
        self.assertIn("sold in whole units, not 2,5", errors[0])
        # an empty quantity is no way to take a line out: its box is
        self.assertIn("tick “remove”", errors[1])
        other = self.cart(self.buyer_a, self.entity_a, "Другая", {self.washer: 1})
        for typed, removed_ids in (
            ({other.order_line.id: "3"}, []),
            ({}, [other.order_line.id]),
            ({}, ["remove_x"]),
        ):
            with self.subTest(typed=typed, removed=removed_ids):
                with self.assertRaises(UserError):
                    self.mine._b2b_parse_line_quantities(typed, removed_ids)
