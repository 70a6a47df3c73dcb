from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import B2bCommon


@tagged("post_install", "-at_install")
class TestCatalogQueries(B2bCommon, HttpCase):
    """A catalog page costs the same number of queries for 20 and 100 rows."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        products = cls.env["product.product"].create(
            [
                {
                    "name": f"Query item {n}",
                    "default_code": f"QRY-{n:04d}",
                    "is_storable": True,
                    "b2b_rrp": 10.0,
                }
                for n in range(120)
            ]
        )
        cls.add_stock(dict.fromkeys(products[::3], 10))

    def count(self, url):
        self.url_open(url)  # warm the caches (registry, templates, session)
        before = self.cr.sql_log_count
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - before, response.text.count('class="o_b2b_row"')

    def test_query_count_does_not_grow_with_the_page(self):
        self.authenticate("buyer_a", "buyer_a")
        small, rows_small = self.count("/my/b2b/catalog?search=QRY&ppg=20")
        large, rows_large = self.count("/my/b2b/catalog?search=QRY&ppg=100")
        self.assertEqual((rows_small, rows_large), (20, 100))
        self.assertLessEqual(small, 60)
        self.assertLessEqual(large, 60)
        self.assertLessEqual(
            large - small, 2, f"20 rows: {small} queries, 100 rows: {large}"
        )

    def test_in_stock_filter_costs_what_the_plain_page_costs(self):
        # free stock comes from a subquery on the quants: no free_qty
        # computed for the whole catalog
        self.authenticate("buyer_a", "buyer_a")
        plain, _rows = self.count("/my/b2b/catalog?search=QRY&ppg=100")
        in_stock, rows = self.count("/my/b2b/catalog?search=QRY&ppg=100&in_stock=1")
        self.assertEqual(rows, 40)
        # + 1 for the subquery's own read, + 1 for the count: the plain
        # search counts nothing (searched within the catalog, the products
        # found are the page's), a filtered one counts what the filter keeps
        self.assertLessEqual(in_stock, plain + 2, f"{plain} → {in_stock}")

    def test_price_sort_costs_the_same_for_20_and_100_rows(self):
        self.authenticate("buyer_a", "buyer_a")
        product = self.env["product.product"].search(
            [("default_code", "=", "QRY-0007")]
        )
        # first a price type sorted by the database, then one with a
        # product rule: all 120 products priced in one batch
        for items in ([], [{"applied_on": "0_product_variant", "fixed_price": 1}]):
            self.pricelist_a.item_ids = [
                Command.create(
                    {"compute_price": "fixed", "product_id": product.id, **item}
                )
                for item in items
            ]
            with self.subTest(rules=len(items)):
                small, rows_small = self.count(
                    "/my/b2b/catalog?search=QRY&sort=price&ppg=20"
                )
                large, rows_large = self.count(
                    "/my/b2b/catalog?search=QRY&sort=price&ppg=100"
                )
                self.assertEqual((rows_small, rows_large), (20, 100))
                self.assertLessEqual(small, 60)
                self.assertLessEqual(
                    large - small, 2, f"20 rows: {small} queries, 100 rows: {large}"
                )
