import io

import openpyxl

from odoo import Command
from odoo.http import content_disposition
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.b2b_portal.tests.common import B2bCommon

from ..tools.file_names import file_name
from ..tools.order_file import read_order_file
from ..tools.order_template import CODES_SHEET, HEADER

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@tagged("post_install", "-at_install")
class TestQuickOrderFiles(B2bCommon, HttpCase):
    """The order template and the cart export: files of the active entity
    only, read back by the upload parser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        hidden_categ = cls.create_hidden_category()
        kg = cls.env.ref("uom.product_uom_kgm")
        cls.drill, cls.sand, cls.coded, cls.hidden, cls.b_coded = cls.env[
            "product.product"
        ].create(
            [
                {"name": "Дрель", "default_code": "DRL-100", "is_storable": True},
                {"name": "Песок", "default_code": "SND-1", "uom_id": kg.id},
                {"name": "Болт без артикула", "barcode": "4600000000017"},
                {
                    "name": "Скрытый",
                    "default_code": "HID-1",
                    "categ_id": hidden_categ.id,
                },
                {"name": "Товар Беты", "barcode": "4600000000099"},
            ]
        )
        cls.env["b2b.customer.code"].create(
            [
                {"entity_id": entity.id, "code": code, "product_id": product.id}
                for entity, code, product in (
                    (cls.entity_a, "Наш-болт", cls.coded),
                    (cls.entity_a, "Наш-скрытый", cls.hidden),
                    (cls.entity_b, "B-ONLY", cls.b_coded),
                )
            ]
        )
        cls.accountant = cls.accountant_a
        cls.cart = cls.buyer_a._b2b_current_cart(cls.entity_a, create=True)
        cls.cart._b2b_add_products({cls.drill: 3, cls.sand: 1.5, cls.coded: 2})
        cls.cart.order_line.create(
            {"order_id": cls.cart.id, "display_type": "line_note", "name": "Note"}
        )
        cls.order_b = cls.env["sale.order"].create(
            {
                "partner_id": cls.entity_b.id,
                "order_line": [
                    Command.create({"product_id": cls.b_coded.id, "product_uom_qty": 7})
                ],
            }
        )

    def get(self, url, login="buyer_a"):
        if login:
            self.authenticate(login, login)
        return self.url_open(url, allow_redirects=False)

    def read_xlsx(self, content):
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return {
            sheet.title: list(sheet.iter_rows(values_only=True))
            for sheet in workbook.worksheets
        }

    # -- the template ---------------------------------------------------------
    def test_template_xlsx(self):
        response = self.get("/my/b2b/quick-order/template.xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        sheets = self.read_xlsx(response.content)
        order, codes = sheets.values()
        self.assertEqual(order[0], HEADER)
        # the coded product first (by its barcode: it has no SKU), then SKUs
        self.assertEqual(
            [row[:5] for row in order[1:]],
            [
                ("4600000000017", "Болт без артикула", 1, "шт", "Наш-болт"),
                ("DRL-100", "Дрель", 1, "шт", None),
                ("SND-1", "Песок", 1, None, None),
            ],
        )
        # the entity's own codes, never a hidden product's nor another's
        self.assertEqual(
            codes[1:], [("Наш-болт", "4600000000017", "Болт без артикула", "шт")]
        )
        self.assertIn(CODES_SHEET, sheets)
        # the example rows are marked, and skipped when the file comes back
        self.assertTrue(all(row[5].startswith("# пример") for row in order[1:]))
        result = read_order_file("t.xlsx", response.content)
        self.assertEqual((result.rows, result.errors), ([], []))
        self.assertEqual(
            [(note.line_no, note.code) for note in result.notes],
            [(1, "header_skipped")] + [(n, "example_skipped") for n in (2, 3, 4)],
        )
        # once the buyer writes over the comment, the line is an order line
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        workbook.active["F3"] = "срочно"
        buffer = io.BytesIO()
        workbook.save(buffer)
        rows = read_order_file("t.xlsx", buffer.getvalue()).rows
        self.assertEqual([(row.key, row.qty) for row in rows], [("DRL-100", 1)])

    def test_template_csv(self):
        response = self.get("/my/b2b/quick-order/template.csv")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/csv"))
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        text = response.content.decode("utf-8-sig")
        self.assertIn("Наш-болт", text)
        for secret in ("B-ONLY", "4600000000099", "HID-1", "Наш-скрытый"):
            self.assertNotIn(secret, text)
        result = read_order_file("t.csv", response.content)
        self.assertEqual(result.rows, [])
        self.assertEqual(
            [note.code for note in result.notes],
            ["header_skipped"] + ["example_skipped"] * 3,
        )

    def test_template_per_active_entity(self):
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        response = self.get("/my/b2b/quick-order/template.xlsx", login="buyer_ab")
        self.assertEqual(response.status_code, 200)
        codes = self.read_xlsx(response.content)[CODES_SHEET]
        self.assertEqual(codes[1][:2], ("B-ONLY", "4600000000099"))
        self.assertNotIn("Наш-болт".encode(), response.content)

    def test_template_readable_without_ordering_rights(self):
        response = self.get("/my/b2b/quick-order/template.csv", login="accountant_a")
        self.assertEqual(response.status_code, 200)

    def test_template_refused_without_entity(self):
        new_test_user(self.env, login="loner", groups="base.group_portal")
        response = self.get("/my/b2b/quick-order/template.xlsx", login="loner")
        # sent to the registration form (b2b_portal), no file
        self.assertEqual(response.status_code, 303)
        self.assertNotIn(b"DRL-100", response.content)

    def test_anonymous_redirected(self):
        response = self.get("/my/b2b/quick-order/template.csv", login=None)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_unknown_format(self):
        response = self.get("/my/b2b/quick-order/template.pdf")
        self.assertEqual(response.status_code, 404)

    # -- the cart export ------------------------------------------------------
    def test_cart_round_trip(self):
        for fmt in ("xlsx", "csv"):
            with self.subTest(fmt=fmt):
                response = self.get(f"/my/b2b/quick-order/cart/{self.cart.id}.{fmt}")
                self.assertEqual(response.status_code, 200)
                self.assertIn(
                    content_disposition(f"{self.cart._b2b_file_label()}.{fmt}"),
                    response.headers["Content-Disposition"],
                )
                parsed = read_order_file(f"cart.{fmt}", response.content)
                self.assertEqual(parsed.errors, [])
                preview = (
                    self.env["b2b.quick.order"]
                    .with_user(self.buyer_a)
                    ._b2b_preview(self.entity_a, parsed.rows, parsed.errors)
                )
                self.assertEqual(
                    {
                        (line["status"], line["product_id"], line["qty"])
                        for line in preview["lines"]
                    },
                    {
                        ("short", self.drill.id, 3),
                        ("ok", self.sand.id, 1.5),
                        ("ok", self.coded.id, 2),
                    },
                )

    def test_cart_export_in_product_unit(self):
        dozen = self.env.ref("uom.product_uom_dozen")
        self.cart.order_line.filtered(lambda line: line.product_id == self.drill).write(
            {"product_uom_id": dozen.id, "product_uom_qty": 2}
        )
        response = self.get(f"/my/b2b/quick-order/cart/{self.cart.id}.csv")
        rows = read_order_file("cart.csv", response.content).rows
        self.assertIn(("DRL-100", 24, "pcs"), [row[1:4] for row in rows])

    def test_cart_of_another_entity(self):
        response = self.get(f"/my/b2b/quick-order/cart/{self.order_b.id}.xlsx")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Товар Беты".encode(), response.content)

    def test_order_of_an_entity_not_active(self):
        # buyer_ab is a member of B, but acts for A now
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        url = f"/my/b2b/quick-order/cart/{self.order_b.id}.csv"
        self.assertEqual(self.get(url, login="buyer_ab").status_code, 404)
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        response = self.get(url, login="buyer_ab")
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            "4600000000099;Товар Беты;7;шт;B-ONLY;",
            response.content.decode("utf-8-sig"),
        )

    def test_cart_of_a_colleague(self):
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        url = f"/my/b2b/quick-order/cart/{self.cart.id}.xlsx"
        self.assertEqual(self.get(url, login="buyer_ab").status_code, 404)

    def test_cart_export_refused_without_ordering_rights(self):
        url = f"/my/b2b/quick-order/cart/{self.cart.id}.xlsx"
        response = self.get(url, login="accountant_a")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(b"DRL-100", response.content)

    def test_confirmed_order_and_unknown_id(self):
        self.cart.action_confirm()
        url = f"/my/b2b/quick-order/cart/{self.cart.id}.csv"
        self.assertEqual(self.get(url).status_code, 404)
        self.assertEqual(
            self.get("/my/b2b/quick-order/cart/999999.csv").status_code, 404
        )

    # -- links on the order page ----------------------------------------------
    def test_export_links_on_the_order_page(self):
        link = f"/my/b2b/quick-order/cart/{self.cart.id}.xlsx"
        page = self.get(f"/my/orders/{self.cart.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(link, page.text)
        self.assertIn(f"/my/b2b/quick-order/cart/{self.cart.id}.csv", page.text)
        self.assertEqual(self.url_open(link).status_code, 200)
        # a colleague and an accountant do not even see the (unshared) cart
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        for login in ("buyer_ab", "accountant_a"):
            with self.subTest(login=login):
                page = self.get(f"/my/orders/{self.cart.id}", login=login)
                self.assertEqual(page.status_code, 303)
                self.assertNotIn("o_b2b_order_export", page.text)

    def test_no_export_link_once_confirmed(self):
        self.cart.action_confirm()
        page = self.get(f"/my/orders/{self.cart.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("o_b2b_order_export", page.text)

    def test_file_named_after_the_cart(self):
        self.assertEqual(
            file_name("Склад: Химки / март", "csv"), "Склад Химки март.csv"
        )
        self.assertEqual(file_name(' .."\x00', "xlsx"), "order.xlsx")
        self.assertEqual(len(file_name("я" * 300, "csv")), 104)

    def test_export_url_for_those_who_may_export(self):
        url = f"/my/b2b/quick-order/cart/{self.cart.id}"
        self.assertEqual(self.cart._b2b_export_url(self.buyer_a), url)
        # a colleague's cart, an accountant: no export
        self.assertEqual(self.cart._b2b_export_url(self.buyer_ab), "")
        self.assertEqual(self.cart._b2b_export_url(self.accountant), "")
        # not a member of entity B
        self.assertEqual(self.order_b._b2b_export_url(self.buyer_a), "")
        self.cart.action_confirm()
        self.assertEqual(self.cart._b2b_export_url(self.buyer_a), "")
