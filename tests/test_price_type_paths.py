"""One price-type resolver: every path that prices or opens an order of a B2B
entity (catalog, cart creation, checkout under another contract, quick
order preview, a quotation made in the back office) uses the price type of
``res.partner._b2b_pricelist(contract)``, whichever place gives it (contract,
entity, turnover level, group, company default); and only b2b_portal owns
the entry points that b2b_pricelist overrides."""

from odoo.tests import tagged

from odoo.addons.b2b_portal.tools.pricing import PriceLine
from odoo.addons.b2b_pricelist.tests.common import B2bPricelistCommon
from odoo.addons.b2b_quick_order.tools.order_text import parse_order_text


@tagged("post_install", "-at_install")
class TestPriceTypePaths(B2bPricelistCommon):
    test_module = "b2b_pricelist"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]
        cls.level_type, cls.group_type, cls.default_type, cls.other_type = (
            Pricelist.create(
                [
                    {"name": name, "b2b_is_price_type": True, "b2b_discount": pct}
                    for name, pct in (
                        ("Level type", 20.0),
                        ("Group type", 30.0),
                        ("Company default", 3.0),
                        ("Other contract type", 40.0),
                    )
                ]
            )
        )
        cls.level = cls.env["b2b.level"].create(
            {"name": "Gold", "threshold": 0, "pricelist_id": cls.level_type.id}
        )
        cls.entity_a.user_id = cls.manager
        cls.contract_a2 = cls.env["b2b.contract"].create(
            {
                "name": "A-2",
                "entity_id": cls.entity_a.id,
                "pricelist_id": cls.other_type.id,
                "state": "active",
            }
        )

    # each place of the resolution, from the last to the first
    def set_company_default(self):
        self.env.company.b2b_default_pricelist_id = self.default_type
        return self.default_type

    def set_group(self):
        self.set_company_default()
        self.group_wholesale.b2b_pricelist_id = self.group_type
        return self.group_type

    def set_level(self):
        self.set_group()
        self.entity_a.b2b_level_id = self.level
        return self.level_type

    def set_entity(self):
        self.set_level()
        self.entity_a.b2b_pricelist_id = self.wholesale
        return self.wholesale

    def set_contract(self):
        self.set_entity()
        self.contract_a.pricelist_id = self.large
        return self.large

    def places(self):
        return {
            "company": self.set_company_default,
            "group": self.set_group,
            "level": self.set_level,
            "entity": self.set_entity,
            "contract": self.set_contract,
        }

    def odoo_price(self, pricelist, product, qty=1.0):
        return pricelist._get_products_price(product, qty)[product.id]

    def test_every_path_takes_the_resolved_price_type(self):
        entity, contract = self.entity_a, self.contract_a
        # each place adds one that goes before the previous ones
        for place, setup in self.places().items():
            with self.subTest(place=place):
                expected = setup()
                self.assertEqual(entity._b2b_pricelist(contract), expected)
                # catalog: the page's prices and the price lines
                prices, currency = entity.with_user(self.buyer_a)._b2b_prices(
                    self.product | self.product_2, contract
                )
                self.assertAlmostEqual(
                    prices[self.product.id], self.odoo_price(expected, self.product)
                )
                self.assertEqual(currency, expected.currency_id)
                line = self.price(entity, self.product_2, 3, contract)
                self.assertIsInstance(line, PriceLine)
                self.assertEqual(line.pricelist, expected)
                # a new cart
                cart = self.buyer_a._b2b_current_cart(entity, create=True)
                self.assertEqual(cart.b2b_contract_id, contract)
                self.assertEqual(cart.pricelist_id, expected)
                cart.unlink()
                # the quick order preview
                parsed = parse_order_text("BOLT-8;3")
                preview = (
                    self.env["b2b.quick.order"]
                    .with_user(self.buyer_a)
                    ._b2b_preview(entity, parsed.rows, parsed.errors)
                )
                self.assertAlmostEqual(
                    preview["lines"][0]["price_unit"],
                    self.odoo_price(expected, self.product, 3),
                )
                # a quotation of the back office, with and without a contract
                Order = self.env["sale.order"]
                quotation = Order.create(
                    {"partner_id": entity.id, "b2b_contract_id": contract.id}
                )
                self.assertEqual(quotation.pricelist_id, expected)
                bare = Order.create({"partner_id": entity.id})
                self.assertEqual(
                    bare.pricelist_id, entity._b2b_pricelist(bare.b2b_contract_id)
                )

    def test_checkout_under_another_contract(self):
        self.set_entity()
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        cart._b2b_add_products({self.product: 2})
        self.assertEqual(cart.pricelist_id, self.wholesale)
        self.assertAlmostEqual(cart.order_line.price_unit, 90.0)
        order = cart._b2b_checkout(
            "tok-price-type", self.contract_a2, version=cart.b2b_version
        )
        resolved = self.entity_a._b2b_pricelist(self.contract_a2)
        self.assertEqual(resolved, self.other_type)
        self.assertEqual(order.pricelist_id, resolved)
        self.assertAlmostEqual(
            order.order_line.price_unit, self.odoo_price(resolved, self.product, 2)
        )
        # the contract's own helper asks the same resolver
        self.assertEqual(self.contract_a2._b2b_pricelist(), resolved)

    def test_a_back_office_contract_change_reprices(self):
        self.set_entity()
        order = self.env["sale.order"].create(
            {"partner_id": self.entity_a.id, "b2b_contract_id": self.contract_a.id}
        )
        self.assertEqual(order.pricelist_id, self.wholesale)
        order.b2b_contract_id = self.contract_a2
        self.assertEqual(order.pricelist_id, self.other_type)

    def test_customers_outside_b2b_keep_odoo_price_list(self):
        self.set_contract()
        retail = self.env["product.pricelist"].create({"name": "Retail (test)"})
        person = self.env["res.partner"].create(
            {"name": "Walk-in customer", "property_product_pricelist": retail.id}
        )
        order = self.env["sale.order"].create({"partner_id": person.id})
        self.assertEqual(order.pricelist_id, retail)

    def test_entry_points_owned_by_b2b_portal(self):
        """b2b_pricelist fills ``_b2b_pricelist`` and ``_b2b_price_lines``;
        nobody overrides the helpers built on them."""

        def owners(model, method):
            return {
                cls.__module__.split(".")[2]
                for cls in type(self.env[model]).__mro__
                if method in vars(cls) and cls.__module__.startswith("odoo.addons.")
            }

        self.assertEqual(owners("res.partner", "_b2b_prices"), {"b2b_portal"})
        self.assertEqual(owners("b2b.contract", "_b2b_pricelist"), {"b2b_portal"})
        # Odoo's sale (and website_sale, when installed) aside
        self.assertEqual(
            owners("sale.order", "_compute_pricelist_id") - {"sale", "website_sale"},
            {"b2b_portal"},
        )
        for method in ("_b2b_pricelist", "_b2b_price_lines"):
            self.assertEqual(
                owners("res.partner", method), {"b2b_portal", "b2b_pricelist"}
            )
