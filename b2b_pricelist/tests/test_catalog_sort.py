from lxml import html

from odoo.tests import HttpCase, tagged

from .common import B2bPricelistCommon


@tagged("post_install", "-at_install")
class TestCatalogSortByPrice(B2bPricelistCommon, HttpCase):
    """b2b_portal's catalog sorted by the price of the entity's price type."""

    def rows(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        return html.fromstring(response.text).xpath(
            "//tr[contains(@class, 'o_b2b_row')]/@data-sku"
        )

    def test_price_type_off_the_sales_price_sorts_in_the_database(self):
        fixed_off = self.env["product.pricelist"].create(
            {
                "name": "Large wholesale, 3 off",
                "b2b_is_price_type": True,
                "b2b_base": "price_type",
                "b2b_base_pricelist_id": self.large.id,
                "b2b_discount_type": "fixed",
                "b2b_discount": 3.0,
                "b2b_rounding": 1.0,
            }
        )
        self.assertEqual(fixed_off._b2b_price_sort_base(), "list_price")
        self.entity_a.b2b_pricelist_id = fixed_off
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(
            self.rows("/my/b2b/catalog?search=-8&sort=price"),
            ["WSH-8", "NUT-8", "BOLT-8"],
        )
        self.assertEqual(
            self.rows("/my/b2b/catalog?search=-8&sort=price_desc"),
            ["BOLT-8", "NUT-8", "WSH-8"],
        )

    def test_price_type_on_cost_is_priced_to_sort(self):
        # the washer costs more than it sells for: on cost it is the dearest
        self.product_3.standard_price = 95.0
        on_cost = self.env["product.pricelist"].create(
            {
                "name": "Cost plus 10%",
                "b2b_is_price_type": True,
                "b2b_base": "standard_price",
                "b2b_discount": 10.0,
            }
        )
        self.assertIsNone(on_cost._b2b_price_sort_base())
        self.entity_a.b2b_pricelist_id = on_cost
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(
            self.rows("/my/b2b/catalog?search=-8&sort=price"),
            ["NUT-8", "BOLT-8", "WSH-8"],
        )
