from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestNamedCarts(MulticartCommon):
    def test_add_to_cart_goes_to_the_chosen_cart(self):
        shop = self.cart(self.buyer_ab, self.entity_a, "Магазин")
        store = self.cart(self.buyer_ab, self.entity_a, "Склад")
        self.assertEqual(self.buyer_ab._b2b_current_cart(self.entity_a), store)
        self.buyer_ab._b2b_select_cart(shop)
        current = self.buyer_ab._b2b_current_cart(self.entity_a, create=True)
        self.assertEqual(current, shop)
        current._b2b_add_products({self.bolt: 2})
        self.assertEqual(self.quantities(shop), {self.bolt: 2})
        self.assertFalse(store.order_line)
        self.assertEqual(shop.b2b_cart_name, "Магазин")
        self.assertTrue(shop.b2b_is_current)
        self.assertFalse(store.b2b_is_current)

    def test_carts_per_entity_stay_separate(self):
        cart_a = self.cart(self.buyer_ab, self.entity_a, "Для Альфы")
        cart_b = self.cart(self.buyer_ab, self.entity_b, "Для Беты")
        # choosing a cart of B keeps A's choice
        self.assertEqual(self.buyer_ab._b2b_current_cart(self.entity_a), cart_a)
        self.assertEqual(self.buyer_ab._b2b_current_cart(self.entity_b), cart_b)
        self.assertEqual(self.buyer_ab._b2b_carts(self.entity_a), cart_a)
        self.assertEqual(self.buyer_ab._b2b_carts(self.entity_b), cart_b)
        self.assertEqual(cart_b.b2b_contract_id, self.contract_b)
        self.assertEqual(cart_b.pricelist_id, self.pricelist_b)
        # another buyer of A does not see buyer_ab's carts
        self.assertFalse(self.buyer_a._b2b_carts(self.entity_a))

    def test_new_cart_needs_an_ordering_role_and_a_name(self):
        with self.assertRaises(AccessError):
            self.viewer._b2b_new_cart(self.entity_a, "Нельзя")
        with self.assertRaises(AccessError):
            self.accountant._b2b_new_cart(self.entity_a, "Нельзя")
        with self.assertRaises(UserError):
            self.buyer_a._b2b_new_cart(self.entity_a, "   ")
        with self.assertRaises(UserError):
            self.buyer_a._b2b_new_cart(self.entity_a, "x" * 101)
        self.assertFalse(self.buyer_a._b2b_carts(self.entity_a))

    def test_new_cart_default_when_none(self):
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        self.assertTrue(cart.b2b_is_current)
        self.assertEqual(cart.b2b_cart_name, "Cart")
        self.assertEqual(cart.b2b_buyer_id, self.buyer_a)

    def test_line_sum_reads_as_its_price(self):
        """A price that includes VAT sums with it (10 × 12.20 = 122.00, not
        the 100.00 before VAT); a price without VAT sums without."""
        vat = self.env["account.tax"].create(
            {
                "name": "НДС 22%",
                "amount": 22.0,
                "price_include_override": "tax_included",
                "company_id": self.env.company.id,
            }
        )
        cart = self.cart(self.buyer_a, self.entity_a, "НДС", {self.nut: 10})
        line = cart.order_line
        line.write({"price_unit": 12.2, "tax_ids": [Command.set(vat.ids)]})
        money = cart._b2b_money_formatter()
        [row] = cart._b2b_cart_page_lines()
        self.assertEqual(row["subtotal"], money(122.0))
        self.assertEqual(line.price_subtotal, 100.0)
        line.tax_ids = False
        [row] = cart._b2b_cart_page_lines()
        self.assertEqual(row["subtotal"], money(122.0))
