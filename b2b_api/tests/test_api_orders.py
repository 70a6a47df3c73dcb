import datetime

from odoo import SUPERUSER_ID, Command, api
from odoo.tests import TransactionCase, tagged

from ..controllers import order_schemas as schemas
from ..tools.errors import ApiError
from .common import B2bApiHttpCase


@tagged("post_install", "-at_install")
class TestApiOrders(B2bApiHttpCase):
    """The entity's orders: the list with updated_since and cursors, one
    order with its lines' status and deliveries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.create_fasteners("ORD")
        cls.add_stock({cls.bolt: 100, cls.nut: 100})

    def make_order(self, entity, user, qty=2, confirm=True):
        values = user._b2b_cart_values(entity)
        values["order_line"] = [
            Command.create({"product_id": self.bolt.id, "product_uom_qty": qty})
        ]
        order = self.env["sale.order"].sudo().create(values)
        if confirm:
            order.action_confirm()
        return order

    def test_list_with_cursor_and_updated_since(self):
        orders = [
            self.make_order(self.entity_a, self.owner_a, qty) for qty in (1, 2, 3)
        ]
        self.make_order(self.entity_a, self.owner_a, confirm=False)  # a cart
        other = self.make_order(self.entity_b, self.member_b)
        first = self.api("GET", "/orders", entity=self.entity_a, params={"limit": 2})
        self.assertEqual(first.status_code, 200, first.text)
        self.assertMatches(first.json(), schemas.ORDERS_PAGE)
        page = first.json()
        self.assertEqual([o["id"] for o in page["orders"]], [o.id for o in orders[:2]])
        self.assertTrue(page["next_cursor"])
        second = self.api(
            "GET",
            "/orders",
            entity=self.entity_a,
            params={"limit": 2, "cursor": page["next_cursor"]},
        ).json()
        self.assertEqual([o["id"] for o in second["orders"]], [orders[2].id])
        self.assertIsNone(second["next_cursor"])
        # a cursor is of its filters
        self.assertError(
            self.api(
                "GET",
                "/orders",
                entity=self.entity_a,
                params={
                    "cursor": page["next_cursor"],
                    "updated_since": "2020-01-01T00:00:00Z",
                },
            ),
            422,
            "invalid_cursor",
        )
        later = (datetime.datetime.utcnow() + datetime.timedelta(hours=1)).isoformat()
        self.assertEqual(
            self.api(
                "GET",
                "/orders",
                entity=self.entity_a,
                params={"updated_since": later + "Z"},
            ).json()["orders"],
            [],
        )
        self.assertError(
            self.api(
                "GET", "/orders", entity=self.entity_a, params={"updated_since": "soon"}
            ),
            422,
            "invalid_request",
        )
        # B's member sees B's order only
        ids = [
            o["id"]
            for o in self.api("GET", "/orders", secret=self.secret_b).json()["orders"]
        ]
        self.assertEqual(ids, [other.id])

    def test_one_order_with_lines_and_deliveries(self):
        order = self.make_order(self.entity_a, self.owner_a, qty=5)
        r = self.api("GET", f"/orders/{order.id}", entity=self.entity_a)
        self.assertEqual(r.status_code, 200, r.text)
        answer = r.json()
        self.assertMatches(answer, schemas.ORDER)
        self.assertEqual(answer["name"], order.name)
        [line] = answer["lines"]
        self.assertEqual(
            (line["sku"], line["qty"], line["qty_delivered"], line["status"]),
            ("ORD-BOLT", 5, 0, "to_deliver"),
        )
        # the owner reads documents: the delivery is listed
        self.assertEqual([d["id"] for d in answer["deliveries"]], order.picking_ids.ids)
        picking = order.picking_ids
        picking.move_ids.quantity = 2
        picking.move_ids.picked = True
        picking.with_context(skip_backorder=True, cancel_backorder=False)._action_done()
        line = self.api("GET", f"/orders/{order.id}", entity=self.entity_a).json()[
            "lines"
        ][0]
        self.assertEqual((line["qty_delivered"], line["status"]), (2, "partial"))
        # another entity's member, and a cart: not found
        self.assertError(
            self.api("GET", f"/orders/{order.id}", secret=self.secret_b),
            404,
            "not_found",
        )
        cart = self.make_order(self.entity_a, self.owner_a, confirm=False)
        self.assertError(
            self.api("GET", f"/orders/{cart.id}", entity=self.entity_a),
            404,
            "not_found",
        )
        # a revoked key reads nothing
        self.key_a._b2b_revoke()
        self.assertError(
            self.api("GET", f"/orders/{order.id}", entity=self.entity_a),
            401,
            "key_revoked",
        )

    def test_optional_endpoints_follow_their_addons(self):
        """Without b2b_quick_order (or b2b_edo, b2b_claims) their endpoints
        answer 404 not_installed and are not in the OpenAPI document."""
        paths = self.url_open("/b2b/api/v1/openapi.json").json()["paths"]
        self.assertIn("/b2b/api/v1/carts/{id}/checkout", paths)
        self.assertIn("/b2b/api/v1/orders/{id}", paths)
        for model, path in (("b2b.quick.order", "/quick-order/preview"),):
            body = {"lines": [{"sku": "ORD-BOLT", "qty": 1}]}
            r = self.api("POST", path, entity=self.entity_a, body=body)
            if model in self.env:
                self.assertIn("/b2b/api/v1" + path, paths)
                self.assertEqual(r.status_code, 200, r.text)
            else:
                self.assertNotIn("/b2b/api/v1" + path, paths)
                self.assertError(r, 404, "not_installed")


@tagged("post_install", "-at_install")
class TestConcurrentCheckout(TransactionCase):
    """Two requests check out the same cart with the same Idempotency-Key
    at once, on two real cursors: one order, the second request refused
    while the first runs and replaying its answer once it committed.
    Committed data, removed afterwards."""

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            entity = env["res.partner"].create(
                {"name": "Conc Entity", "is_company": True, "b2b_state": "approved"}
            )
            user = env["res.users"].create(
                {
                    "name": "Conc Buyer",
                    "login": "conc_buyer",
                    "group_ids": [(6, 0, env.ref("base.group_portal").ids)],
                }
            )
            env["b2b.membership"].create(
                {"user_id": user.id, "entity_id": entity.id, "role": "owner"}
            )
            pricelist = env["product.pricelist"].create({"name": "Conc"})
            contract = env["b2b.contract"].create(
                {
                    "name": "Conc-1",
                    "entity_id": entity.id,
                    "pricelist_id": pricelist.id,
                    "state": "active",
                    "is_default": True,
                }
            )
            product = env["product.product"].create(
                {
                    "name": "Conc service",
                    "default_code": "CONC-1",
                    "type": "service",
                    "list_price": 5.0,
                }
            )
            secret = (
                env["res.users.apikeys"]
                .with_user(user)
                .sudo()
                ._generate("b2b_api", "conc", None)
            )
            key = env["b2b.api.key"]._b2b_register(
                user, entity, "conc", "order", env.cr.now(), secret
            )
            cart = env["sale.order"].create(
                {
                    **user._b2b_cart_values(entity),
                    "order_line": [
                        Command.create({"product_id": product.id, "product_uom_qty": 3})
                    ],
                }
            )
            self.ids = {
                "entity": entity.id,
                "user": user.id,
                "partner": user.partner_id.id,
                "pricelist": pricelist.id,
                "contract": contract.id,
                "product": product.id,
                "key": key.id,
                "cart": cart.id,
            }
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            ids = self.ids
            orders = env["sale.order"].search([("partner_id", "=", ids["entity"])])
            orders.invoice_ids.filtered(lambda m: m.state == "posted").button_draft()
            orders.invoice_ids.unlink()
            orders._action_cancel()
            orders.unlink()
            env["b2b.api.key"].browse(ids["key"]).unlink()
            env["b2b.contract"].browse(ids["contract"]).unlink()
            env["b2b.membership"].search([("user_id", "=", ids["user"])]).unlink()
            env["res.users"].browse(ids["user"]).unlink()
            env["res.partner"].browse([ids["partner"], ids["entity"]]).unlink()
            env["product.product"].browse(ids["product"]).product_tmpl_id.unlink()
            env["product.pricelist"].browse(ids["pricelist"]).unlink()

    def checkout_in(self, cr, made):
        """What the checkout endpoint does, on ``cr``, as the buyer."""
        env = api.Environment(cr, self.ids["user"], {})
        key = env["b2b.api.key"].sudo().browse(self.ids["key"])
        entity = env["res.partner"].browse(self.ids["entity"])
        Orders = env["b2b.api.orders"]

        def func():
            cart = env.user._b2b_cart_by_id(entity, self.ids["cart"], mode="edit")
            order = Orders._b2b_checkout(env.user, entity, cart, {})
            made.append(order.id)
            return 201, {"order": Orders._b2b_order_dict(order)}

        return env["b2b.api.idempotency"].sudo()._b2b_run(key, "same", b"{}", func)

    def test_two_cursors_make_one_order(self):
        made = []
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            first = self.checkout_in(cr1, made)  # holds the key, not committed
            with self.assertRaises(ApiError) as caught:
                self.checkout_in(cr2, made)
            self.assertEqual(caught.exception.status, 409)
            cr2.rollback()
            cr1.commit()
            second = self.checkout_in(cr2, made)
            cr2.commit()
        self.assertEqual(second, (first[0], first[1], True))
        self.assertEqual(len(made), 1)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            orders = env["sale.order"].search(
                [
                    ("partner_id", "=", self.ids["entity"]),
                    ("state", "in", ("sale", "sent")),
                ]
            )
            self.assertEqual(orders.ids, [self.ids["cart"]])
