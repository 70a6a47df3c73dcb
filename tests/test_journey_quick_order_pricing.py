"""Quick order meets b2b_pricelist: the preview prices each line with the
entity's price type and reports its order rules (minimum, multiple) with the
suggested quantity; the catalog's multi-row add shows the same preview when a
rule is broken; one click accepts the suggestions."""

import html
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.b2b_pricelist.tests.common import B2bPricelistCommon
from odoo.addons.b2b_quick_order.tools.order_text import parse_order_text


@tagged("post_install", "-at_install")
class TestQuickOrderPricing(B2bHttpMixin, B2bPricelistCommon, HttpCase):
    test_module = "b2b_quick_order"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a.b2b_pricelist_id = cls.wholesale  # -10 %
        # bolts: at least 6, by 3; nuts: by 10
        cls.product.b2b_min_qty = 6
        cls.product.b2b_multiple = 3
        cls.product_2.b2b_multiple = 10

    def rows_of(self, page):
        start = page.index('name="rows" value="') + len('name="rows" value="')
        return html.unescape(page[start : page.index('"', start)])

    def test_preview_statuses_and_prices(self):
        parsed = parse_order_text("BOLT-8;4\nNUT-8;15\nWSH-8;2\nBOLT-8 2")
        preview = (
            self.env["b2b.quick.order"]
            .with_user(self.buyer_a)
            ._b2b_preview(self.entity_a, parsed.rows, parsed.errors)
        )
        lines = {line["key"]: line for line in preview["lines"]}
        # the two bolt lines were added up by the parser: 6 is fine
        self.assertEqual(lines["BOLT-8"]["status"], "ok")
        self.assertEqual(lines["BOLT-8"]["price_unit"], 90.0)
        self.assertEqual(lines["NUT-8"]["status"], "not_multiple")
        self.assertEqual(lines["NUT-8"]["suggested_qty"], 20)
        self.assertEqual(lines["WSH-8"]["price_unit"], 9.0)
        # only orderable lines count in the total
        self.assertEqual(preview["total"], 6 * 90.0 + 2 * 9.0)
        parsed = parse_order_text("BOLT-8;4")
        line = (
            self.env["b2b.quick.order"]
            .with_user(self.buyer_a)
            ._b2b_preview(self.entity_a, parsed.rows)["lines"][0]
        )
        self.assertEqual((line["status"], line["suggested_qty"]), ("below_min", 6))

    def test_catalog_rows_breaking_a_rule_get_the_preview(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            "/my/b2b/cart/add",
            {f"qty_{self.product.id}": "4", f"qty_{self.product_2.id}": "10"},
        )
        # nothing added; the preview of the two rows, with the catalog's message
        self.assertEqual(response.status_code, 400)
        page = response.text
        self.assertIn("o_b2b_qo_preview", page)
        self.assertIn('data-status="below_min"', page)
        self.assertIn('data-status="ok"', page)
        self.assertIn("o_b2b_qo_accept", page)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
        # one click accepts the suggested quantity, then the lines are added
        rows = self.rows_of(page)
        accepted = self.post(
            "/my/b2b/quick-order/preview",
            {"rows": rows, "accept": "1", "source": "catalog"},
        ).text
        self.assertEqual(accepted.count('data-status="ok"'), 2)
        rows = self.rows_of(accepted)
        self.assertIn('"6"', rows)
        response = self.post(
            "/my/b2b/quick-order/confirm", {"rows": rows, "source": "catalog"}
        )
        self.assertEqual(response.status_code, 303)
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(
            {(line.product_id, line.product_uom_qty) for line in cart.order_line},
            {(self.product, 6), (self.product_2, 10)},
        )
        self.assertEqual(
            self.env["b2b.quick.order.upload"].search([]).source, "catalog"
        )

    def test_confirm_skips_lines_breaking_a_rule(self):
        self.authenticate("buyer_a", "buyer_a")
        rows = json.dumps(
            [[1, "BOLT-8", "4", None, None], [2, "WSH-8", "3", None, None]]
        )
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 303)
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(cart.order_line.product_id, self.product_3)

    def test_next_break_in_the_preview_and_the_cart(self):
        """The preview and the cart line say how many more reach the next
        price, in the line's unit ("add 30 Units more — and the price is")."""
        self.env["product.pricelist.item"].create(
            {
                "pricelist_id": self.wholesale.id,
                "applied_on": "0_product_variant",
                "product_id": self.product_3.id,
                "min_quantity": 50,
                "compute_price": "percentage",
                "percent_price": 20,
            }
        )
        unit = self.product_3.uom_id.name
        wanted = f"add 30 {unit} more — and the price is"
        self.authenticate("buyer_a", "buyer_a")
        response = self.post("/my/b2b/quick-order/preview", {"text": "WSH-8 20"})
        self.assertEqual(response.status_code, 200)
        self.assertIn(wanted, " ".join(response.text.split()))
        rows = json.dumps([[1, "WSH-8", "20", None, None]])
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 303)
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        page = self.url_open(cart.get_portal_url()).text
        self.assertIn("o_b2b_next_break", page)
        self.assertIn(wanted, " ".join(page.split()))
