from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestPriceTypes(B2bPricelistCommon):
    def odoo_price(self, pricelist, product, qty=1.0):
        return pricelist._get_products_price(product, qty)[product.id]

    def test_percentage_on_list_price(self):
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 90.0)
        generated = self.wholesale.item_ids.filtered("b2b_generated")
        self.assertEqual(len(generated), 1)
        self.assertEqual(generated.applied_on, "3_global")

    def test_fixed_amount_on_list_price(self):
        self.wholesale.write({"b2b_discount_type": "fixed", "b2b_discount": 7.0})
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 93.0)
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product_3), 3.0)

    def test_on_another_price_type(self):
        # 100 - 10 % = 90, then - 5 % = 85.5
        self.assertAlmostEqual(self.odoo_price(self.large, self.product), 85.5)
        self.large.write({"b2b_discount_type": "fixed", "b2b_discount": 2.0})
        self.assertAlmostEqual(self.odoo_price(self.large, self.product), 88.0)
        # the base price type changes: so does the one based on it
        self.wholesale.b2b_discount = 20.0
        self.assertAlmostEqual(self.odoo_price(self.large, self.product), 78.0)

    def test_rounding(self):
        self.product.list_price = 99.99
        self.wholesale.b2b_rounding = 1.0
        # 99.99 - 10 % = 89.991, rounded to a multiple of 1
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 90.0)
        self.wholesale.b2b_rounding = 5.0
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 90.0)
        self.product.list_price = 108.0  # 97.2 -> 95
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 95.0)

    def test_markup_on_cost(self):
        self.wholesale.write({"b2b_base": "standard_price", "b2b_discount": 25.0})
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 75.0)

    def test_simple_form_rewrites_only_generated_rules(self):
        handmade = self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.wholesale.id,
                "applied_on": "1_product",
                "product_tmpl_id": self.product_2.product_tmpl_id.id,
                "compute_price": "fixed",
                "fixed_price": 33.0,
            }
        )
        generated = self.wholesale.item_ids.filtered("b2b_generated")
        self.wholesale.b2b_discount = 20.0
        self.assertTrue(handmade.exists())
        self.assertEqual(handmade.fixed_price, 33.0)
        self.assertFalse(generated.exists())
        self.assertEqual(len(self.wholesale.item_ids.filtered("b2b_generated")), 1)
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 80.0)
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product_2), 33.0)
        # not a price type any more: the generated rule goes, the hand-made stays
        self.wholesale.b2b_is_price_type = False
        self.assertEqual(self.wholesale.item_ids, handmade)

    def test_based_on_itself_refused(self):
        with self.assertRaises(ValidationError) as caught:
            self.wholesale.write(
                {"b2b_base": "price_type", "b2b_base_pricelist_id": self.wholesale.id}
            )
        self.assertIn("based on itself", str(caught.exception))
        # through a chain: wholesale on large, large on wholesale
        with self.assertRaises(ValidationError) as caught:
            self.wholesale.write(
                {"b2b_base": "price_type", "b2b_base_pricelist_id": self.large.id}
            )
        self.assertIn("Wholesale ⇒ Large wholesale ⇒ Wholesale", str(caught.exception))
        self.assertEqual(self.wholesale.b2b_base, "list_price")
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 90.0)

    def test_chain_through_a_third_price_type(self):
        third = self.env["product.pricelist"].create(
            {
                "name": "Dealers",
                "b2b_is_price_type": True,
                "b2b_base": "price_type",
                "b2b_base_pricelist_id": self.large.id,
                "b2b_discount": 1.0,
            }
        )
        with self.assertRaises(ValidationError) as caught:
            self.wholesale.write(
                {"b2b_base": "price_type", "b2b_base_pricelist_id": third.id}
            )
        self.assertIn("Dealers", str(caught.exception))
        self.assertFalse(self.wholesale.b2b_base_pricelist_id)

    def test_discount_ranges(self):
        for discount in (-5.0, 100.5):
            with self.assertRaises(ValidationError):
                self.wholesale.b2b_discount = discount
        with self.assertRaises(ValidationError):
            self.wholesale.b2b_rounding = -1.0
        self.assertEqual(self.wholesale.b2b_discount, 10.0)
        # a markup on cost may exceed 100 %
        self.wholesale.write({"b2b_base": "standard_price", "b2b_discount": 150.0})
        self.assertAlmostEqual(self.odoo_price(self.wholesale, self.product), 150.0)

    def test_fixed_discount_larger_than_base_refused(self):
        # the washer costs 10.00: 12.00 off would make its price negative
        with self.assertRaises(ValidationError) as caught:
            self.env["product.pricelist"].create(
                {
                    "name": "Too generous",
                    "b2b_is_price_type": True,
                    "b2b_discount_type": "fixed",
                    "b2b_discount": 12.0,
                }
            )
        self.assertIn("Washer M8", str(caught.exception))
        self.assertFalse(
            self.env["product.pricelist"].search([("name", "=", "Too generous")])
        )

    def test_copy_keeps_one_generated_rule(self):
        copy = self.wholesale.copy()
        self.assertEqual(len(copy.item_ids), 1)
        self.assertTrue(copy.item_ids.b2b_generated)
        self.assertAlmostEqual(self.odoo_price(copy, self.product), 90.0)
        self.assertEqual(copy.item_ids.filtered("b2b_generated").pricelist_id, copy)
        self.assertEqual(
            self.wholesale.item_ids.filtered("b2b_generated").pricelist_id,
            self.wholesale,
        )
