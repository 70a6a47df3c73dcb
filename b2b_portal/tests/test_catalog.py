from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import B2bCommon, B2bHttpMixin


@tagged("post_install", "-at_install")
class TestCatalog(B2bHttpMixin, B2bCommon, HttpCase):
    """/my/b2b/catalog, add to cart and the entity switch, over HTTP."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["product.category"].create({"name": "Крепёж тест"})
        cls.products = cls.env["product.product"].create(
            [
                {
                    "name": f"Болт тестовый M{n}",
                    "default_code": f"TST-{n:04d}",
                    "barcode": f"46099{n:08d}",
                    "list_price": 100.0 + n,
                    "b2b_rrp": 200.0 + n,
                    "categ_id": cls.category.id,
                    "type": "consu",
                    "is_storable": True,
                    "sale_ok": True,
                }
                for n in range(1, 26)
            ]
        )
        cls.bolt_1, cls.bolt_2, cls.bolt_3 = cls.products[:3]
        # entity B pays 10% less than entity A
        cls.pricelist_b.item_ids = [
            Command.create({"compute_price": "percentage", "percent_price": 10.0})
        ]
        cls.entity_b.user_id = cls.manager

    def add(self, quantities, **extra):
        data = {f"qty_{key}": value for key, value in quantities.items()}
        return self.post("/my/b2b/cart/add", data, **extra)

    def cart(self, user, entity):
        return user._b2b_current_cart(entity)

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open("/my/b2b/catalog", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])

    def test_table_shows_price_rrp_and_stock(self):
        self.add_stock({self.bolt_1: 42})
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=TST-0001").text
        self.assertIn("TST-0001", page)
        self.assertNotIn("TST-0002", page)
        self.assertIn("101.00", page)  # list price of bolt 1
        self.assertIn("201.00", page)  # its RRP
        self.assertIn(">42<", page.replace("\n", "").replace(" ", ""))

    def test_prices_differ_per_entity(self):
        self.authenticate("buyer_ab", "buyer_ab")
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        page_a = self.url_open("/my/b2b/catalog?search=TST-0010").text
        self.assertIn("110.00", page_a)
        response = self.post("/my/b2b/entity/switch", entity_id=self.entity_b.id)
        self.assertEqual(response.status_code, 303)
        page_b = self.url_open("/my/b2b/catalog?search=TST-0010").text
        self.assertIn("99.00", page_b)
        self.assertNotIn("110.00", page_b)

    def test_switch_to_another_holding_is_forbidden(self):
        self.authenticate("buyer_a", "buyer_a")
        for entity_id in (self.entity_b.id, "abc", 999999):
            response = self.post("/my/b2b/entity/switch", entity_id=entity_id)
            self.assertEqual(response.status_code, 403, entity_id)
        self.assertFalse(self.buyer_a.b2b_active_entity_id)

    def test_search_by_prefix_barcode_and_name(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=TST-001&ppg=50").text
        self.assertEqual(page.count('class="o_b2b_row"'), 10)  # TST-0010 … TST-0019
        page = self.url_open(f"/my/b2b/catalog?search={self.bolt_3.barcode}").text
        self.assertEqual(page.count('class="o_b2b_row"'), 1)
        self.assertIn("TST-0003", page)
        page = self.url_open("/my/b2b/catalog?search=тестовый M2&ppg=100").text
        self.assertIn("TST-0002", page)
        self.assertIn("TST-0025", page)

    def test_pager_and_page_size(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open("/my/b2b/catalog?search=TST&ppg=20").text
        self.assertEqual(page.count('class="o_b2b_row"'), 20)
        page = self.url_open("/my/b2b/catalog?search=TST&ppg=20&page=2").text
        self.assertEqual(page.count('class="o_b2b_row"'), 5)
        page = self.url_open("/my/b2b/catalog?search=TST&ppg=7777").text
        self.assertEqual(page.count('class="o_b2b_row"'), 20, "unknown page size: 20")

    def test_add_to_cart_merges_quantities(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.add(
            {self.bolt_1.id: "5", self.bolt_2.id: "2", self.bolt_3.id: ""}
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("added=2", response.headers["Location"])
        cart = self.cart(self.buyer_a, self.entity_a)
        self.assertTrue(cart.b2b_is_cart)
        self.assertEqual(cart.b2b_contract_id, self.contract_a)
        self.assertEqual(cart.pricelist_id, self.pricelist_a)
        self.add({self.bolt_1.id: "3"})
        self.assertEqual(len(cart.order_line), 2)
        qty = {line.product_id: line.product_uom_qty for line in cart.order_line}
        self.assertEqual(qty, {self.bolt_1: 8, self.bolt_2: 2})

    def test_bad_quantities_write_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        cases = {
            "-3": "more than zero",
            "0": "more than zero",
            "2,5": "whole units",
            "1e12": "more than can be ordered",
            "много": "is not a quantity",
        }
        for text, message in cases.items():
            with self.subTest(text=text):
                response = self.add({self.bolt_1.id: "1", self.bolt_2.id: text})
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("Nothing was added", response.text)
        self.assertFalse(self.cart(self.buyer_a, self.entity_a))

    def test_foreign_or_unknown_products_write_nothing(self):
        other_company = self.env["res.company"].create({"name": "Other supplier"})
        foreign = self.env["product.product"].create(
            {"name": "Not yours", "company_id": other_company.id}
        )
        self.authenticate("buyer_a", "buyer_a")
        for key in (foreign.id, 99999999, "abc"):
            response = self.add({self.bolt_1.id: "1", key: "1"})
            self.assertEqual(response.status_code, 400, key)
            self.assertIn(
                "not in your catalog" if key != "abc" else "Unknown product",
                response.text,
            )
        response = self.add({self.bolt_1.id: ""})
        self.assertEqual(response.status_code, 400)
        self.assertIn("at least one product", response.text)
        self.assertFalse(self.cart(self.buyer_a, self.entity_a))

    def test_roles_and_verification_gate_ordering(self):
        membership = self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_a
        )
        membership.role = "accountant"
        self.authenticate("buyer_a", "buyer_a")
        self.assertEqual(self.add({self.bolt_1.id: "1"}).status_code, 403)
        page = self.url_open("/my/b2b/catalog").text
        self.assertNotIn(
            "o_b2b_qty", page, "no quantity inputs without the right to order"
        )
        membership.role = "owner"
        self.entity_a.b2b_state = "pending"
        response = self.add({self.bolt_1.id: "1"})
        self.assertEqual(response.status_code, 400)
        self.assertIn("not verified yet", response.text)
        self.assertFalse(self.cart(self.buyer_a, self.entity_a))

    def test_huge_search_string(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b/catalog?search=" + "TST" * 2000)
        self.assertEqual(response.status_code, 200)
        self.assertIn("cut to its first 1000 characters", response.text)

    def test_buyer_without_entity_is_sent_to_registration(self):
        self.env["b2b.membership"].search([("user_id", "=", self.buyer_a.id)]).unlink()
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b/catalog", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(
            response.headers["Location"].endswith("/my/b2b/entities/register")
        )
        # nothing of the catalog
        self.assertNotIn("o_b2b_catalog_table", response.text)

    def test_tour_switch_search_and_add_three_rows(self):
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.start_tour("/my/b2b/catalog", "b2b_portal_catalog_add", login="buyer_ab")
        cart = self.cart(self.buyer_ab, self.entity_b)
        self.assertEqual(len(cart.order_line), 3)
        self.assertEqual(sum(cart.order_line.mapped("product_uom_qty")), 6)
        self.assertFalse(self.cart(self.buyer_ab, self.entity_a))
