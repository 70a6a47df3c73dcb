from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import B2bCommon


class TestContracts(B2bCommon):
    def test_default_contract_is_the_valid_default(self):
        self.assertEqual(self.entity_a._b2b_default_contract(), self.contract_a)
        second = self.env["b2b.contract"].create(
            {"name": "A-2", "entity_id": self.entity_a.id, "state": "active"}
        )
        self.assertEqual(self.entity_a._b2b_default_contract(), self.contract_a)
        self.contract_a.action_close()
        self.assertEqual(self.entity_a._b2b_default_contract(), second)
        second.state = "draft"
        self.assertFalse(self.entity_a._b2b_default_contract())
        self.assertTrue(self.entity_a._b2b_order_blockers())

    def test_validity_period_and_expiry_cron(self):
        today = fields.Date.today()
        self.contract_a.write(
            {
                "date_start": today - timedelta(days=30),
                "date_end": today - timedelta(days=1),
            }
        )
        self.assertFalse(self.contract_a._b2b_is_valid())
        self.assertFalse(self.entity_a._b2b_default_contract())
        self.env["b2b.contract"]._cron_expire()
        self.assertEqual(self.contract_a.state, "expired")
        self.assertEqual(self.contract_b.state, "active")

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self.env["b2b.contract"].create(
                {"name": "A-3", "entity_id": self.entity_a.id, "is_default": True}
            )
        today = fields.Date.today()
        with self.assertRaises(ValidationError):
            self.contract_b.write(
                {"date_start": today, "date_end": today - timedelta(days=1)}
            )

    def test_order_carries_a_contract_of_its_entity(self):
        order = self.env["sale.order"].create(
            {"partner_id": self.entity_a.id, "b2b_contract_id": self.contract_a.id}
        )
        self.assertEqual(order.b2b_entity_id, self.entity_a)
        with self.assertRaises(UserError):
            order.b2b_contract_id = self.contract_b
