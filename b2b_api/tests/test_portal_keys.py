import re

from odoo.tests import tagged

from .common import B2bApiHttpCase


@tagged("post_install", "-at_install")
class TestPortalKeys(B2bApiHttpCase):
    """/my/b2b/api: an owner makes, lists and revokes keys; nobody else."""

    def make(self, **form):
        values = {"name": "1C", "access": "read", "days": "90", "scope_entity": "1"}
        return self.post("/my/b2b/api/create", {**values, **form})

    def test_owner_makes_a_key_shown_once(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.make(name="Бухгалтерия", access="order")
        self.assertEqual(response.status_code, 200, response.text[:300])
        secret = re.search(r'o_b2b_api_secret">([^<]+)<', response.text).group(1)
        key = self.env["b2b.api.key"].search([("name", "=", "Бухгалтерия")])
        self.assertEqual(
            (key.user_id, key.entity_id, key.access),
            (self.owner_a, self.entity_a, "order"),
        )
        # Odoo's row: scope b2b_api, hashed, the same expiry
        self.env.cr.execute(
            "SELECT scope, key, expiration_date FROM res_users_apikeys WHERE id = %s",
            [key.apikey_id],
        )
        scope, stored, expiry = self.env.cr.fetchone()
        self.assertEqual(scope, "b2b_api")
        self.assertNotIn(secret, stored)
        self.assertEqual(expiry, key.expiration_date)
        # it works on the API, and the page never shows it again
        self.assertEqual(self.api("GET", "/entities", secret=secret).status_code, 200)
        page = self.url_open("/my/b2b/api")
        self.assertIn("Бухгалтерия", page.text)
        self.assertNotIn(secret, page.text)
        self.assertIn(secret[:8], page.text)

    def test_bad_input_writes_nothing(self):
        self.authenticate("buyer_a", "buyer_a")
        before = self.env["b2b.api.key"].search_count([])
        for form in ({"days": "400"}, {"name": "  "}, {"access": "admin"}):
            response = self.make(**form)
            self.assertEqual(response.status_code, 400, form)
            self.assertIn("o_b2b_api_error", response.text)
        self.assertEqual(self.env["b2b.api.key"].search_count([]), before)
        with self.assertRaisesRegex(Exception, "within a year"):
            self.env["b2b.api.key"]._b2b_create(
                self.owner_a, self.entity_a, "x", "read", self.in_days(400)
            )

    def test_only_owners(self):
        # buyer_ab: a buyer in A (the active entity), owner of B
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.authenticate("buyer_ab", "buyer_ab")
        self.assertEqual(self.url_open("/my/b2b/api").status_code, 403)
        self.assertEqual(self.make().status_code, 403)
        dashboard = self.url_open("/my/b2b")
        self.assertNotIn("o_b2b_api_card", dashboard.text)
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.assertEqual(self.url_open("/my/b2b/api").status_code, 200)
        self.assertIn("o_b2b_api_card", self.url_open("/my/b2b").text)

    def test_revoke_and_call_log(self):
        self.api("GET", "/entities")
        self.authenticate("buyer_a", "buyer_a")
        calls = self.url_open(f"/my/b2b/api/{self.key_a.id}/calls")
        self.assertIn("/b2b/api/v1/entities", calls.text)
        response = self.post(f"/my/b2b/api/{self.key_a.id}/revoke")
        self.assertEqual(response.status_code, 303)
        self.assertTrue(self.key_a.revoked)
        self.assertError(self.api("GET", "/entities"), 401, "key_revoked")

    def test_another_buyers_key_is_not_there(self):
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.authenticate("buyer_ab", "buyer_ab")
        self.assertEqual(
            self.post(f"/my/b2b/api/{self.key_a.id}/revoke").status_code, 404
        )
        self.assertEqual(
            self.url_open(f"/my/b2b/api/{self.key_a.id}/calls").status_code, 404
        )
        self.assertFalse(self.key_a.revoked)
        self.assertNotIn("ERP A", self.url_open("/my/b2b/api").text)
