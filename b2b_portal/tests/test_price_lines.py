from unittest.mock import patch

from odoo.tests import BaseCase, tagged

from ..tools.pricing import PriceLine
from .common import B2bCommon


class TestPriceLineValue(BaseCase):
    def test_defaults_once(self):
        line = PriceLine(price_unit=12.5)
        self.assertEqual(line.price_unit, 12.5)
        self.assertEqual((line.min_qty, line.multiple), (0.0, 0.0))
        for name in ("next_qty", "next_price", "more_qty", "violation"):
            self.assertIs(getattr(line, name), False)
        self.assertIs(line.fixed_until, False)
        # a typo is an error, not a silent new key
        with self.assertRaises(AttributeError):
            line.next_quantity = 5


@tagged("post_install", "-at_install")
class TestPriceLines(B2bCommon):
    """The default per-line pricing seam: each line gets the rule of its own
    quantity, in a number of queries that does not grow with the lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [{"name": f"Line {i}", "list_price": 100.0 + i} for i in range(30)]
        )
        cls.box = cls.env["uom.uom"].create(
            {
                "name": "Box of 10",
                "relative_factor": 10,
                "relative_uom_id": cls.env.ref("uom.product_uom_unit").id,
            }
        )
        cls.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": cls.pricelist_a.id,
                    "applied_on": "3_global",
                    "compute_price": "percentage",
                    "percent_price": 10,
                    "min_quantity": 10,
                },
            ]
        )

    def test_rule_by_line_quantity(self):
        first = self.products[0]
        small, large, boxed = self.entity_a._b2b_price_lines(
            [(first, 1, None), (first, 10, None), (first, 1, self.box)],
            self.contract_a,
        )
        self.assertEqual(small.price_unit, 100.0)
        self.assertFalse(small.rule)
        self.assertEqual(large.price_unit, 90.0)
        self.assertTrue(large.rule)
        # one box is ten units: the break applies, priced per box
        self.assertEqual(boxed.price_unit, 900.0)
        self.assertEqual(large.currency, self.pricelist_a.currency_id)
        self.assertFalse(large.violation)

    def test_typed_lines_and_the_prices_helper(self):
        """``_b2b_price_lines`` gives ``PriceLine`` values; ``_b2b_prices`` is
        built on it and agrees with Odoo's own batched computation."""
        lines = self.entity_a._b2b_price_lines(
            [(p, 10, None) for p in self.products[:3]], self.contract_a
        )
        self.assertTrue(all(isinstance(line, PriceLine) for line in lines))
        self.assertEqual(lines[0].pricelist, self.pricelist_a)
        prices, currency = self.entity_a._b2b_prices(
            self.products[:3], self.contract_a, quantity=10
        )
        expected = self.pricelist_a._get_products_price(self.products[:3], 10)
        self.assertEqual(prices, expected)
        self.assertEqual(currency, self.pricelist_a.currency_id)

    def test_back_office_order_takes_the_resolved_price_list(self):
        """A quotation made in the back office for a B2B entity takes the
        price list of ``_b2b_pricelist(contract)``, also when its contract
        changes; a customer outside B2B keeps Odoo's."""
        contract_2 = self.env["b2b.contract"].create(
            {
                "name": "A-2",
                "entity_id": self.entity_a.id,
                "pricelist_id": self.pricelist_b.id,
                "state": "active",
            }
        )
        order = self.env["sale.order"].create(
            {"partner_id": self.entity_a.id, "b2b_contract_id": contract_2.id}
        )
        self.assertEqual(order.pricelist_id, self.pricelist_b)
        self.assertEqual(order.pricelist_id, self.entity_a._b2b_pricelist(contract_2))
        order.b2b_contract_id = self.contract_a
        self.assertEqual(order.pricelist_id, self.pricelist_a)
        person = self.env["res.partner"].create(
            {"name": "Walk-in", "property_product_pricelist": self.pricelist_b.id}
        )
        self.assertEqual(
            self.env["sale.order"].create({"partner_id": person.id}).pricelist_id,
            self.pricelist_b,
        )

    def test_queries_do_not_grow(self):
        few = [(p, 1 + i, None) for i, p in enumerate(self.products[:3])]
        many = [(p, 1 + i, None) for i, p in enumerate(self.products)]
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            self.entity_a._b2b_price_lines(few, self.contract_a)
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            self.entity_a._b2b_price_lines(many, self.contract_a)

    def test_add_products_in_a_packaging_unit(self):
        """``_b2b_add_products`` takes ``(product, unit)`` keys: a box line
        stays a box line, and adding boxes again increases it."""
        first, second = self.products[:2]
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({first: 3, (first, self.box): 2})
        cart._b2b_add_products({(first, self.box): 1, (second, second.uom_id): 1})
        lines = {
            (line.product_id, line.product_uom_id): line for line in cart.order_line
        }
        self.assertEqual(len(lines), 3)
        self.assertEqual(lines[first, self.box].product_uom_qty, 3)
        self.assertEqual(lines[first, first.uom_id].product_uom_qty, 3)
        self.assertEqual(lines[second, second.uom_id].product_uom_qty, 1)
        self.assertEqual(lines[first, self.box].price_unit, 900.0)

    def test_order_line_rules_asked_once_per_group(self):
        """The rule of each order line is Odoo's, whatever the batch: lines
        below and above a break, in a box, on a product with its own rule."""
        own = self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.pricelist_a.id,
                "applied_on": "0_product_variant",
                "product_id": self.products[5].id,
                "compute_price": "fixed",
                "fixed_price": 7.0,
            }
        )
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        quantities = {
            (product, self.box if n % 4 == 0 else product.uom_id): 1 + n % 12
            for n, product in enumerate(self.products)
        }
        Pricelist = self.env.registry["product.pricelist"]
        original = Pricelist._compute_price_rule
        rule_lookups = []

        def spy(pricelist, products, *args, **kwargs):
            if not kwargs.get("compute_price", True):
                rule_lookups.append(len(products))
            return original(pricelist, products, *args, **kwargs)

        with patch.object(Pricelist, "_compute_price_rule", spy):
            cart._b2b_add_products(quantities)
        # one lookup per (quantity, unit), never one per line: 30 lines
        # with 12 different quantities and two units
        self.assertLessEqual(len(rule_lookups), 15)
        self.assertEqual(sum(rule_lookups), len(self.products))
        self.assertEqual(len(cart.order_line), len(self.products))
        for line in cart.order_line:
            expected = Pricelist._get_product_rule(
                self.pricelist_a, line.product_id, **line._get_pricelist_kwargs()
            )
            self.assertEqual(line.pricelist_item_id.id, expected, line.product_id.name)
        sixth = cart.order_line.filtered(lambda x: x.product_id == self.products[5])
        self.assertEqual((sixth.pricelist_item_id, sixth.price_unit), (own, 7.0))
        twelfth = cart.order_line.filtered(lambda x: x.product_id == self.products[11])
        # 12 units reach the break of 10: 10 % off
        self.assertEqual(twelfth.price_unit, 111.0 * 0.9)
