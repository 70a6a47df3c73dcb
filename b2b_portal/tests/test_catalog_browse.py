from unittest.mock import patch

from lxml import html

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import B2bCommon, B2bHttpMixin
from .pager import PagerWalkMixin

MODEL = "odoo.addons.b2b_portal.models.product_product"
ROWS = "//tr[contains(@class, 'o_b2b_row')]/@data-sku"
FACETS = "string(//form[contains(@class, 'o_b2b_facets')])"


@tagged("post_install", "-at_install")
class TestCatalogBrowse(PagerWalkMixin, B2bHttpMixin, B2bCommon, HttpCase):
    """Pager, search, sort and count of /my/b2b/catalog, over HTTP, on 66
    products with a coating attribute: 4 pages of 20."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["product.category"].create({"name": "Винты тест"})
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
        sizes = [(f"5×{n}", f"50{n}") for n in range(10, 35)]
        sizes += [(f"6×40, серия {k}", f"640{k}") for k in range(1, 9)]
        templates = cls.env["product.template"].create(
            [
                {
                    "name": f"Винт тестовый {name}",
                    "categ_id": cls.category.id,
                    "list_price": 10.0 + n,
                    "sale_ok": True,
                    "attribute_line_ids": [
                        Command.create(
                            {
                                "attribute_id": cls.coating.id,
                                "value_ids": [Command.set(cls.coating.value_ids.ids)],
                            }
                        )
                    ],
                }
                for n, (name, _code) in enumerate(sizes)
            ]
        )
        for template, (_name, code) in zip(templates, sizes, strict=True):
            for variant in template.product_variant_ids:
                value = variant.product_template_attribute_value_ids
                suffix = "Z" if value.product_attribute_value_id == cls.zinc else "N"
                variant.default_code = f"VNT-{code}-{suffix}"
        cls.variants = templates.product_variant_ids
        cls.skus = sorted(cls.variants.mapped("default_code"))

    def catalog(self, query):
        return f"/my/b2b/catalog?category={self.category.id}&{query}"

    def _skus(self, response):
        return html.fromstring(response.text).xpath(ROWS)

    def found(self, search):
        response = self.url_open(
            "/my/b2b/catalog?ppg=100&" + f"search={search}".replace("\n", "%0A")
        )
        self.assertEqual(response.status_code, 200)
        return sorted(self._skus(response))

    # -- pager ----------------------------------------------------------------
    def test_every_pager_link_answers_with_its_rows(self):
        self.authenticate("buyer_a", "buyer_a")
        pages = self.walk_pager(self.catalog("ppg=20"), ROWS)
        self.assertEqual(sorted(pages), [1, 2, 3, 4])
        self.assertEqual([len(pages[n]) for n in (1, 2, 3, 4)], [20, 20, 20, 6])
        self.assertEqual(self.walked_rows(pages), self.skus)

    def test_a_bounded_count_still_pages_to_the_last_row(self):
        # the count stops at 20: each page counts up to itself and offers
        # one more, so the walk still reaches the 66th row
        self.authenticate("buyer_a", "buyer_a")
        with patch(f"{MODEL}.COUNT_LIMIT", 20):
            first = self.url_open(self.catalog("ppg=20")).text
            pages = self.walk_pager(self.catalog("ppg=20"), ROWS)
            deep = self.url_open(f"/my/b2b/catalog/page/3?category={self.category.id}")
        self.assertIn("Found 20+ products", first)
        self.assertIn(f"{self.category.display_name} (20+)", first)
        self.assertRegex(html.fromstring(first).xpath(FACETS), r"\(\d+\+\)")
        self.assertEqual([len(pages[n]) for n in (1, 2, 3, 4)], [20, 20, 20, 6])
        self.assertEqual(self.walked_rows(pages), self.skus)
        self.assertIn("Found 60+ products", deep.text)
        self.assertEqual(self._skus(deep), self.skus[40:60])

    def test_pager_links_keep_search_filter_and_sort(self):
        self.authenticate("buyer_a", "buyer_a")
        url = self.catalog(f"search=Винт&attr={self.zinc.id}&sort=name&ppg=20")
        pages = self.walk_pager(url, ROWS)
        self.assertEqual(sorted(pages), [1, 2])
        zinc = self.variants.filtered(
            lambda v: self.zinc
            in v.product_template_attribute_value_ids.mapped(
                "product_attribute_value_id"
            )
        )
        expected = zinc.sorted(lambda v: (v.name, v.id)).mapped("default_code")
        self.assertEqual(self.walked_rows(pages), expected)

    def test_page_path_and_older_page_argument(self):
        self.authenticate("buyer_a", "buyer_a")
        by_path = self._skus(
            self.url_open(
                self.catalog("ppg=20").replace(
                    "/my/b2b/catalog?", "/my/b2b/catalog/page/3?"
                )
            )
        )
        by_arg = self._skus(self.url_open(self.catalog("ppg=20&page=3")))
        self.assertEqual(by_path, self.skus[40:60])
        self.assertEqual(by_arg, by_path)
        beyond = self.url_open(
            f"/my/b2b/catalog/page/99?ppg=20&category={self.category.id}"
        )
        self.assertEqual(beyond.status_code, 200)
        self.assertEqual(self._skus(beyond), self.skus[60:], "the last page")

    def test_add_to_cart_returns_to_the_same_page(self):
        self.authenticate("buyer_a", "buyer_a")
        product = self.variants.filtered(lambda v: v.default_code == self.skus[45])
        response = self.post(
            "/my/b2b/cart/add",
            {f"qty_{product.id}": "2"},
            category=self.category.id,
            ppg=20,
            page=3,
        )
        self.assertEqual(response.status_code, 303)
        location = response.headers["Location"]
        self.assertIn("/my/b2b/catalog/page/3?", location)
        self.assertEqual(self._skus(self.url_open(location)), self.skus[40:60])

    # -- search ---------------------------------------------------------------
    def test_sizes_typed_with_x_star_or_times(self):
        self.authenticate("buyer_a", "buyer_a")
        expected = [sku for sku in self.skus if sku.startswith("VNT-640")]
        self.assertEqual(len(expected), 16)
        for text in ("6x40", "6×40", "6*40", "6Х40", "6 x 40"):
            with self.subTest(text=text):
                self.assertEqual(self.found(text.replace("*", "%2A")), expected)

    def test_several_skus(self):
        self.authenticate("buyer_a", "buyer_a")
        wanted = ["VNT-5010-N", "VNT-5011-Z", "VNT-6403-N"]
        for separator in (" ", ",", ", ", "\n", ";"):
            with self.subTest(separator=separator):
                text = separator.join(wanted).replace(" ", "%20")
                self.assertEqual(self.found(text), wanted)
        self.assertEqual(self.found("vnt-5010-n%20VNT-5011-Z"), wanted[:2])
        # no code exact: parts of SKUs, any of them
        self.assertEqual(
            self.found("VNT-5010,VNT-6403"),
            ["VNT-5010-N", "VNT-5010-Z", "VNT-6403-N", "VNT-6403-Z"],
        )

    def test_percent_and_underscore_are_plain_characters(self):
        self.env["product.product"].create(
            [
                {"name": "Скоба 100% сталь", "default_code": "SKB-100"},
                {"name": "Скоба оцинкованная", "default_code": "SKB_200"},
            ]
        )
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(self.found("%25"), ["SKB-100"])
        self.assertEqual(self.found("_"), ["SKB_200"])
        self.assertEqual(self.found("VNT_5010"), [], "_ is not any character")
        self.assertEqual(self.found("VNT%255010"), [], "% is not any text")

    def test_search_without_results_says_so(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=нет-такого-товара").text
        self.assertIn("o_b2b_nothing", page)
        self.assertIn("Nothing found for “нет-такого-товара”", page)
        self.assertNotIn("o_b2b_total", page)

    # -- count and sort by price ----------------------------------------------
    def test_result_count(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(self.catalog("ppg=20")).text
        self.assertIn("Found 66 products", page)
        page = self.url_open("/my/b2b/catalog?search=VNT-5010-N").text
        self.assertIn("Found 1 product<", page)

    def test_sort_by_the_entitys_own_price(self):
        # list prices grow with the SKU; entity A's price list sells the
        # last SKU for 1.00 and takes 90% off the first 6×40 template
        cheap = self.variants.filtered(lambda v: v.default_code == self.skus[-1])
        discounted = self.variants.filtered(
            lambda v: v.default_code == "VNT-6401-N"
        ).product_tmpl_id
        self.pricelist_a.item_ids = [
            Command.create(
                {
                    "applied_on": "0_product_variant",
                    "product_id": cheap.id,
                    "compute_price": "fixed",
                    "fixed_price": 1.0,
                }
            ),
            Command.create(
                {
                    "applied_on": "1_product",
                    "product_tmpl_id": discounted.id,
                    "compute_price": "percentage",
                    "percent_price": 90.0,
                }
            ),
        ]
        self.authenticate("buyer_a", "buyer_a")
        prices, _currency = self.entity_a._b2b_prices(self.variants, self.contract_a)
        by_price = self.variants.sorted(
            lambda v: (prices[v.id], v.default_code)
        ).mapped("default_code")
        self.assertEqual(by_price[:3], [cheap.default_code, "VNT-6401-N", "VNT-6401-Z"])
        pages = self.walk_pager(self.catalog("sort=price&ppg=20"), ROWS)
        self.assertEqual(self.walked_rows(pages), by_price)
        pages = self.walk_pager(self.catalog("sort=price_desc&ppg=20"), ROWS)
        self.assertEqual(self.walked_rows(pages)[-1], cheap.default_code)
        self.assertEqual(
            sorted(self.walked_rows(pages)), sorted(by_price), "every row once"
        )

    def test_uniform_price_type_sorts_any_number_in_the_database(self):
        # 10% off everything, and a dearer price list for entity A on top:
        # the same increasing function of the sales price for all products
        base = self.env["product.pricelist"].create(
            {
                "name": "Base -10%",
                "item_ids": [
                    Command.create({"compute_price": "percentage", "percent_price": 10})
                ],
            }
        )
        self.pricelist_a.item_ids = [
            Command.create(
                {
                    "compute_price": "formula",
                    "base": "pricelist",
                    "base_pricelist_id": base.id,
                    "price_discount": -5,
                    "price_round": 1.0,
                }
            ),
            # quantity breaks do not change the price of one unit
            Command.create(
                {
                    "applied_on": "1_product",
                    "product_tmpl_id": self.variants[0].product_tmpl_id.id,
                    "min_quantity": 100,
                    "compute_price": "fixed",
                    "fixed_price": 0.5,
                }
            ),
        ]
        self.assertEqual(self.pricelist_a._b2b_price_sort_base(), "list_price")
        self.authenticate("buyer_a", "buyer_a")
        with patch(f"{MODEL}.PRICE_SORT_LIMIT", 10):
            response = self.url_open(self.catalog("sort=price_desc&ppg=20"))
        self.assertNotIn("More than 10 products match", response.text)
        prices, _currency = self.entity_a._b2b_prices(self.variants, self.contract_a)
        by_price = self.variants.sorted(lambda v: (-prices[v.id], v.default_code))
        self.assertEqual(self._skus(response), by_price[:20].mapped("default_code"))

    def test_price_sort_of_too_many_products_falls_back_to_sku(self):
        self.pricelist_a.item_ids = [
            Command.create(
                {
                    "applied_on": "2_product_category",
                    "categ_id": self.category.id,
                    "compute_price": "percentage",
                    "percent_price": 5,
                }
            )
        ]
        self.assertIsNone(self.pricelist_a._b2b_price_sort_base())
        self.authenticate("buyer_a", "buyer_a")
        with patch(f"{MODEL}.PRICE_SORT_LIMIT", 50):
            response = self.url_open(self.catalog("sort=price&ppg=20"))
        self.assertIn("More than 50 products match", response.text)
        self.assertEqual(self._skus(response), self.skus[:20])

    # -- tour -----------------------------------------------------------------
    def test_tour_pages_searches_filters_and_adds_five_rows(self):
        self.start_tour(
            self.catalog("ppg=20"), "b2b_portal_catalog_browse", login="buyer_a"
        )
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(
            sorted(cart.order_line.product_id.mapped("default_code")),
            [f"VNT-640{k}-Z" for k in range(1, 6)],
        )
        self.assertEqual(sum(cart.order_line.mapped("product_uom_qty")), 15)
