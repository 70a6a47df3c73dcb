from .common import ClaimsCommon


class TestClaimOutcomes(ClaimsCommon):
    def test_price_reduction_makes_one_credit_note(self):
        claim = self.file_claim(
            [
                (self.ml_bolt, 4, "reduction_percent", {"demand_percent": 50}),
                (self.ml_nut, 10, "reduction_amount", {"demand_amount": 12}),
            ]
        )
        bolt_line, nut_line = claim.line_ids
        self.decide(
            claim,
            {
                bolt_line: {"approved_qty": 4},  # 50 % of 4 × 10.00 = 20.00
                nut_line: {"approved_qty": 10, "approved_amount_input": 9},
            },
        )
        self.assertEqual(claim.amount_approved, 29.0)
        credit = claim.credit_note_ids
        self.assertEqual(len(credit), 1)
        self.assertEqual(credit.move_type, "out_refund")
        self.assertEqual(credit.state, "posted")
        self.assertEqual(credit.reversed_entry_id, self.invoice_a)
        self.assertEqual(credit.amount_total, 29.0)
        self.assertEqual(claim.state, "resolved")
        self.assertIn(credit.name, claim.message_ids[0].body)
        # retried: nothing twice
        claim.action_decide()
        claim.sudo()._b2b_make_outcomes()
        self.assertEqual(len(claim.credit_note_ids), 1)

    def test_compensation_credit_note(self):
        claim = self.file_claim(
            [
                (
                    self.ml_bolt,
                    1,
                    "compensation",
                    {"demand_amount": 500, "grounds": "Downtime"},
                )
            ]
        )
        self.decide(
            claim, {claim.line_ids: {"approved_qty": 1, "approved_amount_input": 300}}
        )
        self.assertEqual(claim.credit_note_ids.amount_total, 300.0)

    def test_return_for_refund(self):
        claim = self.file_claim([(self.ml_bolt, 5, "refund", None)])
        self.decide(claim, {claim.line_ids: {"approved_qty": 3}})
        returned = claim.return_picking_ids
        self.assertEqual(len(returned), 1)
        self.assertEqual(returned.picking_type_code, "incoming")
        self.assertEqual(returned.return_id, self.picking_a)
        self.assertEqual(returned.move_ids.product_id, self.bolt)
        self.assertEqual(returned.move_ids.product_uom_qty, 3)
        self.assertFalse(claim.credit_note_ids)
        self.assertEqual(claim.state, "decided")
        claim.action_decide()  # retried
        self.assertEqual(len(claim.return_picking_ids), 1)
        self.validate(returned)
        credit = claim.credit_note_ids
        self.assertEqual(len(credit), 1)
        self.assertEqual(credit.amount_total, 30.0)
        self.assertEqual(credit.reversed_entry_id, self.invoice_a)
        self.assertEqual(claim.state, "resolved")

    def test_replacement_returns_and_redelivers(self):
        claim = self.file_claim([(self.ml_nut, 6, "replacement", None)])
        self.decide(claim, {claim.line_ids: {"approved_qty": 6}})
        pickings = claim.return_picking_ids
        back = pickings.filtered(lambda p: p.b2b_claim_outcome == "exchange")
        out = pickings.filtered(lambda p: p.b2b_claim_outcome == "replacement")
        self.assertEqual(back.move_ids.product_uom_qty, 6)
        self.assertEqual(out.picking_type_code, "outgoing")
        self.assertEqual(out.move_ids.product_id, self.nut)
        self.assertEqual(out.move_ids.product_uom_qty, 6)
        claim.action_decide()
        self.assertEqual(claim.return_picking_ids, pickings)
        self.assertFalse(claim.credit_note_ids)
        self.validate(back)
        self.validate(out)
        self.assertEqual(claim.state, "resolved")

    def test_repair_makes_an_activity(self):
        claim = self.file_claim([(self.ml_bolt, 1, "repair", None)])
        claim.user_id = self.manager
        self.decide(claim, {claim.line_ids: {"approved_qty": 1}})
        claim.action_decide()
        activities = claim.activity_ids.filtered(
            lambda a: "Repair" in (a.summary or "")
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.manager)
