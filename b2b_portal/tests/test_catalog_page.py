from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, MissingError
from odoo.tools import SQL

from ..tools.catalog_query import CatalogQuery
from .common import B2bCommon

MODEL = "odoo.addons.b2b_portal.models.product_product"


class TestCatalogPage(B2bCommon):
    """``product.product._b2b_catalog_page`` and
    ``_b2b_parse_order_quantities``, called as an API would: no request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["product.category"].create({"name": "Анкеры тест"})
        cls.other = cls.env["product.category"].create({"name": "Дюбели тест"})
        cls.coating = cls.env["product.attribute"].create(
            {
                "name": "Покрытие",
                "create_variant": "always",
                "value_ids": [
                    Command.create({"name": "без покрытия", "sequence": 1}),
                    Command.create({"name": "цинк", "sequence": 2}),
                ],
            }
        )
        cls.bare, cls.zinc = cls.coating.value_ids
        cls.coated = (
            cls.env["product.template"]
            .create(
                {
                    "name": "Анкер CPG с покрытием",
                    "categ_id": cls.category.id,
                    "list_price": 30.0,
                    "attribute_line_ids": [
                        Command.create(
                            {
                                "attribute_id": cls.coating.id,
                                "value_ids": [Command.set(cls.coating.value_ids.ids)],
                            }
                        )
                    ],
                }
            )
            .product_variant_ids
        )
        for n, variant in enumerate(cls.coated):
            variant.default_code = f"CPG-9{n}"
        cls.plain = cls.env["product.product"].create(
            [
                {
                    "name": f"Анкер CPG {n}",
                    "default_code": f"CPG-{n:02d}",
                    "categ_id": (cls.category if n < 3 else cls.other).id,
                    "list_price": 10.0 + n,
                    "is_storable": True,
                }
                for n in range(5)
            ]
        )
        cls.kilo = cls.env["product.product"].create(
            {
                "name": "Проволока CPG",
                "default_code": "CPG-KG",
                "uom_id": cls.env.ref("uom.product_uom_kgm").id,
                "categ_id": cls.other.id,
            }
        )
        stock = cls.env.ref("stock.warehouse0").lot_stock_id
        cls.env["stock.quant"]._update_available_quantity(cls.plain[0], stock, 7)

    def page(self, **query):
        return self.env["product.product"]._b2b_catalog_page(
            self.entity_a, CatalogQuery(**query)
        )

    def test_search_counts_and_prices(self):
        page = self.page(search="CPG")
        products = self.plain | self.coated | self.kilo
        self.assertEqual(page.total, 8)
        self.assertEqual(page.products, products.sorted("default_code"))
        self.assertEqual(set(page.prices), set(products.ids))
        self.assertEqual(page.prices[self.plain[1].id], 11.0)
        self.assertEqual(page.currency, self.pricelist_a.currency_id)
        self.assertEqual(page.contract, self.contract_a)
        self.assertEqual(dict(page.categories), {self.category: 5, self.other: 3})
        self.assertEqual(page.availability[self.plain[0].id]["free_qty"], 7)
        self.assertEqual(page.notices, [])
        (attribute, values), *_rest = page.facets
        self.assertEqual(attribute, self.coating)
        self.assertEqual(values, [(self.bare, 1), (self.zinc, 1)])

    def test_jit_is_off_for_the_page_only(self):
        # PostgreSQL's JIT compiles queries estimated over the whole catalog
        # (bench_catalog.py: 165 of 231 ms at 200,000 products): off for the
        # catalog's transaction, back to the server's setting after it
        self.cr.execute("SHOW jit")
        server = self.cr.fetchone()[0]
        self.cr.execute("SAVEPOINT catalog_jit")
        self.page(search="CPG", in_stock=True)
        self.cr.execute("SHOW jit")
        self.assertEqual(self.cr.fetchone()[0], "off")
        self.cr.execute("ROLLBACK TO SAVEPOINT catalog_jit")
        self.cr.execute("SHOW jit")
        self.assertEqual(self.cr.fetchone()[0], server)

    def test_archived_products_are_neither_shown_nor_counted(self):
        self.plain[4].active = False
        for search in ("CPG", "CPG-04 CPG-03", "анкер cpg"):
            with self.subTest(search=search):
                page = self.page(search=search)
                self.assertNotIn(self.plain[4], page.products)
                self.assertEqual(page.total, len(page.products))
                self.assertNotIn(self.plain[4].id, page.prices)

    def test_filters(self):
        # the category counts are of the search, before the category filter
        page = self.page(search="CPG", category=self.other.id)
        self.assertEqual(page.products, (self.plain[3:] | self.kilo))
        self.assertEqual(dict(page.categories)[self.category], 5)
        page = self.page(search="CPG", attr=(self.zinc.id,))
        self.assertEqual(page.products.mapped("default_code"), ["CPG-91"])
        page = self.page(search="CPG", in_stock=True)
        self.assertEqual(page.products, self.plain[0])

    def test_in_stock_is_free_stock_of_the_company(self):
        stock = self.env.ref("stock.warehouse0").lot_stock_id
        Quant = self.env["stock.quant"]
        # all of plain[1] reserved; plain[2] only outside the warehouses
        Quant._update_available_quantity(self.plain[1], stock, 4)
        Quant._update_reserved_quantity(self.plain[1], stock, 4)
        customers = self.env.ref("stock.stock_location_customers")
        Quant._update_available_quantity(self.plain[2], customers, 9)
        # plain[3] in another company's warehouse only
        other = self.env["res.company"].create({"name": "Другой поставщик"})
        elsewhere = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        Quant.with_company(other)._update_available_quantity(
            self.plain[3], elsewhere.lot_stock_id, 5
        )
        page = self.page(search="CPG", in_stock=True)
        self.assertEqual(page.products, self.plain[0])
        domain = self.env["product.product"]._b2b_in_stock_domain(self.env.company)
        self.assertEqual(
            self.env["product.product"].search(domain),
            self.env["product.product"]
            .with_context(allowed_company_ids=self.env.company.ids)
            .search([("free_qty", ">", 0)]),
        )

    def test_counts_stop_at_the_bound(self):
        # two words: the search itself is read whole (one word stops, below)
        with patch(f"{MODEL}.COUNT_LIMIT", 3):
            page = self.page(search="CPG PG", ppg=2)
            deep = self.page(search="CPG PG", page=3, ppg=2)
            last = self.page(search="CPG PG", page=4, ppg=2)
        self.assertEqual((page.total, page.more, page.counts_bounded), (3, True, True))
        self.assertEqual(sum(count for _categ, count in page.categories), 3)
        self.assertEqual(len(page.products), 2)
        # a page deeper than the bound is counted up to itself
        everything = (self.plain | self.coated | self.kilo).sorted("default_code")
        self.assertEqual((deep.total, deep.more, deep.offset), (6, True, 4))
        self.assertEqual(deep.products, everything[4:6])
        self.assertEqual((last.total, last.more), (8, False))
        self.assertEqual(last.products, everything[6:8])
        page = self.page(search="CPG")
        self.assertEqual(
            (page.total, page.more, page.counts_bounded), (8, False, False)
        )

    def test_one_word_found_past_the_bound_stops_there(self):
        everything = self.plain | self.coated | self.kilo
        with patch(f"{MODEL}.COUNT_LIMIT", 3):
            page = self.page(search="CPG", ppg=2)
            deep = self.page(search="CPG", page=3, ppg=2)
        self.assertEqual((page.total, page.more, page.counts_bounded), (3, True, True))
        self.assertIn("More than 3 products match “CPG”", page.notices[0])
        # a deeper page searches up to itself (and one more)
        self.assertEqual((deep.total, deep.more, deep.offset), (6, True, 4))
        self.assertIn("More than 6 products match", deep.notices[0])
        self.assertEqual(len(page.products | deep.products), 4)
        self.assertLessEqual(page.products | deep.products, everything)
        self.assertEqual(deep.products, deep.products.sorted("default_code"))
        # below the bound nothing is said
        self.assertEqual(self.page(search="CPG").notices, [])

    def test_pages_and_sorts(self):
        page = self.page(search="CPG", sort="price_desc", ppg=20)
        self.assertEqual(page.products[:2], self.coated.sorted("id"))
        self.assertEqual(page.products[-1], self.kilo)  # no price
        page = self.page(search="CPG", page=9, ppg=20)
        self.assertEqual((page.offset, page.total, len(page.products)), (0, 8, 8))

    def test_price_sort_reads_the_prices_in_order(self):
        # the query of a page sorted by sales price: with sequential scans
        # (and sorts) made dear, PostgreSQL reads it from the index on the
        # template's price if it has one, from every template otherwise
        query = (
            self.env["product.product"]
            .sudo()
            ._search(
                [("sale_ok", "=", True)],
                order="list_price desc, default_code asc, id asc",
                limit=20,
            )
        )
        self.cr.execute("SET LOCAL enable_seqscan = off")
        self.cr.execute("SET LOCAL enable_sort = off")
        self.cr.execute(SQL("EXPLAIN %s", query.select()))
        plan = "\n".join(row[0] for row in self.cr.fetchall())
        self.assertIn("product_template_b2b_list_price_idx", plan)

    def test_notices_of_the_query(self):
        terms = " ".join(f"t{n}" for n in range(60))
        query = CatalogQuery.from_params({"search": terms + " " + "x" * 1000})
        page = self.env["product.product"]._b2b_catalog_page(self.entity_a, query)
        self.assertEqual(page.total, 0)
        self.assertEqual(len(page.notices), 2)
        self.assertIn("1000", page.notices[0])
        self.assertIn("50", page.notices[1])

    def test_the_entity_sees_its_assortment(self):
        dealers = self.env["res.partner.category"].create(
            {"name": "Dealers", "partner_ids": [Command.link(self.entity_b.id)]}
        )
        self.other.b2b_group_ids = dealers
        page = self.page(search="CPG")
        self.assertEqual(
            set(page.products.ids), set((self.plain[:3] | self.coated).ids)
        )
        self.assertEqual(dict(page.categories), {self.category: 5})
        quantities, errors = self.env["product.product"]._b2b_parse_order_quantities(
            self.entity_a, {self.kilo.id: "1"}
        )
        self.assertEqual(quantities, {})
        self.assertIn("is not in your catalog", errors[0])

    def test_parse_order_quantities(self):
        Product = self.env["product.product"]
        foreign = self.env["product.product"].create(
            {"name": "Чужой", "sale_ok": False}
        )
        quantities, errors = Product._b2b_parse_order_quantities(
            self.entity_a,
            {
                self.plain[0].id: "1 200",
                self.plain[1].id: "1,5",
                self.plain[2].id: "abc",
                self.plain[3].id: "  ",
                self.kilo.id: "2,5",
                foreign.id: "3",
            },
        )
        self.assertEqual(quantities, {self.plain[0]: 1200, self.kilo: 2.5})
        self.assertEqual(len(errors), 3)
        self.assertIn("sold in whole units, not 1,5", errors[0])
        self.assertIn("“abc” is not a quantity", errors[1])
        self.assertIn(f"Product {foreign.id} is not in your catalog", errors[2])

    def test_cart_by_id(self):
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        for mode in ("read", "edit", "own"):
            self.assertEqual(
                self.buyer_a._b2b_cart_by_id(self.entity_a, cart.id, mode), cart
            )
        self.assertEqual(
            self.buyer_a._b2b_cart_by_id(self.entity_a, str(cart.id)), cart
        )
        for user, entity, cart_id in (
            (self.buyer_ab, self.entity_a, cart.id),  # a colleague's cart
            (self.buyer_ab, self.entity_b, cart.id),  # another entity's
            (self.buyer_a, self.entity_a, "abc"),
            (self.buyer_a, self.entity_a, 0),
            (self.buyer_a, self.entity_b, cart.id),  # not a member
        ):
            with self.subTest(user=user.login, entity=entity.name, id=cart_id):
                with self.assertRaises(MissingError):
                    user._b2b_cart_by_id(entity, cart_id)
        self.env["b2b.membership"].search(
            [("user_id", "=", self.buyer_a.id), ("entity_id", "=", self.entity_a.id)]
        ).role = "viewer"
        self.assertEqual(self.buyer_a._b2b_cart_by_id(self.entity_a, cart.id), cart)
        with self.assertRaises(AccessError):
            self.buyer_a._b2b_cart_by_id(self.entity_a, cart.id, "edit")
