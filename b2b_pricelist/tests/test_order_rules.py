from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.b2b_portal.models.sale_order_rules import B2bOrderRulesError

from .common import B2bPricelistCommon


class TestOrderRulesQuantities(B2bPricelistCommon, TransactionCase):
    """The minimum and the multiple of b2b_pricelist in the order rules
    check of b2b_portal, with the buyer's wording."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.product_tmpl_id.write({"b2b_min_qty": 24, "b2b_multiple": 12})
        cls.dozen = cls.env["uom.uom"].create(
            {
                "name": "Dozen (rules)",
                "relative_factor": 12,
                "relative_uom_id": cls.product.uom_id.id,
            }
        )
        cls.Order = cls.env["sale.order"].with_user(cls.buyer_a)

    def check(self, *items):
        return self.Order._b2b_check_order_rules(self.entity_a, items)

    def test_minimum_and_multiple(self):
        report = self.check(
            (self.product, 12, None),
            (self.product, 30, None),
            (self.product, 36, None),
            (self.product_2, 7, None),
        )
        self.assertEqual(
            [(line.code, line.suggested_qty) for line in report.lines],
            [("below_min", 24), ("not_multiple", 36), (False, False), (False, False)],
        )
        name = self.product.display_name
        self.assertEqual(
            report.messages(),
            [
                f"{name}: at least 24, for example 24.",
                f"{name}: sold by 12, for example 36.",
            ],
        )

    def test_in_another_unit(self):
        """One dozen is 12 pieces, below 24; two dozens pass; the suggestion
        is in the line's unit."""
        below, fine = self.check(
            (self.product, 1, self.dozen), (self.product, 2, self.dozen)
        ).lines
        self.assertEqual((below.code, below.suggested_qty), ("below_min", 2))
        self.assertTrue(fine.ok)

    def test_assortment_comes_first(self):
        self.product.sale_ok = False
        (line,) = self.check((self.product, 12, None)).lines
        self.assertEqual(line.code, "not_in_assortment")

    def test_the_cart_total_counts(self):
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        with self.assertRaises(B2bOrderRulesError) as caught:
            cart._b2b_add_products({self.product: 12})
        self.assertIn("at least 24", str(caught.exception))
        # 12 written by the back office, 12 more from the portal: 24
        cart.order_line = [
            Command.create({"product_id": self.product.id, "product_uom_qty": 12})
        ]
        cart._b2b_add_products({self.product: 12})
        self.assertEqual(cart.order_line.product_uom_qty, 24)
