import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import MulticartCommon


@tagged("post_install", "-at_install")
class TestPortalCheckout(MulticartCommon, HttpCase):
    """Merge → review → checkout on the portal, the addresses of the
    checkout, and what the order pages show of the cart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.shop = cls.cart(cls.buyer_a, cls.entity_a, "Магазин", {cls.bolt: 2})
        cls.store = cls.cart(
            cls.buyer_a, cls.entity_a, "Склад Химки", {cls.bolt: 5, cls.nut: 1}
        )
        cls.store.client_order_ref = "ЗК-7"
        cls.dock = cls.env["res.partner"].create(
            {
                "name": "Склад Альфы",
                "type": "delivery",
                "parent_id": cls.entity_a.id,
                "street": "ул. Складская, 1",
                "city": "Химки",
            }
        )

    def setUp(self):
        super().setUp()
        self.authenticate("buyer_a", "buyer_a")

    def checkout_form(self, cart, **data):
        values = {
            "token": f"co-{cart.id}",
            "contract_id": self.contract_a.id,
            "version": cart.b2b_version,
        }
        values.update(data)
        return values

    @staticmethod
    def form_version(page):
        form = re.search(r'<form id="b2b_checkout".*?</form>', page, re.S).group(0)
        return re.search(r'name="version" value="(\d+)"', form).group(1)

    @staticmethod
    def errors(page):
        return re.findall(r'<div class="alert alert-danger.*?</div>', page, re.S)

    def test_carts_table_keeps_its_columns_without_request_number(self):
        page = self.url_open("/my/b2b/carts").text
        rows = re.findall(r'<tr class="o_b2b_cart_row".*?</tr>', page, re.S)
        self.assertEqual(len(rows), 2)
        cells = [len(re.findall(r"<td[ >]", row)) for row in rows]
        header = re.search(r"<thead>.*?</thead>", page, re.S).group(0)
        self.assertEqual(cells, [len(re.findall(r"<th[ >/]", header))] * 2)
        self.assertIn("ЗК-7", page)

    def test_merge_review_then_checkout(self):
        Order = self.env["sale.order"]
        response = self.post(
            "/my/b2b/carts/merge",
            cart_ids=[self.shop.id, self.store.id],
            token="merge-1",
        )
        self.assertEqual(response.status_code, 303)
        merged = self.shop.b2b_merged_into_id
        # nothing is ordered by the merge button
        self.assertEqual(merged.state, "draft")
        self.assertFalse(Order.search([("state", "in", ("sent", "sale"))]))
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("2 carts are merged into this one.", page.text)
        self.assertIn("1 product was on several lines", page.text)
        self.assertIn("o_b2b_checkout", page.text)
        self.assertIn(f'value="{self.dock.id}"', page.text)
        date = fields.Date.today() + timedelta(days=4)
        response = self.post(
            f"/my/b2b/carts/{merged.id}/checkout",
            **self.checkout_form(
                merged,
                version=self.form_version(page.text),
                shipping_id=self.dock.id,
                date=fields.Date.to_string(date),
                note="Ворота 3, до 17:00",
            ),
        )
        self.assertEqual(response.status_code, 303, self.errors(response.text))
        self.assertEqual(merged.state, "sale")
        self.assertEqual(merged.partner_shipping_id, self.dock)
        self.assertEqual(merged.commitment_date.date(), date)
        self.assertEqual(len(merged.invoice_ids), 1)
        # the order page and the list name the cart, the request, the comment
        page = self.url_open(f"/my/orders/{merged.id}").text
        for text in ("Магазин + Склад Химки", "ЗК-7", "Ворота 3, до 17:00"):
            self.assertIn(text, page)
        listing = self.url_open("/my/orders").text
        for text in ("o_b2b_order_cart_name", "Магазин + Склад Химки", "ЗК-7"):
            self.assertIn(text, listing)
        self.assertIn("Ворота 3, до 17:00", listing)

    def test_failed_checkout_keeps_what_was_typed(self):
        past = fields.Date.to_string(fields.Date.today() - timedelta(days=1))
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/checkout",
            **self.checkout_form(
                self.store, shipping_id=self.dock.id, date=past, note="Позвонить"
            ),
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("in the past", response.text)
        self.assertIn(f'value="{past}"', response.text)
        self.assertIn("Позвонить</textarea>", response.text)
        self.assertRegex(response.text, rf'value="{self.dock.id}"\s+selected=')
        self.assertEqual(self.store.state, "draft")
        self.assertFalse(self.store.b2b_note)
        self.assertFalse(self.store.b2b_submit_token)

    def test_add_an_address_without_review(self):
        self.env["ir.config_parameter"].set_param(
            "b2b_multicart.review_delivery_addresses", "0"
        )
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/address",
            **self.checkout_form(
                self.store,
                note="Позвонить",
                delivery_street="ул. Новая, 5",
                delivery_city="Москва",
                delivery_zip="101000",
            ),
        )
        self.assertEqual(response.status_code, 200)
        address = self.entity_a.child_ids.filtered(lambda p: p.street == "ул. Новая, 5")
        self.assertEqual(address.type, "delivery")
        self.assertRegex(response.text, rf'value="{address.id}"\s+selected=')
        self.assertIn("Позвонить</textarea>", response.text)
        self.assertFalse(self.env["b2b.change.request"].search([]))
        # the form as shown orders the cart
        version = self.form_version(response.text)
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/checkout",
            **self.checkout_form(
                self.store, version=version, shipping_id=address.id, note="Позвонить"
            ),
        )
        self.assertEqual(response.status_code, 303, self.errors(response.text))
        self.assertEqual(self.store.partner_shipping_id, address)
        # the same address again: not a second one
        self.post(
            f"/my/b2b/carts/{self.store.id}/address",
            delivery_street="ул. Новая, 5",
            delivery_city="Москва",
            delivery_zip="101000",
        )
        self.assertEqual(len(self.entity_a._b2b_delivery_addresses()), 3)

    def test_add_an_address_for_review(self):
        before = self.entity_a._b2b_delivery_addresses()
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/address",
            delivery_street="ул. Новая, 5",
            delivery_city="Москва",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("sent to your supplier", response.text)
        request = self.env["b2b.change.request"].search(
            [("entity_id", "=", self.entity_a.id)]
        )
        self.assertEqual(request.state, "pending")
        self.assertEqual(request.values["delivery_street"], "ул. Новая, 5")
        self.assertFalse(request.delivery_id)
        self.assertEqual(self.entity_a._b2b_delivery_addresses(), before)
        request.with_user(self.manager).action_approve()
        self.assertEqual(len(self.entity_a._b2b_delivery_addresses()), len(before) + 1)

    def test_bad_address_writes_nothing(self):
        before = self.entity_a._b2b_delivery_addresses()
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/address",
            **self.checkout_form(self.store, note="Позвонить", delivery_city="Москва"),
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Москва", response.text)
        self.assertIn("Позвонить</textarea>", response.text)
        self.assertEqual(self.entity_a._b2b_delivery_addresses(), before)
        self.assertFalse(self.env["b2b.change.request"].search([]))
        # another entity's cart: nothing
        cart_b = self.cart(self.buyer_ab, self.entity_b, "Бета", {self.bolt: 1})
        response = self.post(
            f"/my/b2b/carts/{cart_b.id}/address",
            delivery_street="ул. Чужая, 1",
            delivery_city="Москва",
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(
            self.env["res.partner"].search([("street", "=", "ул. Чужая, 1")])
        )

    def test_move_and_copy_say_what_happened(self):
        lines = self.store._b2b_product_lines()
        response = self.post(
            f"/my/b2b/carts/{self.store.id}/move",
            line_ids=lines.ids,
            target_id=self.shop.id,
            mode="copy",
            version=self.store.b2b_version,
        )
        self.assertEqual(response.status_code, 303)
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("2 lines copied to “Магазин”.", page)
        response = self.post(
            f"/my/b2b/carts/{self.shop.id}/move",
            line_ids=self.shop._b2b_product_lines()[:1].ids,
            target_id=self.store.id,
            mode="move",
            version=self.shop.b2b_version,
        )
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("1 line moved to “Склад Химки”.", page)
        # a cart of another entity in the query names nothing
        cart_b = self.cart(self.buyer_ab, self.entity_b, "Бета", {self.bolt: 1})
        page = self.url_open(
            f"/my/b2b/carts/{self.shop.id}?moved=3&to={cart_b.id}"
        ).text
        self.assertNotIn("Бета", page)

    def test_note_is_editable_on_the_cart_page(self):
        page = self.url_open(f"/my/b2b/carts/{self.shop.id}").text
        self.assertRegex(page, r'<textarea name="note"[^>]*o_b2b_cart_note')
        response = self.post(
            f"/my/b2b/carts/{self.shop.id}/rename",
            name="Магазин",
            note="Привезти до обеда",
            version=self.shop.b2b_version,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.shop.b2b_note, "Привезти до обеда")
        page = self.url_open(f"/my/b2b/carts/{self.shop.id}").text
        self.assertIn("Привезти до обеда</textarea>", page)
