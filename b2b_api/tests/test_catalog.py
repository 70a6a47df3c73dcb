import datetime

from odoo.tests import tagged

from odoo.addons.b2b_portal.tools.catalog_query import CatalogQuery

from ..controllers import schemas
from .common import B2bApiHttpCase


@tagged("post_install", "-at_install")
class TestApiCatalog(B2bApiHttpCase):
    """The catalog, one product and the price check: the entity's
    assortment and prices, as the portal computes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("API")
        cls.hidden = cls.env["product.product"].create(
            {
                "name": "Розничный товар",
                "default_code": "API-RETAIL",
                "list_price": 5.0,
                "categ_id": cls.create_hidden_category().id,
            }
        )
        cls.add_stock({cls.bolt: 40, cls.nut: 5})
        cls.receipt_date = cls.plan_receipt(cls.washer, 300, days=4)
        # entity A pays 9.00 for a bolt, 8.00 from 10
        cls.env["product.pricelist.item"].create(
            [
                {
                    "pricelist_id": cls.pricelist_a.id,
                    "applied_on": "0_product_variant",
                    "product_id": cls.bolt.id,
                    "compute_price": "fixed",
                    "fixed_price": price,
                    "min_quantity": qty,
                }
                for qty, price in ((0, 9.0), (10, 8.0))
            ]
        )
        cls.dozen = cls.env["uom.uom"].create(
            {
                "name": "Коробка 12",
                "relative_factor": 12,
                "relative_uom_id": cls.env.ref("uom.product_uom_unit").id,
            }
        )

    def catalog(self, secret=None, entity=None, **params):
        response = self.api(
            "GET",
            "/catalog",
            secret=secret,
            entity=entity or self.entity_a,
            params=params,
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertMatches(response.json(), schemas.CATALOG_PAGE)
        return response.json()

    def test_catalog_of_the_entity(self):
        items = {i["sku"]: i for i in self.catalog()["items"]}
        self.assertEqual(set(items), {"API-BOLT", "API-NUT", "API-WASHER"})
        bolt = items["API-BOLT"]
        self.assertEqual(bolt["price"]["unit_price"], 9.0)
        self.assertEqual(bolt["price"]["currency"], self.env.company.currency_id.name)
        self.assertEqual(bolt["stock"]["free_qty"], 40)
        washer = items["API-WASHER"]["stock"]
        self.assertEqual(
            (washer["free_qty"], washer["incoming_date"], washer["incoming_qty"]),
            (0, self.receipt_date.date().isoformat(), 300),
        )
        # entity B, its own prices (no rule: the sales price)
        items_b = {
            i["sku"]: i
            for i in self.catalog(secret=self.secret_b, entity=self.entity_b)["items"]
        }
        self.assertEqual(items_b["API-BOLT"]["price"]["unit_price"], 10.0)

    def test_another_entitys_member_gets_nothing(self):
        response = self.api(
            "GET", "/catalog", secret=self.secret_b, entity=self.entity_a
        )
        self.assertError(response, 403, "not_a_member")
        self.assertNotIn("API-BOLT", response.text)
        response = self.api(
            "POST",
            "/prices",
            secret=self.secret_b,
            entity=self.entity_a,
            body={"lines": [{"sku": "API-BOLT", "qty": 1}]},
        )
        self.assertError(response, 403, "not_a_member")
        self.assertNotIn("9.0", response.text)

    def test_prices_equal_the_portals(self):
        """The API's price of one unit is the catalog page's (the same seam)
        and Odoo's own ``_get_products_price`` on the entity's price list."""
        products = self.bolt | self.nut | self.washer
        page = (
            self.env["product.product"]
            .with_user(self.owner_a)
            ._b2b_catalog_page(self.entity_a, CatalogQuery(search="API", ppg=20))
        )
        odoo = self.pricelist_a._get_products_price(products, 1.0)
        items = {i["id"]: i["price"]["unit_price"] for i in self.catalog()["items"]}
        for product in products:
            self.assertEqual(items[product.id], page.prices[product.id])
            self.assertEqual(items[product.id], odoo[product.id])
        # by quantity and unit, against Odoo's price of that quantity
        response = self.api(
            "POST",
            "/prices",
            entity=self.entity_a,
            body={
                "lines": [
                    {"sku": "API-BOLT", "qty": 12},
                    {"sku": "API-BOLT", "qty": 1, "unit": self.dozen.name},
                ]
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertMatches(response.json(), schemas.PRICES_ANSWER)
        twelve, dozen = response.json()["lines"]
        self.assertEqual(
            twelve["unit_price"],
            self.pricelist_a._get_products_price(self.bolt, 12)[self.bolt.id],
        )
        self.assertEqual(twelve["unit_price"], 8.0)
        self.assertEqual(twelve["subtotal"], 96.0)
        self.assertEqual(
            dozen["unit_price"],
            self.pricelist_a._get_products_price(self.bolt, 1, uom=self.dozen)[
                self.bolt.id
            ],
        )
        self.assertEqual((dozen["unit"], dozen["status"]), (self.dozen.name, "ok"))

    def test_price_check_line_statuses(self):
        response = self.api(
            "POST",
            "/prices",
            entity=self.entity_a,
            body={
                "lines": [
                    {"sku": "API-NUT", "qty": 3},
                    {"sku": "NO-SUCH", "qty": 1},
                    {"sku": "API-RETAIL", "qty": 1},
                    {"sku": "API-NUT", "qty": 1, "unit": "kg"},
                ]
            },
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(
            [(line["sku"], line["status"]) for line in response.json()["lines"]],
            [
                ("API-NUT", "ok"),
                ("NO-SUCH", "unknown_sku"),
                ("API-RETAIL", "unknown_sku"),
                ("API-NUT", "unknown_unit"),
            ],
        )
        self.assertEqual(response.json()["lines"][0]["subtotal"], 9.0)

    def test_hidden_products_nowhere(self):
        self.assertNotIn("API-RETAIL", str(self.catalog()))
        self.assertError(
            self.api("GET", "/catalog/API-RETAIL", entity=self.entity_a),
            404,
            "not_found",
        )

    def test_one_product(self):
        response = self.api("GET", "/catalog/API-BOLT", entity=self.entity_a)
        self.assertEqual(response.status_code, 200, response.text)
        self.assertMatches(response.json(), schemas.PRODUCT)
        self.assertEqual(response.json()["price"]["unit_price"], 9.0)
        self.bolt.barcode = "4600000000017"
        response = self.api("GET", "/catalog/4600000000017", entity=self.entity_a)
        self.assertEqual(response.json()["sku"], "API-BOLT")

    def test_cursor_paging(self):
        first = self.catalog(limit=2)
        self.assertEqual(len(first["items"]), 2)
        self.assertTrue(first["next_cursor"])
        second = self.catalog(limit=2, cursor=first["next_cursor"])
        self.assertEqual(len(second["items"]), 1)
        self.assertIsNone(second["next_cursor"])
        skus = [i["sku"] for i in first["items"] + second["items"]]
        self.assertEqual(sorted(skus), ["API-BOLT", "API-NUT", "API-WASHER"])
        # a cursor of other filters, junk, a page too large
        self.assertError(
            self.api(
                "GET",
                "/catalog",
                entity=self.entity_a,
                params={"cursor": first["next_cursor"], "in_stock": 1},
            ),
            422,
            "invalid_cursor",
        )
        self.assertError(
            self.api("GET", "/catalog", entity=self.entity_a, params={"cursor": "x"}),
            422,
            "invalid_cursor",
        )
        error = self.assertError(
            self.api("GET", "/catalog", entity=self.entity_a, params={"limit": 501}),
            422,
            "invalid_request",
        )
        self.assertEqual(error["details"][0]["field"], "limit")

    def test_filters(self):
        def skus(**params):
            return sorted(i["sku"] for i in self.catalog(**params)["items"])

        self.assertEqual(skus(in_stock=1), ["API-BOLT", "API-NUT"])
        self.assertEqual(skus(search="гайка"), ["API-NUT"])
        self.assertEqual(skus(search="api-bolt"), ["API-BOLT"])
        category = self.env["product.category"].create({"name": "Крепёж API"})
        self.nut.categ_id = category
        self.assertEqual(skus(category=category.id), ["API-NUT"])
        # changed since: only what was written after the date
        past = datetime.datetime.now() - datetime.timedelta(days=10)
        products = self.bolt | self.nut | self.washer
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE product_product SET write_date = %s WHERE id = ANY(%s)",
            [past, products.ids],
        )
        self.env.cr.execute(
            "UPDATE product_template SET write_date = %s WHERE id = ANY(%s)",
            [past, products.product_tmpl_id.ids],
        )
        self.env.cr.execute(
            "UPDATE product_template SET write_date = now() at time zone 'utc' "
            "WHERE id = %s",
            [self.washer.product_tmpl_id.id],
        )
        since = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)
        self.assertEqual(skus(updated_since=since.isoformat()), ["API-WASHER"])
        self.assertError(
            self.api(
                "GET",
                "/catalog",
                entity=self.entity_a,
                params={"updated_since": "yesterday"},
            ),
            422,
            "invalid_request",
        )

    def test_queries_constant_for_the_page_size(self):
        self.env["product.product"].create(
            [
                {"name": f"Q{n}", "default_code": f"APIQ-{n:03d}", "list_price": n}
                for n in range(60)
            ]
        )

        def count(limit):
            self.catalog(search="APIQ", limit=limit)  # warm
            before = self.cr.sql_log_count
            page = self.catalog(search="APIQ", limit=limit)
            self.assertEqual(len(page["items"]), limit)
            return self.cr.sql_log_count - before

        self.assertEqual(count(10), count(50))

    def test_order_rules_and_breaks_with_price_types(self):
        """With b2b_pricelist installed (``setup/test b2b_api b2b_pricelist``):
        the minimum, the multiple and the next quantity break of the
        entity's price type, as its pricing service fills the price line."""
        if "b2b_min_qty" not in self.env["product.template"]._fields:
            self.skipTest("b2b_pricelist is not installed")
        self.nut.product_tmpl_id.write({"b2b_min_qty": 10, "b2b_multiple": 5})
        items = {i["sku"]: i["price"] for i in self.catalog()["items"]}
        self.assertEqual(
            (items["API-NUT"]["min_qty"], items["API-NUT"]["multiple"]), (10, 5)
        )
        self.assertEqual(items["API-BOLT"]["breaks"], [{"min_qty": 10, "price": 8.0}])
        response = self.api(
            "POST",
            "/prices",
            entity=self.entity_a,
            body={"lines": [{"sku": "API-NUT", "qty": 7}]},
        )
        line = response.json()["lines"][0]
        self.assertEqual(line["violation"], "below_min")
        self.assertEqual(line["suggested_qty"], 10)
