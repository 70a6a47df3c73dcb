import ast

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestBackOffice(B2bPricelistCommon):
    """The forms a supplier uses, as a B2B user and a B2B manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.b2b_user = new_test_user(
            cls.env,
            login="b2b_user_price",
            groups="b2b_portal.group_b2b_user,product.group_product_manager",
            name="B2B User",
        )
        cls.gold = cls.env["b2b.level"].create(
            {"name": "Gold", "threshold": 1000, "pricelist_id": cls.large.id}
        )

    def test_b2b_manager_opens_price_types(self):
        """The menu's action as a B2B manager without any sales or product
        right of its own: list, form, a new price type and its rules."""
        manager = new_test_user(
            self.env,
            login="b2b_manager_price",
            groups="b2b_portal.group_b2b_manager",
            name="B2B Manager",
        )
        self.assertTrue(manager.has_group("product.group_product_pricelist"))
        action = self.env.ref("b2b_pricelist.product_pricelist_action_b2b")
        Pricelist = self.env["product.pricelist"].with_user(manager)
        menu = self.env.ref("b2b_pricelist.b2b_menu_config_price_types")
        self.assertIn(
            menu.id, self.env["ir.ui.menu"].with_user(manager)._visible_menu_ids()
        )
        views = Pricelist.get_views(
            [(v.view_id.id, v.view_mode) for v in action.view_ids],
            {"action_id": action.id, "toolbar": True},
        )
        self.assertEqual(set(views["views"]), {"list", "form"})
        found = Pricelist.web_search_read(
            ast.literal_eval(action.domain), {"name": {}, "b2b_discount": {}}
        )
        self.assertIn(self.wholesale.id, [r["id"] for r in found["records"]])
        read = Pricelist.browse(self.large.id).web_read(
            {"name": {}, "item_ids": {"fields": {"name": {}, "price": {}}}}
        )
        self.assertEqual(read[0]["name"], "Large wholesale")
        form = Form(Pricelist.with_context(default_b2b_is_price_type=True))
        form.name = "Дилер"
        form.b2b_discount = 12.0
        with form.item_ids.new() as item:
            item.min_quantity = 100
            item.compute_price = "percentage"
            item.percent_price = 15
        dealer = form.save()
        self.assertEqual(len(dealer.item_ids), 2)

    def test_price_type_form(self):
        form = Form(
            self.env["product.pricelist"].with_context(default_b2b_is_price_type=True)
        )
        form.name = "Dealers"
        form.b2b_base = "price_type"
        form.b2b_base_pricelist_id = self.wholesale
        form.b2b_discount_type = "fixed"
        form.b2b_discount = 3.0
        form.b2b_rounding = 1.0
        dealers = form.save()
        # 100 - 10 % = 90, rounded to 1, minus 3
        self.assertAlmostEqual(
            dealers._get_products_price(self.product, 1)[self.product.id], 87.0
        )
        self.assertTrue(dealers.b2b_is_price_type)
        self.assertEqual(len(dealers.item_ids), 1)

    def test_entity_form_shows_price_type_and_why(self):
        self.group_wholesale.b2b_pricelist_id = self.wholesale
        form = Form(self.entity_a.with_user(self.manager))
        self.assertEqual(form.b2b_effective_pricelist_id, self.wholesale)
        self.assertEqual(form.b2b_pricelist_reason, "from group Wholesale")

    def test_only_a_manager_pins_a_level(self):
        values = {
            "b2b_level_pin_id": self.gold.id,
            "b2b_level_pin_reason": "Launch of a new store",
            "b2b_level_pin_until": self.days_ago(-10),
        }
        with self.assertRaises(AccessError):
            self.entity_a.with_user(self.b2b_user).write(values)
        self.assertFalse(self.entity_a.b2b_level_id)
        self.entity_a.with_user(self.manager).write(values)
        self.assertEqual(self.entity_a.b2b_level_id, self.gold)
        self.assertEqual(self.entity_a._b2b_pricelist(), self.large)
        # removing the pin brings the turnover's level back, in the history
        self.entity_a.with_user(self.manager).b2b_level_pin_id = False
        self.assertFalse(self.entity_a.b2b_level_id)
        last = self.entity_a.b2b_level_history_ids.sorted("id")[-1]
        self.assertEqual((last.reason, last.previous_level_id), ("unpin", self.gold))

    def test_group_form_and_explain_as_b2b_user(self):
        form = Form(self.group_wholesale)
        form.b2b_pricelist_id = self.large
        form.b2b_priority = 50
        form.save()
        self.assertEqual(self.entity_a._b2b_pricelist(), self.large)
        order = self.env["sale.order"].create(
            {
                "partner_id": self.entity_a.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        action = order.order_line.with_user(self.b2b_user).action_b2b_explain_price()
        self.assertIn("from group Wholesale", action["params"]["message"])
        self.assertIn("Large wholesale", action["params"]["message"])
