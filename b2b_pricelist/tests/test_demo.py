from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.convert import convert_file


@tagged("post_install", "-at_install")
class TestPricelistDemo(HttpCase):
    """b2b_portal's demo generator, then this addon's demo data, in a
    database installed without demo data: prices that differ, visibly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["b2b.demo"]._load_demo()
        convert_file(
            cls.env,
            "b2b_pricelist",
            "demo/b2b_pricelist_demo.xml",
            {},
            mode="init",
            noupdate=True,
        )
        cls.company = cls.env.ref("b2b_portal.supplier_company_demo")
        cls.buyer = cls.env.ref("b2b_portal.user_buyer_demo")
        cls.stroydvor = cls.env.ref("b2b_portal.entity_stroydvor_demo")
        cls.tekhnosnab = cls.env.ref("b2b_portal.entity_tekhnosnab_demo")
        Product = cls.env["product.product"].with_company(cls.company)
        cls.catalog = Product.search(
            Product._b2b_catalog_domain(cls.stroydvor, cls.company)
        )

    def lines(self, entity, qty=1.0):
        return entity.with_company(self.company)._b2b_price_lines(
            [(product, qty, None) for product in self.catalog],
            entity._b2b_default_contract(),
        )

    def test_buyer_entities_see_different_prices(self):
        self.assertEqual(self.buyer._b2b_entities(), self.stroydvor | self.tekhnosnab)
        prices = []
        for entity in (self.stroydvor, self.tekhnosnab):
            price_of, currency = entity.with_company(self.company)._b2b_prices(
                self.catalog, entity._b2b_default_contract()
            )
            self.assertEqual(currency.name, "RUB")
            prices.append(price_of)
        differ = [p for p in self.catalog.ids if prices[0][p] != prices[1][p]]
        self.assertGreater(len(differ), len(self.catalog) * 0.9)
        screw = self.catalog.filtered(lambda p: p.default_code == "SCR-01001")
        self.assertAlmostEqual(
            prices[0][screw.id], screw.currency_id.round(screw.lst_price * 0.95)
        )
        self.assertAlmostEqual(
            prices[1][screw.id], screw.currency_id.round(screw.lst_price * 0.90)
        )

    def test_contracts_leave_the_group_price_type(self):
        for entity, pricelist in (
            (self.stroydvor, "b2b_pricelist.price_type_wholesale_demo"),
            (self.tekhnosnab, "b2b_pricelist.price_type_large_wholesale_demo"),
            (
                self.env.ref("b2b_portal.entity_uralkomplekt_demo"),
                "b2b_pricelist.price_type_dealer_demo",
            ),
        ):
            contract = entity._b2b_default_contract()
            self.assertTrue(contract)
            found, kind, _source = entity._b2b_resolve_pricelist(contract)
            self.assertEqual((found, kind), (self.env.ref(pricelist), "group"))
            self.assertEqual(found.currency_id.name, "RUB")
            self.assertEqual(found.company_id, self.company)

    def test_breaks_order_rules_and_attributes(self):
        with_break = [line for line in self.lines(self.stroydvor) if line.next_qty]
        self.assertGreaterEqual(len(with_break), 20)
        self.assertTrue(all(li.next_price < li.price_unit for li in with_break))
        self.assertGreaterEqual(
            len([li for li in self.lines(self.tekhnosnab) if li.next_qty]), 20
        )
        ruled = self.catalog.filtered(
            lambda p: p.b2b_min_qty and p.b2b_multiple
        ).product_tmpl_id
        self.assertGreaterEqual(len(ruled), 20)
        dish = ruled.filtered(lambda t: t.default_code.startswith("DSH"))[:1]
        self.assertEqual((dish.b2b_min_qty, dish.b2b_multiple), (24, 12))
        with_specs = self.catalog.filtered(
            lambda p: len(p.product_template_attribute_value_ids) >= 3
        )
        self.assertGreaterEqual(len(with_specs), 30)

    def test_levels_in_roubles_and_progress(self):
        levels = self.env["b2b.level"]._b2b_ladder(self.company)
        self.assertEqual(levels.mapped("name"), ["Базовый", "Серебро", "Золото"])
        self.assertEqual(levels.currency_id.name, "RUB")
        base, silver, _gold = levels
        self.assertEqual(self.stroydvor.b2b_level_id, base)
        self.assertEqual(self.tekhnosnab.b2b_level_id, base)
        progress = self.stroydvor.with_company(self.company)._b2b_level_progress()
        self.assertEqual(progress["next_level"], silver)
        self.assertAlmostEqual(progress["missing"], 18450.0)
        self.assertEqual(progress["currency"].name, "RUB")
        self.authenticate("b2b_buyer", "b2b_buyer")
        page = self.url_open("/my/b2b").text
        self.assertIn("Серебро", page)
        self.assertRegex(page, r"18\D{0,8}450")

    def test_history_records_the_real_change(self):
        base, silver = self.env["b2b.level"]._b2b_ladder(self.company)[:2]
        first = self.stroydvor.b2b_level_history_ids
        self.assertEqual(
            (first.previous_level_id, first.level_id), (base.browse(), base)
        )
        self.assertEqual(first.currency_id.name, "RUB")
        # an invoice of 20,000 ₽ crosses the threshold of «Серебро»
        move = (
            self.env["account.move"]
            .with_company(self.company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.stroydvor.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Болты", "quantity": 1, "price_unit": 20000}
                        )
                    ],
                }
            )
        )
        move.invoice_line_ids.tax_ids = False
        move.action_post()
        self.assertEqual(self.stroydvor.b2b_level_id, silver)
        last = self.stroydvor.b2b_level_history_ids.sorted("id")[-1]
        self.assertEqual((last.previous_level_id, last.level_id), (base, silver))
        self.assertAlmostEqual(last.turnover, 301550.0)
        # a silver entity is priced by the level's price type
        self.assertEqual(
            self.stroydvor._b2b_pricelist(self.stroydvor._b2b_default_contract()),
            silver.pricelist_id,
        )
