"""The preview says what it holds: a headline matching the lines, the cart
they go to (by its name), the lines skipped on purpose and why a quantity
was not read."""

import io
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestQuickOrderPreviewTexts(B2bHttpMixin, B2bCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Headline item {n}",
                    "default_code": f"HL-{n:03d}",
                    "list_price": 10.0,
                }
                for n in range(1, 4)
            ]
        )

    def setUp(self):
        super().setUp()
        self.authenticate("buyer_a", "buyer_a")

    def preview(self, text):
        response = self.post("/my/b2b/quick-order/preview", {"text": text})
        self.assertEqual(response.status_code, 200)
        return response.text

    def upload(self, name, data):
        return self.post(
            "/my/b2b/quick-order/preview",
            {"source": "file"},
            files={"order_file": (name, io.BytesIO(data), "text/plain")},
        ).text

    def label(self, cart):
        """The name b2b_multicart gives a cart, else the order's reference."""
        return getattr(cart, "_b2b_cart_label", lambda: cart.name)()

    # -- the headline ----------------------------------------------------------
    def test_every_line_fine(self):
        page = self.preview("HL-001;2\nHL-002;3")
        self.assertIn("Lines read: 2.", page)
        self.assertIn("Every line can be ordered; nothing is in the cart yet.", page)
        self.assertNotIn("marked in red", page)
        self.assertIn("Add to the cart (2)", page)

    def test_some_lines_to_fix(self):
        page = self.preview("HL-001;2\nNOPE;1\nHL-003;abc")
        self.assertIn("Lines to fix (marked in red): 2.", page)
        self.assertNotIn("Every line can be ordered", page)
        self.assertIn("Add to the cart (1)", page)

    def test_nothing_orderable(self):
        page = self.preview("NOPE;1")
        self.assertIn(
            "No line can be added to the cart yet: fix the lines marked in red.", page
        )
        self.assertNotIn("The lines go to", page)

    def test_the_cart_is_named_before_and_after_adding(self):
        page = self.preview("HL-001;2")
        self.assertIn("The lines go to a new cart.", page)
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        if "b2b_cart_name" in cart._fields:
            cart.b2b_cart_name = "Склад на Ленина"
        label = self.label(cart)
        page = self.preview("HL-001;2")
        self.assertIn(f"The lines go to the cart “{label}”.", page)
        response = self.post(
            "/my/b2b/quick-order/confirm",
            {
                "rows": json.dumps(
                    [[1, "HL-001", "2", None, None], [2, "HL-002", "1", None, None]]
                )
            },
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(len(cart.order_line), 2)
        done = self.url_open(response.headers["Location"]).text
        self.assertIn(f"Lines added to the cart “{label}”: 2.", done)

    def test_a_forged_count_is_not_shown(self):
        cart = self.buyer_a._b2b_current_cart(self.entity_a, create=True)
        page = self.url_open(f"/my/b2b/quick-order?added=<b>x</b>&cart={cart.id}").text
        self.assertNotIn("Lines added to the cart", page)

    # -- lines skipped on purpose, quantities not read -------------------------
    def test_a_txt_file_with_a_header_on_line_8(self):
        lines = [f"HL-00{n % 3 + 1};{n}" for n in range(1, 8)]
        data = "\n".join([*lines, "Артикул;Кол-во", "HL-001;1"]).encode()
        page = self.upload("order.txt", data)
        for line_no in (1, 2, 3):
            self.assertIn(f'data-line="{line_no}"', page)
        self.assertIn("Line 8: Header line skipped.", page)
        # lines 1-7 and 9: three SKUs, merged per SKU and said so; all 9 read
        self.assertIn("Lines read from order.txt: 9.", page)
        added_up = "The same SKU on several lines: added up."
        for lines in ("1, 4, 7", "2, 5", "3, 6, 9"):
            self.assertIn(f"Lines {lines}: {added_up}", page)

    def test_title_rows_named(self):
        data = "Заказ ООО «Альфа»\nот 01.12.2026\nАртикул;Кол-во\nHL-001;1\n".encode()
        page = self.upload("order.csv", data)
        self.assertIn("Lines 1–2: Title rows above the header skipped.", page)
        self.assertIn("Line 3: Header line skipped.", page)

    def test_decimal_comma_said(self):
        page = self.upload("order.csv", "HL-001,2,5,шт\nHL-002,1,шт\n".encode())
        self.assertIn('data-status="decimal_comma"', page)
        self.assertIn(
            "2,5 — decimal comma in a comma-separated file: use ; or quotes", page
        )
        self.assertNotIn("Unknown unit", page)

    def test_quoted_paste(self):
        page = self.preview('"HL-001";"4"\n"HL-002","1 500,5"')
        # 1 500,5 of a product sold in whole units: read, then refused as such
        self.assertEqual(page.count('data-status="ok"'), 1)
        self.assertIn('data-status="not_whole"', page)
        self.assertIn('data-line="2"', page)
        self.assertNotIn('data-status="unknown"', page)

    def test_template_examples_never_ordered(self):
        template = self.url_open("/my/b2b/quick-order/template.csv").content
        page = self.upload("order-template.csv", template)
        self.assertIn(
            "Example rows of the template skipped: they are never ordered.", page
        )
        # every line of the file read: the header and the examples
        count = len(template.decode("utf-8-sig").splitlines())
        self.assertGreater(count, 1)
        self.assertIn(f"Lines read from order-template.csv: {count}.", page)
        # no red line to fix: the headline does not ask for one
        self.assertIn(
            "No order line to add: the lines read were skipped (see below).", page
        )
        self.assertNotIn("marked in red", page)
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))

    def test_help_lists_the_units(self):
        page = self.url_open("/my/b2b/quick-order").text
        self.assertIn("шт, уп, кор or палл", page)
