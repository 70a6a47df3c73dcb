from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestAccessHoles(B2bHttpMixin, B2bCommon, HttpCase):
    """Odoo's own portal routes and JSON-RPC as colleagues of other roles:
    no decline, sign or payment without the ordering role, no entity address
    changed outside a change request, no colleague's cart read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the contacts of B2bCommon's viewer and accountant of A sit under the
        # entity, as invited colleagues' do: Odoo's own portal rules then see
        # all the entity's orders
        (cls.viewer_a | cls.accountant_a).partner_id.parent_id = cls.entity_a
        cls.product = cls.env["product.product"].create(
            {"name": "Access test bolt", "default_code": "ACC-1", "list_price": 10.0}
        )
        line = {"product_id": cls.product.id, "product_uom_qty": 3}
        cls.quotation = cls.env["sale.order"].create(
            {
                "partner_id": cls.entity_a.id,
                "b2b_contract_id": cls.contract_a.id,
                "require_signature": True,
                "order_line": [(0, 0, line)],
            }
        )
        cls.quotation.action_quotation_sent()
        cls.cart = cls.buyer_a._b2b_current_cart(cls.entity_a, create=True)
        cls.cart.write({"order_line": [(0, 0, line)], "require_signature": True})
        cls.delivery = cls.env["res.partner"].create(
            {
                "name": "Склад Альфы",
                "type": "delivery",
                "parent_id": cls.entity_a.id,
                "street": "ул. Складская, 1",
                "city": "Москва",
            }
        )

    def jsonrpc(self, url, **params):
        return self.make_jsonrpc_request(url, params)

    # -- item 3: decline, sign, pay ----------------------------------------------
    def test_viewer_and_accountant_cannot_decline_sign_or_pay(self):
        token = self.quotation._portal_ensure_token()
        for login in ("viewer_a", "accountant_a"):
            self.authenticate(login, login)
            with self.subTest(login=login):
                response = self.post(
                    f"/my/orders/{self.quotation.id}/decline",
                    access_token=token,
                    decline_message="No",
                )
                self.assertEqual(response.status_code, 403)
                self.assertNotIn(token, response.headers.get("Location", ""))
                result = self.jsonrpc(
                    f"/my/orders/{self.quotation.id}/accept",
                    access_token=token,
                    name="Viewer",
                    signature="R0lGODlhAQABAAAAACw=",
                )
                self.assertIn("error", result)
                with self.assertRaises(JsonRpcException):
                    self.jsonrpc(
                        f"/my/orders/{self.quotation.id}/transaction",
                        access_token=token,
                    )
        self.assertEqual(self.quotation.state, "sent")
        self.assertFalse(self.quotation.signature)
        self.assertFalse(self.quotation.transaction_ids)
        # the token alone, logged out, does not do it either
        self.authenticate(None, None)
        response = self.post(
            f"/my/orders/{self.quotation.id}/decline",
            access_token=token,
            decline_message="No",
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.quotation.state, "sent")
        # a buyer of the entity may
        self.authenticate("buyer_ab", "buyer_ab")
        response = self.post(
            f"/my/orders/{self.quotation.id}/decline", decline_message="Too dear"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.quotation.state, "cancel")

    def test_viewer_cannot_change_the_optional_products(self):
        self.quotation.write(
            {
                "order_line": [
                    (
                        0,
                        0,
                        {
                            "display_type": "line_section",
                            "name": "Options",
                            "is_optional": True,
                            "sequence": 50,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "product_id": self.product.id,
                            "product_uom_qty": 1,
                            "sequence": 51,
                        },
                    ),
                ]
            }
        )
        option = self.quotation.order_line.filtered(lambda line: line.sequence == 51)
        self.assertTrue(option._can_be_edited_on_portal())
        url = f"/my/orders/{self.quotation.id}/update_line_dict"
        token = self.quotation._portal_ensure_token()
        for login, qty in (("viewer_a", 1), ("accountant_a", 1), ("buyer_ab", 4)):
            self.authenticate(login, login)
            with self.subTest(login=login):
                self.jsonrpc(
                    url, line_id=option.id, access_token=token, input_quantity=4
                )
                self.assertEqual(option.product_uom_qty, qty)

    def test_a_cart_is_never_declined_or_signed_through_odoo(self):
        token = self.cart._portal_ensure_token()
        for login in ("buyer_ab", "viewer_a", "buyer_a"):
            self.authenticate(login, login)
            with self.subTest(login=login):
                response = self.post(
                    f"/my/orders/{self.cart.id}/decline",
                    access_token=token,
                    decline_message="No",
                )
                self.assertEqual(response.status_code, 403)
                result = self.jsonrpc(
                    f"/my/orders/{self.cart.id}/accept",
                    access_token=token,
                    name="Someone",
                    signature="R0lGODlhAQABAAAAACw=",
                )
                self.assertIn("error", result)
        self.assertEqual(self.cart.state, "draft")
        self.assertFalse(self.cart.signature)

    # -- item 4: addresses -------------------------------------------------------
    def test_entity_addresses_change_only_by_change_request(self):
        before = self.delivery.read(["street", "city", "active"])
        children = self.entity_a.child_ids
        for login in ("viewer_a", "buyer_a"):  # buyer_a is the owner
            self.authenticate(login, login)
            with self.subTest(login=login):
                self.assertEqual(
                    self.url_open(
                        f"/my/address?partner_id={self.delivery.id}",
                        allow_redirects=False,
                    ).status_code,
                    403,
                )
                response = self.post(
                    "/my/address/submit",
                    partner_id=str(self.delivery.id),
                    name="Склад Альфы",
                    street="ул. Чужая, 13",
                    city="Тверь",
                    address_type="delivery",
                )
                self.assertEqual(response.status_code, 403)
                for partner in (self.delivery, self.entity_a):
                    response = self.url_open(
                        "/my/address/archive",
                        json={"params": {"partner_id": partner.id}},
                    )
                    self.assertNotIn('"result"', response.text)
                # a new address under the entity
                response = self.post(
                    "/my/address/submit",
                    name="Новый склад",
                    email="store@example.com",
                    phone="+7 495 000-00-01",
                    street="ул. Новая, 2",
                    city="Москва",
                    zip="101000",
                    country_id=str(self.ru.id),
                    address_type="delivery",
                )
                self.assertEqual(response.status_code, 403)
        self.assertEqual(self.delivery.read(["street", "city", "active"]), before)
        self.assertTrue(self.entity_a.active)
        self.assertEqual(self.entity_a.child_ids, children)

    def test_own_contact_edit_does_not_rename_the_entity(self):
        self.authenticate("viewer_a", "viewer_a")
        response = self.post(
            "/my/address/submit",
            partner_id=str(self.viewer_a.partner_id.id),
            name="Viewer A",
            email="viewer_a@example.com",
            phone="+7 495 111-22-33",
            street="ул. Своя, 5",
            city="Москва",
            zip="101000",
            country_id=str(self.ru.id),
            company_name="ООО «Захват»",
            address_type="billing",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("redirectUrl", response.text, response.text[:500])
        self.assertEqual(self.viewer_a.partner_id.phone, "+7 495 111-22-33")
        self.assertEqual(self.entity_a.name, "ООО «Альфа»")

    # -- item 5: a colleague's cart ----------------------------------------------
    def test_unshared_cart_is_private_in_every_channel(self):
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.buyer_a)
            .search([("id", "=", self.cart.id)]),
            self.cart,
            "its buyer reads it",
        )
        token_free = f"/my/orders/{self.cart.id}"
        for user in (self.viewer_a, self.accountant_a, self.buyer_ab):
            with self.subTest(login=user.login):
                Order = self.env["sale.order"].with_user(user)
                Line = self.env["sale.order.line"].with_user(user)
                self.assertFalse(Order.search([("id", "=", self.cart.id)]))
                self.assertFalse(Line.search([("order_id", "=", self.cart.id)]))
                # the entity's quotation they do read
                self.assertEqual(
                    Order.search([("id", "=", self.quotation.id)]), self.quotation
                )
                self.authenticate(user.login, user.login)
                for url in (token_free, token_free + "/download_edi"):
                    response = self.url_open(url, allow_redirects=False)
                    self.assertIn(response.status_code, (303, 403, 404), url)
                    self.assertNotIn(self.cart.name, response.text)
                for model, domain in (
                    ("sale.order", [["id", "=", self.cart.id]]),
                    ("sale.order.line", [["order_id", "=", self.cart.id]]),
                ):
                    rows = self.jsonrpc(
                        f"/web/dataset/call_kw/{model}/search_read",
                        model=model,
                        method="search_read",
                        args=[domain],
                        kwargs={"fields": ["display_name"]},
                    )
                    self.assertEqual(rows, [], model)
