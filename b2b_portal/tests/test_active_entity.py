from odoo.exceptions import AccessError

from .common import B2bCommon


class TestActiveEntity(B2bCommon):
    def test_first_entity_by_default_then_the_stored_choice(self):
        self.assertIn(self.buyer_ab._b2b_active_entity(), self.entity_a | self.entity_b)
        self.buyer_ab.with_user(self.buyer_ab)._b2b_switch_entity(self.entity_b)
        self.assertEqual(
            self.buyer_ab.b2b_active_entity_id, self.entity_b, "stored on the user"
        )
        self.assertEqual(
            self.buyer_ab.with_user(self.buyer_ab)._b2b_active_entity(), self.entity_b
        )

    def test_switch_to_a_foreign_entity_is_refused(self):
        with self.assertRaises(AccessError):
            self.buyer_a.with_user(self.buyer_a)._b2b_switch_entity(self.entity_b)
        self.assertFalse(self.buyer_a.b2b_active_entity_id)

    def test_revoked_membership_falls_back(self):
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        self.entity_b.b2b_membership_ids.active = False
        self.assertEqual(self.buyer_ab._b2b_active_entity(), self.entity_a)
        self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_ab
        ).unlink()
        with self.assertRaises(AccessError):
            self.buyer_ab._b2b_active_entity()

    def test_roles(self):
        membership = self.entity_a.b2b_membership_ids.filtered(
            lambda m: m.user_id == self.buyer_ab
        )
        expected = {
            "owner": {"read", "message", "order", "documents", "manage"},
            "buyer": {"read", "message", "order"},
            "accountant": {"read", "message", "documents"},
            "viewer": {"read", "documents"},
        }
        for role, allowed in expected.items():
            membership.role = role
            for capability in ("read", "message", "order", "documents", "manage"):
                with self.subTest(role=role, capability=capability):
                    self.assertEqual(
                        self.buyer_ab._b2b_can(self.entity_a, capability),
                        capability in allowed,
                    )
        with self.assertRaises(AccessError):
            self.buyer_ab._b2b_check(self.entity_a, "order")
