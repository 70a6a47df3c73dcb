import datetime

from odoo.tests import tagged

from .common import B2bApiHttpCase


@tagged("post_install", "-at_install")
class TestApiAuth(B2bApiHttpCase):
    """Who may call: keys of scope b2b_api only, not revoked, not expired,
    of a member of the entity named, under their role."""

    def test_entities_of_the_key(self):
        response = self.api("GET", "/entities")
        self.assertEqual(response.status_code, 200, response.text)
        entities = response.json()["entities"]
        self.assertEqual([e["id"] for e in entities], self.entity_a.ids)
        self.assertEqual(entities[0]["role"], "owner")
        self.assertIn("api", entities[0]["capabilities"])
        # a key for all of the buyer's entities lists each with its role
        response = self.api("GET", "/entities", secret=self.read_secret_ab)
        roles = {
            e["id"]: (e["role"], e["can_order"]) for e in response.json()["entities"]
        }
        self.assertEqual(
            roles,
            {self.entity_a.id: ("buyer", False), self.entity_b.id: ("owner", False)},
        )

    def test_no_key_or_a_wrong_one(self):
        self.assertError(
            self.api("GET", "/entities", secret=False), 401, "key_required"
        )
        self.assertError(
            self.api("GET", "/entities", secret="0" * 40), 401, "invalid_key"
        )
        wrong = self.secret_a[:8] + "0" * 32
        self.assertError(self.api("GET", "/entities", secret=wrong), 401, "invalid_key")

    def test_a_session_is_not_a_key(self):
        self.authenticate("buyer_a", "buyer_a")
        self.assertError(
            self.api("GET", "/entities", secret=False), 401, "key_required"
        )

    def test_revoked_key_refused(self):
        self.key_a._b2b_revoke()
        self.assertError(self.api("GET", "/entities"), 401, "key_revoked")
        self.assertFalse(
            self.env["res.users.apikeys"].sudo().browse(self.key_a.apikey_id).exists()
        )

    def test_expired_key_refused(self):
        past = datetime.datetime.now() - datetime.timedelta(minutes=1)
        self.key_a.sudo().expiration_date = past
        self.assertError(self.api("GET", "/entities"), 401, "key_expired")
        # Odoo's own expiry of the row refuses it as well
        self.key_a.sudo().expiration_date = self.in_days(1)
        self.env.cr.execute(
            "UPDATE res_users_apikeys SET expiration_date = %s WHERE id = %s",
            [past, self.key_a.apikey_id],
        )
        self.assertEqual(self.api("GET", "/entities").status_code, 401)

    def test_key_of_another_scope_refused_and_ours_opens_no_json2(self):
        rpc_key = (
            self.env["res.users.apikeys"]
            .with_user(self.owner_a)
            .sudo()
            ._generate(None, "global", self.in_days(1))
        )
        self.assertError(
            self.api("GET", "/entities", secret=rpc_key), 401, "invalid_key"
        )
        response = self.url_open(
            "/json/2/res.partner/search_read",
            json={"domain": [], "fields": ["name"]},
            headers={"Authorization": f"Bearer {self.secret_a}"},
        )
        self.assertEqual(response.status_code, 401, response.text[:300])

    def test_entity_checked_against_memberships(self):
        # member of B only, naming A: nothing
        error = self.assertError(
            self.api("GET", "/catalog", secret=self.secret_b, entity=self.entity_a),
            403,
            "not_a_member",
        )
        self.assertNotIn(self.entity_a.name, error["message"])
        # a key restricted to A does not act for the owner's other entities
        key, secret = self.issue_key(self.buyer_ab, entity=self.entity_a)
        self.assertError(
            self.api("GET", "/catalog", secret=secret, entity=self.entity_b),
            403,
            "not_a_member",
        )
        # by INN or id; several entities and none named: say which
        for value in (self.entity_b.vat, str(self.entity_b.id)):
            response = self.api(
                "GET", "/catalog", secret=self.read_secret_ab, entity=value
            )
            self.assertEqual(response.status_code, 200, response.text)
        self.assertError(
            self.api("GET", "/catalog", secret=self.read_secret_ab),
            422,
            "entity_required",
        )
        # the stored active entity is neither used nor changed
        self.assertFalse(self.buyer_ab.b2b_active_entity_id)

    def test_role_and_membership_as_the_portal_has_them(self):
        """Read endpoints need "read", which every role has; a membership
        closed in the portal closes the API at once."""
        self.env["b2b.membership"].search(
            [("user_id", "=", self.buyer_ab.id), ("entity_id", "=", self.entity_a.id)]
        ).role = "accountant"
        # an accountant reads the catalog (read) but an order needs "order"
        self.assertEqual(
            self.api(
                "GET", "/catalog", secret=self.read_secret_ab, entity=self.entity_a
            ).status_code,
            200,
        )
        membership = self.env["b2b.membership"].search(
            [("user_id", "=", self.buyer_ab.id), ("entity_id", "=", self.entity_a.id)]
        )
        membership.active = False
        self.assertError(
            self.api(
                "GET", "/catalog", secret=self.read_secret_ab, entity=self.entity_a
            ),
            403,
            "not_a_member",
        )

    def test_read_only_key_refused_where_an_order_is_needed(self):
        with self.assertRaisesRegex(Exception, "read only"):
            self.read_key_ab._b2b_check_scope("order")
        self.key_a._b2b_check_scope("order")

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param("b2b_api.rate_limit", "3")
        for _i in range(3):
            self.assertEqual(self.api("GET", "/entities").status_code, 200)
        response = self.api("GET", "/entities")
        self.assertError(response, 429, "rate_limited")
        self.assertTrue(1 <= int(response.headers["Retry-After"]) <= 60)
        # per key: another key still passes
        self.assertEqual(
            self.api("GET", "/entities", secret=self.secret_b).status_code, 200
        )

    def test_body_checks(self):
        self.assertError(
            self.api(
                "POST",
                "/prices",
                raw=b"{not json",
                headers={"Content-Type": "application/json"},
            ),
            400,
            "invalid_json",
        )
        error = self.assertError(
            self.api(
                "POST", "/prices", body={"lines": [{"sku": "X", "qty": -1}], "extra": 1}
            ),
            422,
            "invalid_request",
        )
        self.assertEqual(
            {(d["field"], d["code"]) for d in error["details"]},
            {("lines[0].qty", "minimum"), ("extra", "unknown")},
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "b2b_api.max_body_bytes", "200"
        )
        lines = [{"sku": f"SKU-{i}", "qty": 1} for i in range(50)]
        self.assertError(
            self.api("POST", "/prices", body={"lines": lines}), 413, "body_too_large"
        )

    def test_errors_in_the_buyers_language(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["b2b_api"], ["ru_RU"])
        self.owner_a.lang = "ru_RU"
        error = self.assertError(
            self.api("GET", "/catalog/NO-SUCH-SKU", entity=self.entity_a),
            404,
            "not_found",
        )
        self.assertIn("Нет товара", error["message"])

    def test_calls_logged_with_their_status(self):
        self.api("GET", "/entities")
        self.api("GET", "/catalog/NO-SUCH", entity=self.entity_a)
        calls = self.env["b2b.api.call"].search([("key_id", "=", self.key_a.id)])
        self.assertEqual(
            [(c.method, c.path, c.status, c.error_code or "") for c in calls],
            [
                ("GET", "/b2b/api/v1/catalog/NO-SUCH", 404, "not_found"),
                ("GET", "/b2b/api/v1/entities", 200, ""),
            ],
        )
        self.assertEqual(calls[0].entity_id, self.entity_a)
        # the owner reads their key's calls, another buyer none of them
        self.assertEqual(len(calls.with_user(self.owner_a).search([])), 2)
        self.assertFalse(
            self.env["b2b.api.call"]
            .with_user(self.member_b)
            .search([("key_id", "=", self.key_a.id)])
        )
