from odoo import Command
from odoo.tests import tagged, users, warmup

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestPricingService(B2bPricelistCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.b2b_pricelist_id = cls.wholesale
        # breaks: from 10 pcs -15 %, from 50 pcs -20 % (global);
        # the nut has its own rule from 20 pcs: 30.00
        cls.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": cls.wholesale.id,
                    "min_quantity": 10,
                    "compute_price": "percentage",
                    "percent_price": 15,
                },
                {
                    "pricelist_id": cls.wholesale.id,
                    "min_quantity": 50,
                    "compute_price": "percentage",
                    "percent_price": 20,
                },
                {
                    "pricelist_id": cls.wholesale.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": cls.product_2.product_tmpl_id.id,
                    "min_quantity": 20,
                    "compute_price": "fixed",
                    "fixed_price": 30.0,
                },
            ]
        )

    def test_breaks_below_at_and_above(self):
        below = self.price(self.entity_a, self.product, 4)
        self.assertAlmostEqual(below.price_unit, 90.0)
        self.assertEqual(below.next_qty, 10)
        self.assertAlmostEqual(below.next_price, 85.0)
        self.assertEqual(below.more_qty, 6)  # "add 6 more to pay 85.00"
        at = self.price(self.entity_a, self.product, 10)
        self.assertAlmostEqual(at.price_unit, 85.0)
        self.assertEqual((at.next_qty, at.more_qty), (50, 40))
        self.assertAlmostEqual(at.next_price, 80.0)
        above = self.price(self.entity_a, self.product, 51)
        self.assertAlmostEqual(above.price_unit, 80.0)
        self.assertFalse(above.next_qty)
        self.assertFalse(above.more_qty)

    def test_product_rule_and_breaks_as_odoo_orders_them(self):
        for qty in (1, 9, 10, 19, 20, 49, 50, 100):
            for product in (self.product, self.product_2, self.product_3):
                line = self.price(self.entity_a, product, qty)
                odoo_price, odoo_rule = self.wholesale._compute_price_rule(
                    product, qty
                )[product.id]
                self.assertAlmostEqual(
                    line.price_unit, odoo_price, msg=(product.name, qty)
                )
                self.assertEqual(line.rule.id, odoo_rule, msg=(product.name, qty))
        # the nut's product rule from 20 wins over the global ones
        nut = self.price(self.entity_a, self.product_2, 12)
        self.assertAlmostEqual(nut.price_unit, 34.0)
        self.assertEqual((nut.next_qty, nut.next_price), (20, 30.0))

    def test_chained_price_type_matches_odoo(self):
        self.entity_a.b2b_pricelist_id = self.large
        for qty in (1, 10, 50):
            line = self.price(self.entity_a, self.product, qty)
            expected = self.large._get_products_price(self.product, qty)[
                self.product.id
            ]
            self.assertAlmostEqual(line.price_unit, expected)
        # breaks of the base price type show through: 85 - 5 % from 10
        line = self.price(self.entity_a, self.product, 1)
        self.assertAlmostEqual(line.price_unit, 85.5)
        self.assertEqual(line.next_qty, 10)
        self.assertAlmostEqual(line.next_price, 80.75)
        self.assertEqual(line.pricelist, self.large)
        line = self.price(self.entity_a, self.product, 60)
        self.assertAlmostEqual(line.price_unit, 76.0)
        self.assertFalse(line.next_qty)

    def test_min_and_multiple(self):
        self.product.product_tmpl_id.write({"b2b_min_qty": 24, "b2b_multiple": 12})
        lines = self.entity_a._b2b_price_lines(
            [
                (self.product, 12, None),
                (self.product, 30, None),
                (self.product, 36, None),
            ]
        )
        self.assertEqual(
            [(li.violation, li.suggested_qty) for li in lines],
            [("below_min", 24), ("not_multiple", 36), (False, False)],
        )
        self.assertEqual((lines[0].min_qty, lines[0].multiple), (24, 12))
        message = self.env["sale.order"]._b2b_price_line_message(self.product, lines[1])
        self.assertIn("sold by 12, for example 36", message)
        self.assertFalse(self.price(self.entity_a, self.product_2, 7).violation)

    def test_order_rule_in_another_unit(self):
        dozen = self.env["uom.uom"].create(
            {
                "name": "Dozen (test)",
                "relative_factor": 12,
                "relative_uom_id": self.product.uom_id.id,
            }
        )
        self.product.product_tmpl_id.write({"b2b_min_qty": 24, "b2b_multiple": 12})
        ok = self.price(self.entity_a, self.product, 2, uom=dozen)
        self.assertFalse(ok.violation)
        self.assertAlmostEqual(ok.price_unit, 85.0 * 12)  # 24 pcs: the 10+ break
        short = self.price(self.entity_a, self.product, 1, uom=dozen)
        self.assertEqual((short.violation, short.suggested_qty), ("below_min", 2))

    def test_invalid_order_rule_refused(self):
        from odoo.exceptions import ValidationError  # noqa: PLC0415

        with self.assertRaises(ValidationError) as caught:
            self.product.product_tmpl_id.write({"b2b_min_qty": 20, "b2b_multiple": 12})
        self.assertIn("never be ordered", str(caught.exception))
        self.assertEqual(self.product.b2b_min_qty, 0)
        with self.assertRaises(ValidationError):
            self.product.product_tmpl_id.b2b_multiple = -1

    def test_catalog_prices_come_from_the_service(self):
        prices, currency = self.entity_a._b2b_prices(self.product | self.product_2)
        self.assertEqual(prices, {self.product.id: 90.0, self.product_2.id: 36.0})
        self.assertEqual(currency, self.wholesale.currency_id)
        prices, _currency = self.entity_a._b2b_prices(self.product, quantity=10)
        self.assertEqual(prices[self.product.id], 85.0)


