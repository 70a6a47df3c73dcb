from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestDemo(TransactionCase):
    """The demo generator, run in a database installed without demo data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # as Odoo's demo data has them: a desk for sale, a contact tag
        cls.desk = cls.env["product.template"].create(
            {
                "name": "Office desk",
                "categ_id": cls.env.ref("product.product_category_goods").id,
            }
        )
        cls.vendor_tag = cls.env["res.partner.category"]._load_records(
            [
                {
                    "xml_id": "base.res_partner_category_b2b_test",
                    "values": {"name": "Vendor"},
                }
            ]
        )
        cls.env["b2b.demo"]._load_demo()
        cls.company = cls.env.ref("b2b_portal.supplier_company_demo")
        cls.products = cls.env["product.product"].search(
            [("default_code", "!=", False), ("product_tmpl_id.b2b_rrp", ">", 0)]
        )

    def test_supplier_in_rub(self):
        self.assertEqual(self.company.currency_id, self.env.ref("base.RUB"))
        self.assertEqual(self.company.country_id.code, "RU")
        self.assertFalse(self.company.partner_id._b2b_check_identifiers())
        self.assertTrue(self.company.chart_template, "the supplier can invoice")

    def test_catalog(self):
        self.assertGreaterEqual(len(self.products), 300)
        self.assertTrue(all(self.products.mapped("barcode")))
        self.assertTrue(all(p.is_storable for p in self.products))
        self.assertGreaterEqual(len(self.products.categ_id.parent_id), 5)
        boxes = self.products.product_tmpl_id.uom_ids
        self.assertTrue(boxes.filtered(lambda u: u.name.startswith("Box")))
        self.assertTrue(boxes.filtered(lambda u: u.name.startswith("Pallet")))
        # counted in pieces, "шт" in Russian, as a Russian invoice says
        unit = self.env.ref("uom.product_uom_unit").with_context(lang="ru_RU")
        self.assertEqual(unit.name, "шт")
        self.assertEqual(self.products.with_context(lang="ru_RU").uom_id, unit)
        for box in boxes.with_context(lang="ru_RU"):
            kind = "Коробка" if box.b2b_packaging == "box" else "Паллета"
            size = int(box.relative_factor)
            self.assertEqual(box.name, f"{kind} ({size} шт)")
        screw = self.products.filtered(lambda p: p.default_code == "SCR-01001")
        self.assertEqual(
            screw.with_context(lang="en_US").name, "Wood screw 3.5×25 mm, 200 pcs"
        )
        self.assertEqual(
            screw.with_context(lang="ru_RU").name, "Саморез по дереву 3,5×25 мм, 200 шт"
        )
        self.assertGreater(screw.with_company(self.company).standard_price, 0)

    def test_attributes_to_filter_by(self):
        attributes = self.env["product.attribute"].browse(
            [
                self.env.ref(f"b2b_portal.attribute_{key}_demo").id
                for key in ("diameter", "length", "material", "coating")
            ]
        )
        self.assertEqual(
            attributes.with_context(lang="ru_RU").mapped("name"),
            ["Диаметр", "Длина", "Материал", "Покрытие"],
        )
        specs = self.products.filtered("product_template_attribute_value_ids")
        self.assertGreaterEqual(len(specs), 30)
        # one value per attribute: each product keeps its single variant
        self.assertEqual(
            set(specs.product_tmpl_id.mapped("product_variant_count")), {1}
        )
        for attribute in attributes:
            self.assertGreaterEqual(
                len(
                    specs.filtered(
                        lambda p, a=attribute: a in p.attribute_line_ids.attribute_id
                    )
                ),
                30 if attribute.name != "Coating" else 20,
            )
        # the catalog's filter: products of one value
        m8 = self.env["product.attribute.value"].search(
            [("attribute_id", "=", attributes[0].id), ("name", "=", "M8")]
        )
        bolts = self.products.search(
            [
                ("id", "in", self.products.ids),
                (
                    "product_template_attribute_value_ids.product_attribute_value_id",
                    "=",
                    m8.id,
                ),
            ]
        )
        self.assertEqual(len(bolts), 5)
        self.assertTrue(all(b.default_code.startswith("BLT") for b in bolts))

    def test_no_odoo_samples(self):
        """The catalog, the assortment rules and the customer groups hold the
        supplier's records, not Odoo's samples."""
        self.assertFalse(self.desk.active)
        self.assertFalse(self.vendor_tag.active)
        self.assertTrue(self.env.ref("b2b_portal.group_wholesale_demo").active)
        root = self.env.ref("b2b_portal.categ_root_demo")
        sections = self.env["product.category"].search([("b2b_in_catalog", "=", True)])
        tree = self.env["product.category"].search([("id", "child_of", root.id)])
        self.assertFalse(sections - tree)
        self.assertLessEqual(self.products.categ_id, sections)
        self.assertIn(root, sections)
        self.assertNotIn(self.env.ref("product.product_category_goods"), sections)

    def test_stock_and_incoming(self):
        products = self.products.with_company(self.company)
        on_hand = products.filtered(lambda p: p.qty_available > 0)
        self.assertGreater(len(on_hand), len(products) * 0.8)
        self.assertTrue(products.filtered(lambda p: p.qty_available == 0))
        moves = self.env["stock.move"].search(
            [
                ("product_id", "in", products.ids),
                ("picking_code", "=", "incoming"),
                ("state", "not in", ("done", "cancel")),
            ]
        )
        self.assertTrue(moves)
        self.assertTrue(
            all(m.date > m.create_date for m in moves), "dated in the future"
        )
        self.assertTrue(
            all(p.incoming_qty > 0 for p in moves.product_id.with_company(self.company))
        )

    def test_customers_and_groups(self):
        entities = (
            self.env.ref("b2b_portal.entity_stroydvor_demo")
            | self.env.ref("b2b_portal.entity_tekhnosnab_demo")
            | self.env.ref("b2b_portal.entity_uralkomplekt_demo")
        )
        for entity in entities:
            self.assertTrue(entity.vat and entity.b2b_kpp and entity.company_registry)
            self.assertFalse(entity._b2b_check_identifiers(), entity.name)
            self.assertTrue(entity.category_id)
            self.assertEqual(entity.bank_ids.bank_id.bic, "044525225")
        self.assertEqual(
            set(entities.category_id.with_context(lang="en_US").mapped("name")),
            {"Wholesale", "Large wholesale", "Dealers"},
        )

    def test_users(self):
        buyer = self.env.ref("b2b_portal.user_buyer_demo")
        manager = self.env.ref("b2b_portal.user_manager_demo")
        self.assertTrue(buyer._is_portal())
        self.assertEqual(len(buyer._b2b_entities()), 2)
        for entity in buyer._b2b_entities():
            # the demo buyer can order for both entities at once
            self.assertEqual(entity.b2b_state, "approved")
            self.assertEqual(entity._b2b_order_blockers(), [])
        self.assertEqual(
            buyer.partner_id.commercial_partner_id,
            self.env.ref("b2b_portal.entity_stroydvor_demo"),
        )
        self.assertTrue(manager.has_group("b2b_portal.group_b2b_manager"))
        self.assertEqual(manager.company_id, self.company)
        self.assertEqual(
            self.env.ref("b2b_portal.entity_stroydvor_demo").user_id, manager
        )

    def test_idempotent(self):
        count = self.env["product.template"].search_count([])
        self.env["b2b.demo"]._load_demo()
        self.assertEqual(self.env["product.template"].search_count([]), count)

    def test_portal_activity(self):
        pending = self.env.ref("b2b_portal.entity_novastroy_demo")
        self.assertEqual(pending.b2b_state, "pending")
        self.assertTrue(pending.activity_ids, "waits in the verification queue")
        news = self.env["b2b.news"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref("b2b_portal.news_prices_demo").id,
                        self.env.ref("b2b_portal.news_large_demo").id,
                        self.env.ref("b2b_portal.news_dealers_demo").id,
                    ],
                )
            ]
        )
        self.assertEqual(len(news), 3)
        stroydvor = self.env.ref("b2b_portal.entity_stroydvor_demo")
        orders = self.env["sale.order"].search(
            [("b2b_entity_id", "=", stroydvor.id), ("b2b_is_cart", "=", False)]
        )
        self.assertEqual(set(orders.mapped("state")), {"sale", "sent"})
        buyer = self.env.ref("b2b_portal.user_buyer_demo")
        self.assertEqual(len(buyer._b2b_current_cart(stroydvor).order_line), 3)

    def test_supplier_is_a_vat_payer(self):
        company = self.company
        self.assertEqual(company.account_sale_tax_id.amount, 22)
        self.assertTrue(company.account_sale_tax_id.price_include)
        self.assertEqual(company.currency_id.symbol, "₽")
        taxes = self.products.with_company(company).taxes_id
        self.assertEqual(set(taxes.mapped("amount")), {22.0, 10.0})
        self.assertTrue(all(taxes.mapped("price_include")))
        reduced = self.products.filtered(lambda p: p.taxes_id.amount == 10)
        self.assertTrue(reduced and len(reduced) < len(self.products) / 5)
        stroydvor = self.env.ref("b2b_portal.entity_stroydvor_demo")
        order = self.env["sale.order"].search(
            [("b2b_entity_id", "=", stroydvor.id), ("state", "=", "sale")], limit=1
        )
        self.assertNotIn("Export", order.fiscal_position_id.name or "")
        self.assertEqual(set(order.order_line.tax_ids.mapped("amount")) - {10.0}, {22})
        self.assertGreater(order.amount_tax, 0)
        self.assertTrue(order._b2b_taxes_included())
        self.assertAlmostEqual(
            order.amount_total, sum(order.order_line.mapped("price_total"))
        )

    def test_supplier_requisites(self):
        company = self.company
        self.assertTrue(company.b2b_kpp and company.vat and company.company_registry)
        self.assertTrue(company.b2b_director_name and company.b2b_accountant_name)
        account = company.partner_id.bank_ids
        self.assertEqual(len(account), 1)
        self.assertEqual(account.bank_id.bic, "044525593")
        self.assertEqual(len(account.bank_id.b2b_corr_account), 20)
        self.assertFalse(company.partner_id._b2b_check_identifiers())
        requisites = company._b2b_requisites()
        self.assertNotIn(", ,", requisites["address"])
        self.assertIn(company.vat, requisites["ids"])

    def test_both_languages_and_russian_news(self):
        installed = dict(self.env["res.lang"].get_installed())
        self.assertIn("en_US", installed)
        self.assertIn("ru_RU", installed)
        news = self.env.ref("b2b_portal.news_large_demo").with_context(lang="ru_RU")
        self.assertIn("МКАД", news.body)
