from odoo import Command
from odoo.tests import Form, tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestResolution(B2bPricelistCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]
        cls.pl_contract, cls.pl_entity, cls.pl_level, cls.pl_default = Pricelist.create(
            [
                {"name": name, "b2b_is_price_type": True, "b2b_discount": discount}
                for name, discount in (
                    ("Contract prices", 30),
                    ("Entity prices", 25),
                    ("Gold prices", 20),
                    ("Default prices", 1),
                )
            ]
        )
        cls.level = cls.env["b2b.level"].create(
            {"name": "Gold", "threshold": 0, "pricelist_id": cls.pl_level.id}
        )
        cls.group_large = cls.env["res.partner.category"].create(
            {
                "name": "Large wholesale",
                "b2b_pricelist_id": cls.large.id,
                "b2b_priority": 20,
                "partner_ids": [Command.link(cls.entity_a.id)],
            }
        )
        cls.group_wholesale.write(
            {"b2b_pricelist_id": cls.wholesale.id, "b2b_priority": 10}
        )

    def resolve(self, contract=None):
        pricelist, kind, source = self.entity_a._b2b_resolve_pricelist(contract)
        return pricelist, kind, source

    def set_all(self):
        self.contract_a.pricelist_id = self.pl_contract
        self.entity_a.b2b_pricelist_id = self.pl_entity
        self.entity_a.b2b_level_id = self.level
        self.env.company.b2b_default_pricelist_id = self.pl_default

    def test_contract_first(self):
        self.set_all()
        self.assertEqual(
            self.resolve(self.contract_a),
            (self.pl_contract, "contract", self.contract_a),
        )
        # without the contract: the entity's own
        self.assertEqual(self.resolve()[:2], (self.pl_entity, "entity"))
        # a contract without price type falls through
        self.contract_a.pricelist_id = False
        self.assertEqual(self.resolve(self.contract_a)[:2], (self.pl_entity, "entity"))

    def test_contract_without_price_type_leaves_the_group(self):
        # the chain says where the resolution looked
        self.assertFalse(self.contract_a.pricelist_id)
        self.assertEqual(
            self.resolve(self.contract_a), (self.large, "group", self.group_large)
        )
        self.assertEqual(
            self.entity_a._b2b_pricelist_chain(self.contract_a),
            [
                ("contract A-1", self.env["product.pricelist"]),
                ("legal entity", self.env["product.pricelist"]),
                ("level", self.env["product.pricelist"]),
                ("group Large wholesale", self.large),
            ],
        )
        self.contract_a.pricelist_id = self.pl_contract
        self.assertEqual(
            self.entity_a._b2b_pricelist_chain(self.contract_a),
            [("contract A-1", self.pl_contract)],
        )

    def test_entity_then_level_then_group_then_default(self):
        self.set_all()
        self.entity_a.b2b_pricelist_id = False
        self.assertEqual(
            self.resolve(self.contract_a)[:2], (self.pl_contract, "contract")
        )
        self.contract_a.pricelist_id = False
        self.assertEqual(
            self.resolve(self.contract_a), (self.pl_level, "level", self.level)
        )
        self.entity_a.b2b_level_id = False
        self.assertEqual(
            self.resolve(self.contract_a), (self.large, "group", self.group_large)
        )
        self.entity_a.category_id = [Command.clear()]
        self.assertEqual(self.resolve()[:2], (self.pl_default, "company"))
        self.env.company.b2b_default_pricelist_id = False
        self.assertEqual(
            self.resolve(),
            (self.entity_a.property_product_pricelist, "partner", self.entity_a),
        )

    def test_highest_priority_group(self):
        self.assertEqual(self.resolve()[0], self.large)
        self.group_wholesale.b2b_priority = 30
        self.assertEqual(
            self.resolve(), (self.wholesale, "group", self.group_wholesale)
        )
        # a group without price type never counts, whatever its priority
        self.group_wholesale.write({"b2b_pricelist_id": False, "b2b_priority": 99})
        self.assertEqual(self.resolve()[0], self.large)

    def test_level_before_group_and_after_entity(self):
        self.entity_a.b2b_level_id = self.level
        self.assertEqual(self.resolve()[:2], (self.pl_level, "level"))
        self.entity_a.b2b_pricelist_id = self.pl_entity
        self.assertEqual(self.resolve()[:2], (self.pl_entity, "entity"))

    def test_contract_of_another_entity_ignored(self):
        self.contract_b.pricelist_id = self.pl_contract
        self.assertEqual(self.resolve(self.contract_b)[0], self.large)

    def test_contact_resolves_as_its_entity(self):
        contact = self.buyer_a.partner_id
        self.assertEqual(contact._b2b_pricelist(), self.large)

    def test_reason_on_the_entity_form(self):
        self.assertEqual(self.entity_a.b2b_effective_pricelist_id, self.large)
        self.assertEqual(
            self.entity_a.b2b_pricelist_reason, "from group Large wholesale"
        )
        self.contract_a.pricelist_id = self.pl_contract
        self.entity_a.invalidate_recordset(
            ["b2b_effective_pricelist_id", "b2b_pricelist_reason"]
        )
        self.assertEqual(self.entity_a.b2b_effective_pricelist_id, self.pl_contract)
        self.assertEqual(self.entity_a.b2b_pricelist_reason, "from contract A-1")

    def test_sale_order_takes_the_resolved_price_type(self):
        order = self.env["sale.order"].create({"partner_id": self.entity_a.id})
        self.assertEqual(order.pricelist_id, self.large)
        self.contract_a.pricelist_id = self.pl_contract
        form = Form(order)
        form.b2b_contract_id = self.contract_a
        order = form.save()
        self.assertEqual(order.pricelist_id, self.pl_contract)
        order.write(
            {
                "order_line": [
                    Command.create(
                        {"product_id": self.product.id, "product_uom_qty": 1}
                    )
                ]
            }
        )
        # 100 - 30 %: shown as a 30 % discount or as 70.00, as Odoo does
        line = order.order_line
        self.assertAlmostEqual(line.price_subtotal, 70.0)

    def test_sale_order_of_a_non_b2b_customer_untouched(self):
        customer = self.env["res.partner"].create({"name": "Walk-in"})
        order = self.env["sale.order"].create({"partner_id": customer.id})
        self.assertEqual(order.pricelist_id, customer.property_product_pricelist)

    def test_contract_seam_uses_the_resolution(self):
        self.assertEqual(self.contract_a._b2b_pricelist(), self.large)
        self.assertEqual(
            self.entity_a._b2b_prices(self.product)[0][self.product.id], 85.5
        )
