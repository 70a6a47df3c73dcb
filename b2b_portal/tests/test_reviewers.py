from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import B2bCommon, B2bHttpMixin, inn, ogrn


class TestReviewers(B2bCommon):
    """B2B Users review and read their own customers; Managers all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller_a = new_test_user(
            cls.env, login="seller_a", groups="b2b_portal.group_b2b_user"
        )
        cls.seller_b = new_test_user(
            cls.env, login="seller_b", groups="b2b_portal.group_b2b_user"
        )
        cls.entity_a.user_id = cls.seller_a
        cls.entity_b.user_id = cls.seller_b
        cls.pending = cls.env["res.partner"].create(
            {
                "name": "ООО «Дельта»",
                "is_company": True,
                "country_id": cls.ru.id,
                "vat": inn("500400004"),
                "b2b_kpp": "500401001",
                "company_registry": ogrn("102500000004"),
                "b2b_state": "pending",
                "user_id": cls.seller_a.id,
            }
        )

    def test_salesperson_approves_own_customer_only(self):
        self.pending.with_user(self.seller_a).action_b2b_approve()
        self.assertEqual(self.pending.b2b_state, "approved")
        self.pending.b2b_state = "pending"
        with self.assertRaises(AccessError):
            self.pending.with_user(self.seller_b).action_b2b_approve()
        with self.assertRaises(AccessError):
            self.pending.with_user(self.seller_b)._b2b_reject("not mine")
        self.assertEqual(self.pending.b2b_state, "pending")
        self.pending.with_user(self.manager).action_b2b_approve()
        self.assertEqual(self.pending.b2b_state, "approved")

    def test_users_read_their_customers_contracts_and_buyers(self):
        Contract = self.env["b2b.contract"]
        self.assertEqual(
            Contract.with_user(self.seller_a).search(
                [("id", "in", (self.contract_a | self.contract_b).ids)]
            ),
            self.contract_a,
        )
        self.assertEqual(
            Contract.with_user(self.manager).search(
                [("id", "in", (self.contract_a | self.contract_b).ids)]
            ),
            self.contract_a | self.contract_b,
        )
        memberships = self.env["b2b.membership"].with_user(self.seller_b).search([])
        self.assertEqual(memberships.entity_id, self.entity_b)


@tagged("post_install", "-at_install")
class TestResubmit(B2bHttpMixin, B2bCommon, HttpCase):
    """The owner of a rejected entity sends it to verification again."""

    def resubmit(self, entity):
        return self.post(f"/my/b2b/entities/{entity.id}/resubmit")

    def test_owner_resubmits_a_rejected_entity(self):
        self.entity_a.write(
            {"b2b_state": "rejected", "b2b_reject_reason": "Wrong bank"}
        )
        self.authenticate("buyer_a", "buyer_a")
        self.assertIn(
            "Send to verification again", self.url_open("/my/b2b/entities").text
        )
        response = self.resubmit(self.entity_a)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.entity_a.b2b_state, "pending")
        self.assertTrue(self.entity_a.activity_ids)

    def test_only_owners_of_rejected_entities(self):
        self.entity_a.b2b_state = "rejected"
        self.entity_b.b2b_state = "rejected"
        self.authenticate("buyer_ab", "buyer_ab")  # buyer in A, owner of B
        self.assertEqual(self.resubmit(self.entity_a).status_code, 403)
        self.assertEqual(self.entity_a.b2b_state, "rejected")
        self.authenticate("buyer_a", "buyer_a")  # not a member of B
        self.assertEqual(self.resubmit(self.entity_b).status_code, 404)
        self.assertEqual(self.entity_b.b2b_state, "rejected")
        self.entity_a.b2b_state = "approved"
        self.resubmit(self.entity_a)
        self.assertEqual(
            self.entity_a.b2b_state, "approved", "only a rejected one goes back"
        )

    def test_a_rejected_registration_does_not_block_a_corrected_one(self):
        self.entity_a.b2b_state = "rejected"
        Partner = self.env["res.partner"]
        self.assertFalse(
            Partner._b2b_registered_twin(self.entity_a.vat, self.entity_a.b2b_kpp),
            "the registration form agrees with the constraint",
        )
        twin = self.env["res.partner"].create(
            {
                "name": "ООО «Альфа» (исправлено)",
                "is_company": True,
                "country_id": self.ru.id,
                "vat": self.entity_a.vat,
                "b2b_kpp": self.entity_a.b2b_kpp,
                "b2b_state": "pending",
            }
        )
        self.assertTrue(twin)