@tagged("post_install", "-at_install")
class TestPricingQueries(B2bPricelistCommon):
    """The service costs the same for 10 and 1,000 products, with a chained
    price type, per-product exceptions and breaks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        categories = cls.env["product.category"].create(
            [{"name": f"C{n}", "parent_id": cls.categ.id} for n in range(5)]
        )
        cls.many = cls.env["product.product"].create(
            [
                {
                    "name": f"P{n}",
                    "list_price": 10 + n % 50,
                    "categ_id": categories[n % 5].id,
                    "b2b_min_qty": 2 if n % 3 == 0 else 0,
                    "b2b_multiple": 2 if n % 3 == 0 else 0,
                }
                for n in range(1000)
            ]
        )
        cls.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": cls.wholesale.id,
                    "applied_on": "1_product",
                    "product_tmpl_id": product.product_tmpl_id.id,
                    "compute_price": "fixed",
                    "fixed_price": 5.0,
                    "min_quantity": 5,
                }
                for product in cls.many[::10]
            ]
            + [
                {
                    "pricelist_id": cls.wholesale.id,
                    "applied_on": "2_product_category",
                    "categ_id": categories[1].id,
                    "compute_price": "percentage",
                    "percent_price": 12,
                },
                {
                    "pricelist_id": cls.large.id,
                    "min_quantity": 3,
                    "compute_price": "percentage",
                    "percent_price": 20,
                },
            ]
        )
        cls.entity_a.b2b_pricelist_id = cls.large
        cls.buyer_a.group_ids = [Command.link(cls.env.ref("base.group_portal").id)]

    def run_service(self, products):
        entity = self.env["res.partner"].browse(self.entity_a.id)
        products = products.with_env(self.env)
        return entity._b2b_price_lines(
            [(product, 1, None) for product in products], self.contract_a
        )

    @users("buyer_a")
    @warmup
    def test_query_count_10_and_1000(self):
        self.env.invalidate_all()
        with self.assertQueryCount(buyer_a=18):
            lines = self.run_service(self.many[:10])
        self.assertEqual(len(lines), 10)
        self.env.invalidate_all()
        with self.assertQueryCount(buyer_a=18):
            lines = self.run_service(self.many)
        self.assertEqual(len(lines), 1000)
        # the same prices as Odoo's own computation
        expected = self.large.sudo()._get_products_price(self.many.sudo(), 1)
        self.assertEqual(
            [round(line.price_unit, 6) for line in lines],
            [round(expected[product.id], 6) for product in self.many],
        )
        self.assertTrue(any(line.next_qty for line in lines))
        self.assertTrue(any(line.violation for line in lines))
