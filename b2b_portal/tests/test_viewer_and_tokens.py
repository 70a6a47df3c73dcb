from odoo.tests import HttpCase, tagged

from .common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestViewerAndTokens(B2bHttpMixin, B2bCommon, HttpCase):
    """A viewer writes nothing anywhere; another entity's order stays closed
    whatever id or token is tried."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Viewer test bolt", "default_code": "VWR-1"}
        )
        cls.entity_a.user_id = cls.manager
        cls.order_a, cls.order_b = cls.env["sale.order"].create(
            [
                {
                    "partner_id": entity.id,
                    "b2b_contract_id": contract.id,
                    "order_line": [
                        (0, 0, {"product_id": cls.product.id, "product_uom_qty": 2})
                    ],
                }
                for entity, contract in (
                    (cls.entity_a, cls.contract_a),
                    (cls.entity_b, cls.contract_b),
                )
            ]
        )
        (cls.order_a | cls.order_b).action_confirm()
        cls.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == cls.buyer_a
        ).role = "viewer"

    def test_viewer_writes_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        membership = self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_a
        )
        attempts = [
            ("/my/b2b/cart/add", {f"qty_{self.product.id}": "1"}),
            (f"/my/b2b/orders/{self.order_a.id}/reorder", {}),
            ("/my/b2b/manager/message", {"body": "Hello"}),
            (
                f"/my/b2b/entities/{self.entity_a.id}/change",
                {"phone": "+7 495 000-00-00"},
            ),
            (
                f"/my/b2b/entities/{self.entity_a.id}/members/invite",
                {"email": "new@example.com", "role": "buyer"},
            ),
            (
                f"/my/b2b/entities/{self.entity_a.id}/members/{membership.id}/role",
                {"role": "owner"},
            ),
        ]
        messages = len(self.entity_a.message_ids)
        for url, data in attempts:
            with self.subTest(url=url):
                self.assertIn(self.post(url, **data).status_code, (403, 404))
        self.assertFalse(self.buyer_a._b2b_current_cart(self.entity_a))
        self.assertEqual(len(self.entity_a.message_ids), messages)
        self.assertEqual(membership.role, "viewer")
        self.assertFalse(
            self.env["b2b.change.request"].search(
                [("entity_id", "=", self.entity_a.id)]
            )
        )
        self.assertFalse(
            self.env["res.users"].search([("login", "=", "new@example.com")])
        )
        # reading is what a viewer does
        self.assertEqual(self.url_open("/my/b2b/catalog").status_code, 200)
        self.assertNotIn("o_b2b_message_form", self.url_open("/my/b2b").text)

    def test_another_entitys_order_by_id_and_token(self):
        self.authenticate("buyer_a", "buyer_a")
        url = f"/my/orders/{self.order_b.id}"
        for query in (
            "",
            "?access_token=wrong",
            f"?access_token={self.order_a._portal_ensure_token()}",
        ):
            with self.subTest(query=query):
                response = self.url_open(url + query, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303, 403, 404))
                self.assertNotIn(self.order_b.name, response.text)
        page = self.url_open("/my/orders?search=" + self.order_b.name).text
        self.assertNotIn(self.order_b.name, page)
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.buyer_a)
            .search([("id", "=", self.order_b.id)]),
            self.env["sale.order"],
        )
