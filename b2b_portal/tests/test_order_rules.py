from odoo.tests import TransactionCase

from ..models.sale_order_rules import B2bOrderRulesError
from .common import B2bCommon


class TestOrderRules(B2bCommon, TransactionCase):
    """``sale.order._b2b_check_order_rules``: blockers, assortment and the
    stock policy of b2b_portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.hidden_section = cls.env["product.category"].create(
            {
                "name": "Dealers only",
                "b2b_group_ids": [
                    (0, 0, {"name": "Dealers"}),
                ],
            }
        )
        cls.drill, cls.hidden, cls.service = cls.env["product.product"].create(
            [
                {"name": "Drill", "default_code": "R-DRILL", "is_storable": True},
                {
                    "name": "Dealer drill",
                    "default_code": "R-HIDDEN",
                    "categ_id": cls.hidden_section.id,
                },
                {"name": "Delivery", "type": "service"},
            ]
        )
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.drill, stock, 5)
        cls.Order = cls.env["sale.order"].with_user(cls.buyer_a)

    def check(self, items, entity=None):
        return self.Order._b2b_check_order_rules(
            entity or self.entity_a, items, self.contract_a
        )

    def test_assortment(self):
        report = self.check([(self.drill, 1, None), (self.hidden, 1, None)])
        self.assertEqual(
            [line.code for line in report.lines], [False, "not_in_assortment"]
        )
        self.assertEqual(
            report.messages(), [f"{self.hidden.display_name} is not in your catalog."]
        )
        self.hidden.categ_id = self.drill.categ_id
        self.assertTrue(self.check([(self.hidden, 1, None)]).ok)

    def test_blockers(self):
        self.contract_a.state = "closed"
        report = self.check([(self.drill, 1, None)])
        self.assertFalse(report.ok)
        self.assertIn("has no active contract", report.messages()[0])
        self.assertTrue(report.lines[0].ok)

    def test_stock_policy(self):
        items = [(self.drill, 8, None), (self.service, 100, None)]
        self.assertEqual(self.env.company.b2b_stock_policy, "allow")
        self.assertTrue(self.check(items).ok)
        self.env.company.b2b_stock_policy = "free"
        report = self.check(items)
        drill, service = report.lines
        self.assertEqual((drill.code, drill.suggested_qty), ("short_stock", 5))
        self.assertEqual(
            drill.message, f"{self.drill.display_name}: only 5 Units in stock."
        )
        self.assertTrue(service.ok)  # not stored: no stock to check
        self.assertTrue(self.check([(self.drill, 5, None)]).ok)
        # the free stock counts what other orders reserved
        self.drill.sudo().stock_quant_ids.quantity = 0
        self.drill.invalidate_recordset()
        (drill,) = self.check([(self.drill, 1, None)]).lines
        self.assertEqual(
            (drill.code, drill.suggested_qty, drill.message),
            ("short_stock", False, f"{self.drill.display_name}: out of stock."),
        )

    def test_settings_show_the_stock_policy(self):
        settings = self.env["res.config.settings"].create({"b2b_stock_policy": "free"})
        settings.execute()
        self.assertEqual(self.env.company.b2b_stock_policy, "free")

    def test_add_products_refuses_and_writes_nothing(self):
        self.env.company.b2b_stock_policy = "free"
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({self.drill: 3})
        with self.assertRaises(B2bOrderRulesError) as caught:
            cart._b2b_add_products({self.drill: 3})  # 6 > 5 in stock
        (check,) = caught.exception.report.refused()
        self.assertEqual((check.code, check.suggested_qty), ("short_stock", 5))
        self.assertEqual(cart.order_line.product_uom_qty, 3)
        with self.assertRaises(B2bOrderRulesError):
            cart._b2b_add_products({self.hidden: 1})
        self.assertEqual(cart.order_line.product_id, self.drill)
        self.assertEqual(len(cart._b2b_rule_items()), 1)

    def test_orders_of_other_customers_are_not_checked(self):
        customer = self.env["res.partner"].create({"name": "Walk-in"})
        order = self.env["sale.order"].create({"partner_id": customer.id})
        order._b2b_add_products({self.hidden: 1})
        self.assertTrue(order._b2b_check_own_rules().ok)

    def test_queries_do_not_grow_with_the_lines(self):
        self.env.company.b2b_stock_policy = "free"
        products = self.env["product.product"].create(
            [{"name": f"Item {n}", "is_storable": True} for n in range(40)]
        )

        def count(size):
            items = [(product, 1, None) for product in products[:size]]
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            report = self.check(items)
            self.assertEqual(len(report.lines), size)
            return self.env.cr.sql_log_count - before

        count(2)  # warm the caches
        self.assertEqual(count(5), count(40))
