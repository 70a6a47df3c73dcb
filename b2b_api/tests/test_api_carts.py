import datetime

from odoo.tests import tagged

from ..controllers import order_schemas as schemas
from .common import B2bApiHttpCase


@tagged("post_install", "-at_install")
class TestApiCarts(B2bApiHttpCase):
    """Carts over HTTP with real keys: b2b_multicart's named carts when it
    is installed, b2b_portal's one cart per entity otherwise."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("API")
        cls.add_stock({cls.bolt: 100, cls.nut: 100, cls.washer: 100})

    def new_cart(self, key="c-1", secret=None, entity=None):
        r = self.api(
            "POST",
            "/carts",
            secret=secret,
            entity=entity or self.entity_a,
            body={"name": "Склад 2", "reference": "PO-7"},
            idempotency_key=key,
        )
        self.assertEqual(r.status_code, 201, r.text)
        return r.json()

    def add(self, cart_id, lines, key="l-1", secret=None, entity=None):
        return self.api(
            "POST",
            f"/carts/{cart_id}/lines",
            secret=secret,
            entity=entity or self.entity_a,
            body={"lines": lines},
            idempotency_key=key,
        )

    def lines_of(self, cart_id):
        cart = self.env["sale.order"].browse(cart_id)
        cart.invalidate_recordset()
        return {
            line.product_id.default_code: line.product_uom_qty
            for line in cart.order_line
        }

    def test_create_add_list_read(self):
        cart = self.new_cart()
        self.assertMatches(cart, schemas.CART)
        order = self.env["sale.order"].browse(cart["id"])
        self.assertEqual(
            (order.partner_id, order.b2b_buyer_id, order.b2b_contract_id),
            (self.entity_a, self.owner_a, self.contract_a),
        )
        r = self.add(
            cart["id"], [{"sku": "API-BOLT", "qty": 3}, {"sku": "API-NUT", "qty": 2}]
        )
        self.assertEqual(r.status_code, 200, r.text)
        self.assertMatches(r.json(), schemas.CART)
        self.assertEqual(
            {line["sku"]: line["qty"] for line in r.json()["lines"]},
            {"API-BOLT": 3, "API-NUT": 2},
        )
        self.assertEqual(r.json()["amount_untaxed"], 36.0)
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 3, "API-NUT": 2})
        listed = self.api("GET", "/carts", entity=self.entity_a).json()["carts"]
        self.assertIn(cart["id"], [c["id"] for c in listed])
        one = self.api("GET", f"/carts/{cart['id']}", entity=self.entity_a)
        self.assertEqual(one.json()["lines"], r.json()["lines"])
        # the same create again with its key: the same cart, replayed
        again = self.new_cart()
        self.assertEqual(again["id"], cart["id"])

    def test_another_entity_sees_nothing(self):
        cart = self.new_cart()
        self.add(cart["id"], [{"sku": "API-BOLT", "qty": 1}])
        secret_b = self.secret_b
        self.assertError(
            self.api("GET", f"/carts/{cart['id']}", secret=secret_b), 404, "not_found"
        )
        listed = self.api("GET", "/carts", secret=secret_b).json()["carts"]
        self.assertNotIn(cart["id"], [c["id"] for c in listed])
        self.assertError(
            self.add(
                cart["id"],
                [{"sku": "API-BOLT", "qty": 5}],
                secret=secret_b,
                entity=self.entity_b,
            ),
            404,
            "not_found",
        )
        line_id = self.env["sale.order"].browse(cart["id"]).order_line.id
        self.assertError(
            self.api("DELETE", f"/carts/{cart['id']}/lines/{line_id}", secret=secret_b),
            404,
            "not_found",
        )
        # naming entity A with B's key is refused before anything
        r = self.api("GET", "/carts", secret=secret_b, entity=self.entity_a)
        self.assertIn(r.status_code, (403, 404), r.text)
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 1})

    def test_read_only_revoked_expired_keys_refused(self):
        cart = self.new_cart()
        line_id = self.add(cart["id"], [{"sku": "API-BOLT", "qty": 1}]).json()["lines"][
            0
        ]["id"]
        ro = self.read_secret_ab
        calls = [
            ("POST", "/carts", {}, "r1"),
            (
                "POST",
                f"/carts/{cart['id']}/lines",
                {"lines": [{"sku": "API-NUT", "qty": 1}]},
                "r2",
            ),
            ("PATCH", f"/carts/{cart['id']}/lines/{line_id}", {"qty": 9}, None),
            ("DELETE", f"/carts/{cart['id']}/lines/{line_id}", None, None),
            ("POST", f"/carts/{cart['id']}/checkout", {}, "r3"),
        ]
        for method, path, body, key in calls:
            self.assertError(
                self.api(
                    method,
                    path,
                    secret=ro,
                    entity=self.entity_a,
                    body=body,
                    idempotency_key=key,
                ),
                403,
                "read_only_key",
            )
        # reading with it is fine
        self.assertEqual(
            self.api("GET", "/carts", secret=ro, entity=self.entity_a).status_code, 200
        )
        key, secret = self.issue_key(self.owner_a, self.entity_a, access="order")
        key.sudo().expiration_date = datetime.datetime.now() - datetime.timedelta(
            minutes=1
        )
        self.assertError(
            self.add(cart["id"], [{"sku": "API-NUT", "qty": 1}], secret=secret),
            401,
            "key_expired",
        )
        self.key_a._b2b_revoke()
        self.assertError(
            self.add(cart["id"], [{"sku": "API-NUT", "qty": 1}], key="l-9"),
            401,
            "key_revoked",
        )
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 1})
        self.assertEqual(self.env["sale.order"].browse(cart["id"]).state, "draft")

    def test_bad_lines_write_nothing(self):
        cart = self.new_cart()
        self.add(cart["id"], [{"sku": "API-BOLT", "qty": 2}])
        r = self.add(
            cart["id"],
            [{"sku": "API-NUT", "qty": 1}, {"sku": "NO-SUCH", "qty": 1}],
            key="l-2",
        )
        error = self.assertError(r, 422, "invalid_lines")
        self.assertEqual(
            [(d["field"], d["code"]) for d in error["details"]],
            [("lines[1]", "unknown_sku")],
        )
        self.assertIn("NO-SUCH", error["details"][0]["message"])
        error = self.assertError(
            self.add(cart["id"], [{"sku": "API-NUT", "qty": 0}], key="l-3"),
            422,
            "invalid_request",
        )
        self.assertEqual(error["details"][0]["field"], "lines[0].qty")
        self.assertError(
            self.add(
                cart["id"], [{"sku": "API-NUT", "qty": 1, "unit": "bucket"}], key="l-4"
            ),
            422,
            "invalid_lines",
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "b2b_api.max_body_bytes", "2048"
        )
        big = [{"sku": "API-NUT", "qty": 1}] * 200
        self.assertError(self.add(cart["id"], big, key="l-5"), 413, "body_too_large")
        self.assertError(
            self.api(
                "PATCH",
                f"/carts/{cart['id']}/lines/1",
                entity=self.entity_a,
                raw=b"{not json",
                headers={"Content-Type": "application/json"},
            ),
            400,
            "invalid_json",
        )
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 2})

    def test_errors_in_the_buyers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.owner_a.lang = "ru_RU"
        cart = self.new_cart()
        error = self.assertError(
            self.add(cart["id"], [{"sku": "NO-SUCH", "qty": 1}]), 422, "invalid_lines"
        )
        self.assertEqual(
            error["message"], "Некоторые строки нельзя заказать: см. подробности."
        )
        self.assertEqual(
            error["details"][0]["message"], "Нет товара NO-SUCH в вашем каталоге."
        )
        line = self.env["sale.order.line"].search([], order="id desc", limit=1)
        error = self.assertError(
            self.api(
                "DELETE",
                f"/carts/{cart['id']}/lines/{line.id + 1000}",
                entity=self.entity_a,
            ),  # fmt: skip
            404,
            "not_found",
        )
        self.assertEqual(error["message"], "Этой строки нет в корзине.")

    def test_update_and_remove_lines(self):
        cart = self.new_cart()
        lines = self.add(
            cart["id"], [{"sku": "API-BOLT", "qty": 2}, {"sku": "API-NUT", "qty": 4}]
        ).json()["lines"]
        bolt, nut = (line["id"] for line in lines)
        path = f"/carts/{cart['id']}/lines"
        r = self.api("PATCH", f"{path}/{bolt}", entity=self.entity_a, body={"qty": 7})
        self.assertEqual(r.status_code, 200, r.text)
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 7, "API-NUT": 4})
        r = self.api("PUT", f"{path}/{nut}", entity=self.entity_a, body={"qty": 0})
        self.assertEqual(self.lines_of(cart["id"]), {"API-BOLT": 7})
        r = self.api("DELETE", f"{path}/{bolt}", entity=self.entity_a)
        self.assertEqual(r.status_code, 200, r.text)
        self.assertEqual(r.json()["lines"], [])
        self.assertError(
            self.api("DELETE", f"{path}/{bolt}", entity=self.entity_a), 404, "not_found"
        )
        # more than the stock under the "free" stock policy: refused, kept
        self.add(cart["id"], [{"sku": "API-NUT", "qty": 4}], key="l-2")
        self.env.company.b2b_stock_policy = "free"
        nut = self.env["sale.order"].browse(cart["id"]).order_line.id
        error = self.assertError(
            self.api("PATCH", f"{path}/{nut}", entity=self.entity_a, body={"qty": 500}),
            422,
            "order_rules",
        )
        self.assertTrue(error["details"])
        self.assertEqual(self.lines_of(cart["id"]), {"API-NUT": 4})

    def test_checkout_once_per_key(self):
        cart = self.new_cart()
        self.add(cart["id"], [{"sku": "API-BOLT", "qty": 2}])
        path = f"/carts/{cart['id']}/checkout"
        r = self.api(
            "POST",
            path,
            entity=self.entity_a,
            body={"note": "У ворот 3"},
            idempotency_key="co-1",
        )
        self.assertEqual(r.status_code, 201, r.text)
        self.assertMatches(r.json(), schemas.CHECKOUT_ANSWER)
        order = r.json()["order"]
        self.assertEqual(order["id"], cart["id"])
        self.assertIn(order["state"], ("sale", "sent"))
        again = self.api(
            "POST",
            path,
            entity=self.entity_a,
            body={"note": "У ворот 3"},
            idempotency_key="co-1",
        )
        self.assertEqual(again.status_code, 201, again.text)
        self.assertEqual(again.headers.get("Idempotent-Replayed"), "true")
        self.assertEqual(again.json(), r.json())
        self.assertError(
            self.api(
                "POST",
                path,
                entity=self.entity_a,
                body={"note": "other"},
                idempotency_key="co-1",
            ),
            422,
            "idempotency_key_reused",
        )
        self.assertError(
            self.api("POST", path, entity=self.entity_a, body={}),
            400,
            "idempotency_key_required",
        )
        self.assertEqual(
            self.env["sale.order"].search_count(
                [("b2b_entity_id", "=", self.entity_a.id), ("state", "=", "sale")]
            ),
            1,
        )
        # the cart is an order now: another checkout finds no cart
        self.assertError(
            self.api(
                "POST", path, entity=self.entity_a, body={}, idempotency_key="co-2"
            ),
            404,
            "not_found",
        )

    def test_checkout_refused_by_blockers_and_roles(self):
        cart = self.new_cart()
        self.add(cart["id"], [{"sku": "API-BOLT", "qty": 2}])
        self.entity_a.b2b_state = "pending"
        error = self.assertError(
            self.api(
                "POST",
                f"/carts/{cart['id']}/checkout",
                entity=self.entity_a,
                body={},
                idempotency_key="co-1",
            ),
            422,
            "order_rules",
        )
        self.assertIn("not verified", error["message"])
        self.assertEqual(self.env["sale.order"].browse(cart["id"]).state, "draft")
        # nothing was stored for that key: once approved, the same key orders
        self.entity_a.b2b_state = "approved"
        r = self.api(
            "POST",
            f"/carts/{cart['id']}/checkout",
            entity=self.entity_a,
            body={},
            idempotency_key="co-1",
        )
        self.assertEqual(r.status_code, 201, r.text)
        # an accountant's order key: reads, never orders (as in the portal)
        _key, secret = self.issue_key(self.accountant_a, self.entity_a, access="order")
        self.assertError(
            self.api("POST", "/carts", secret=secret, body={}, idempotency_key="x"),
            403,
            "role_forbidden",
        )
        self.assertEqual(self.api("GET", "/orders", secret=secret).status_code, 200)
