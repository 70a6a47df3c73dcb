import html
import io
import json

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestPortalQuickOrder(B2bHttpMixin, B2bCommon, HttpCase):
    """/my/b2b/quick-order: paste or upload → preview → fix → cart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Quick item {n}",
                    "default_code": f"QO-{n:03d}",
                    "list_price": 10.0 * n,
                    "sale_ok": True,
                }
                for n in range(1, 6)
            ]
        )
        cls.env["b2b.customer.code"].create(
            {
                "entity_id": cls.entity_b.id,
                "code": "B-SECRET",
                "product_id": cls.products[0].id,
            }
        )
        cls.viewer, cls.accountant = cls.viewer_a, cls.accountant_a
        cls.History = cls.env["b2b.quick.order.upload"]

    def preview(self, text):
        return self.post("/my/b2b/quick-order/preview", {"text": text})

    def rows_of(self, page):
        """The JSON state the preview page carries."""
        start = page.index('name="rows" value="') + len('name="rows" value="')
        value = page[start : page.index('"', start)]
        return html.unescape(value)

    def cart(self, user=None, entity=None):
        return (user or self.buyer_a)._b2b_current_cart(entity or self.entity_a)

    # -- access ---------------------------------------------------------------
    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my/b2b/quick-order", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_roles_without_ordering_rights_are_refused(self):
        for login in ("viewer_a", "accountant_a"):
            with self.subTest(login=login):
                self.authenticate(login, login)
                page = self.url_open("/my/b2b/quick-order", allow_redirects=False)
                self.assertEqual(page.status_code, 403)
                self.assertEqual(self.preview("QO-001;1").status_code, 403)
                confirm = self.post(
                    "/my/b2b/quick-order/confirm",
                    {"rows": json.dumps([[1, "QO-001", "1", None, None]])},
                )
                self.assertEqual(confirm.status_code, 403)
        self.assertFalse(self.cart(self.viewer) or self.cart(self.accountant))
        self.assertFalse(self.History.search([]))

    def test_another_entitys_codes_never_resolve(self):
        """A buyer of A pastes B's own code: unknown, and nothing of B's."""
        self.authenticate("buyer_a", "buyer_a")
        page = self.preview("B-SECRET;2").text
        self.assertIn('data-status="unknown"', page)
        self.assertNotIn("Quick item 1", page)

    # -- preview --------------------------------------------------------------
    def test_paste_preview_writes_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.preview("SKU;Qty\nQO-001;2\nqo-002 3\nNOPE;1\nQO-003;abc")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for status in ("ok", "unknown", "bad_quantity"):
            self.assertIn(f'data-status="{status}"', page)
        self.assertIn("Quick item 2", page)
        self.assertIn("80.00", page)  # 2 × 10 + 3 × 20
        self.assertIn("Header line skipped", page)
        self.assertFalse(self.cart())
        self.assertFalse(self.History.search([]))

    def test_empty_paste_is_a_clear_message(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.preview("   ")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Paste order lines or choose a file", response.text)

    def test_fix_in_place_and_confirm(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.preview("QO-001;2\nQO-0X2;3\nQO-003;abc").text
        rows = self.rows_of(page)
        # the buyer corrects the SKU of line 2 and the quantity of line 3
        fixed = self.post(
            "/my/b2b/quick-order/preview",
            {"rows": rows, "key_2": "QO-002", "qty_3": "4"},
        ).text
        self.assertEqual(fixed.count('data-status="ok"'), 3)
        self.assertFalse(self.cart())
        response = self.post(
            "/my/b2b/quick-order/confirm",
            {"rows": rows, "key_2": "QO-002", "qty_3": "4", "source": "paste"},
        )
        self.assertEqual(response.status_code, 303)
        cart = self.cart()
        self.assertEqual(
            {
                (line.product_id.default_code, line.product_uom_qty)
                for line in cart.order_line
            },
            {("QO-001", 2), ("QO-002", 3), ("QO-003", 4)},
        )
        self.assertIn(f"cart={cart.id}", response.headers["Location"])
        record = self.History.search([])
        self.assertEqual(
            (record.source, record.added_count, record.skipped_count), ("paste", 3, 0)
        )
        self.assertEqual(record.user_id, self.buyer_a)
        # the page after it links the cart and lists the history
        page = self.url_open(response.headers["Location"]).text
        # by its name where b2b_multicart names carts, else its reference
        label = getattr(cart, "_b2b_cart_label", lambda: cart.name)()
        self.assertIn(f"Lines added to the cart “{label}”: 3.", page)
        self.assertIn("o_b2b_qo_history", page)
        self.assertIn("/my/b2b/quick-order/template.xlsx", page)

    def test_confirm_writes_only_the_valid_lines(self):
        self.authenticate("buyer_a", "buyer_a")
        rows = json.dumps(
            [
                [1, "QO-001", "2", None, None],
                [2, "NOPE", "1", None, None],
                [3, "QO-004", "0", None, None],
            ]
        )
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.cart().order_line.product_id, self.products[0])
        self.assertEqual(self.History.search([]).skipped_count, 2)

    def test_confirm_with_nothing_valid_writes_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        rows = json.dumps([[1, "NOPE", "2", None, None]])
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 400)
        self.assertIn("No line of this order can be added", response.text)
        self.assertFalse(self.cart())
        self.assertFalse(self.History.search([]))

    def test_confirm_for_an_unverified_entity_writes_nothing(self):
        self.entity_a.b2b_state = "pending"
        self.authenticate("buyer_a", "buyer_a")
        rows = json.dumps([[1, "QO-001", "2", None, None]])
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 400)
        self.assertIn("not verified", response.text)
        self.assertFalse(self.cart())

    def test_tampered_state_is_refused(self):
        self.authenticate("buyer_a", "buyer_a")
        for rows in (
            "not json",
            json.dumps({"a": 1}),
            json.dumps([[1, {"x": 1}, "1", None, None]]),
        ):
            with self.subTest(rows=rows):
                response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
                self.assertEqual(response.status_code, 400)
        self.assertFalse(self.cart())

    def test_lines_go_to_the_active_entity_only(self):
        """A buyer of A and B, active on B: lines go to B's cart at B's
        prices, never to A's."""
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.authenticate("buyer_ab", "buyer_ab")
        rows = json.dumps([[1, "B-SECRET", "2", None, None]])
        response = self.post("/my/b2b/quick-order/confirm", {"rows": rows})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.cart(self.buyer_ab, self.entity_b).order_line.product_id,
            self.products[0],
        )
        self.assertFalse(self.cart(self.buyer_ab, self.entity_a))

    # -- files ----------------------------------------------------------------
    def test_upload_csv_file(self):
        self.authenticate("buyer_a", "buyer_a")
        data = "Артикул;Кол-во\nQO-001;5\nQO-005;1\n".encode("cp1251")
        response = self.post(
            "/my/b2b/quick-order/preview",
            {"source": "file"},
            files={"order_file": ("заказ.csv", io.BytesIO(data), "text/csv")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text.count('data-status="ok"'), 2)
        self.assertIn("заказ.csv", response.text)
        rows = self.rows_of(response.text)
        self.post(
            "/my/b2b/quick-order/confirm",
            {"rows": rows, "source": "file", "file_name": "заказ.csv"},
        )
        record = self.History.search([])
        self.assertEqual(
            (record.source, record.file_name, record.line_count),
            ("file", "заказ.csv", 2),
        )

    def test_fake_xlsx_is_a_clear_message(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(
            "/my/b2b/quick-order/preview",
            files={
                "order_file": (
                    "order.xlsx",
                    io.BytesIO(b"QO-001;1\n"),
                    "application/octet-stream",
                )
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("does not match its extension", response.text)
        self.assertFalse(self.cart())

    # -- catalog ---------------------------------------------------------------
    def test_valid_catalog_rows_are_added_at_once(self):
        """Several valid catalog rows need no preview (the preview of catalog
        rows breaking b2b_pricelist's order rules is tested in the suite's
        tests/)."""
        self.authenticate("buyer_a", "buyer_a")
        first, second = self.products[:2]
        response = self.post(
            "/my/b2b/cart/add", {f"qty_{first.id}": "2", f"qty_{second.id}": "3"}
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(len(self.cart().order_line), 2)


@tagged("post_install", "-at_install")
class TestQuickOrderTour(B2bCommon, HttpCase):
    def test_paste_fix_and_add(self):
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Tour item {n}",
                    "default_code": f"QT-{n:03d}",
                    "list_price": n,
                }
                for n in range(1, 21)
            ]
        )
        self.start_tour(
            "/my/b2b/quick-order", "b2b_quick_order_paste_fix_add", login="buyer_a"
        )
        cart = self.buyer_a._b2b_current_cart(self.entity_a)
        self.assertEqual(cart.order_line.product_id, products)
        quantities = {
            line.product_id.default_code: line.product_uom_qty
            for line in cart.order_line
        }
        self.assertEqual(quantities["QT-003"], 2)
        self.assertEqual(quantities["QT-007"], 2)
        self.assertEqual(quantities["QT-012"], 12)
        self.assertEqual(quantities["QT-020"], 20)
