from odoo.exceptions import AccessError, UserError

from .common import ClaimsCommon


class TestClaimLines(ClaimsCommon):
    def test_file_a_claim_on_two_lines(self):
        claim = self.file_claim(
            [
                (self.ml_bolt, 2, "replacement", None),
                (self.ml_nut, 5, "reduction_percent", {"demand_percent": 20}),
            ]
        )
        self.assertEqual(claim.state, "submitted")
        self.assertEqual(claim.order_id, self.order_a)
        self.assertEqual(claim.picking_id, self.picking_a)
        self.assertEqual(len(claim.line_ids), 2)
        self.assertEqual(claim.amount_claimed, 3.0)  # 20 % of 5 × 3.00
        self.assertTrue(claim.name.startswith("CLM/"))

    def test_over_delivered_refused_nothing_written(self):
        count = self.env["b2b.claim"].search_count([])
        with self.assertRaisesRegex(UserError, "at most 10"):
            self.file_claim([(self.ml_bolt, 11, "refund", None)])
        self.assertEqual(self.env["b2b.claim"].search_count([]), count)

    def test_across_two_claims(self):
        self.file_claim([(self.ml_bolt, 7, "refund", None)])
        with self.assertRaisesRegex(UserError, "at most 3"):
            self.file_claim([(self.ml_bolt, 4, "refund", None)])
        self.file_claim([(self.ml_bolt, 3, "refund", None)])

    def test_withdrawn_and_rejected_lines_free_the_quantity(self):
        first = self.file_claim([(self.ml_bolt, 10, "refund", None)])
        first.action_withdraw()
        second = self.file_claim([(self.ml_bolt, 10, "refund", None)])
        second.line_ids.write({"decision": "rejected", "decision_reason": "Not ours"})
        second.action_decide()
        self.assertEqual(
            self.env["b2b.claim"]._b2b_claimable(self.ml_bolt), {self.ml_bolt.id: 10.0}
        )

    def test_after_a_return(self):
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_model="stock.picking", active_id=self.picking_a.id)
            .create({"picking_id": self.picking_a.id})
        )
        for line in wizard.product_return_moves:
            line.quantity = 4 if line.product_id == self.bolt else 0
        returned = self.env["stock.picking"].browse(
            wizard.action_create_returns()["res_id"]
        )
        self.validate(returned)
        with self.assertRaisesRegex(UserError, "at most 6"):
            self.file_claim([(self.ml_bolt, 7, "refund", None)])

    def test_undelivered_order_refused(self):
        order = self.delivered_order(self.entity_a, {self.bolt: 3}, validate=False)
        with self.assertRaisesRegex(UserError, "delivered"):
            self.env["b2b.claim"]._b2b_file(
                self.buyer_a,
                self.entity_a,
                {"claim_type_id": self.type_defect.id, "order": order},
                [{"move_line_id": self.ml_bolt.id, "quantity": 1, "demand": "refund"}],
            )

    def test_another_entitys_line_refused(self):
        with self.assertRaisesRegex(UserError, "not delivered to you"):
            self.file_claim([(self.ml_bolt_b, 1, "refund", None)])

    def test_demand_without_amount_refused(self):
        count = self.env["b2b.claim.line"].search_count([])
        with self.assertRaisesRegex(UserError, "amount"):
            self.file_claim([(self.ml_bolt, 1, "compensation", None)])
        with self.assertRaisesRegex(UserError, "percentage"):
            self.file_claim([(self.ml_bolt, 1, "reduction_percent", None)])
        self.assertEqual(self.env["b2b.claim.line"].search_count([]), count)

    def test_roles_that_do_not_file(self):
        for user in (self.accountant_a, self.viewer_a):
            with self.assertRaises(AccessError):
                self.file_claim([(self.ml_bolt, 1, "refund", None)], user=user)
        self.file_claim([(self.ml_bolt, 1, "refund", None)], user=self.buyer_ab)

    def test_decided_claim_cannot_be_changed_by_the_buyer(self):
        claim = self.file_claim([(self.ml_bolt, 2, "replacement", None)])
        claim.line_ids.write({"decision": "rejected", "decision_reason": "Fine"})
        claim.action_decide()
        with self.assertRaisesRegex(UserError, "withdrawn"):
            claim._b2b_buyer_action(self.buyer_a, "withdraw")
        with self.assertRaisesRegex(UserError, "decided"):
            claim.line_ids.write({"quantity": 1})
        self.assertFalse(claim._b2b_buyer_can_change(self.buyer_a))

    def test_decision_needs_every_line(self):
        claim = self.file_claim(
            [(self.ml_bolt, 2, "compensation", {"demand_amount": 50})]
        )
        with self.assertRaisesRegex(UserError, "approve or reject"):
            claim.action_decide()
        claim.line_ids.write({"decision": "approved", "approved_qty": 2})
        with self.assertRaisesRegex(UserError, "approved amount"):
            claim.action_decide()
        claim.line_ids.write({"approved_qty": 3, "approved_amount_input": 40})
        with self.assertRaisesRegex(UserError, "at most the claimed"):
            claim.action_decide()
        self.assertEqual(claim.state, "submitted")
