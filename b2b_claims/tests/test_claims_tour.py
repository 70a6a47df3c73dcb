from odoo.tests import HttpCase, tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimsTour(ClaimsCommon, HttpCase):
    def test_file_decide_find_the_credit_note(self):
        self.start_tour(
            f"/my/orders/{self.order_a.id}", "b2b_claims_file", login="buyer_a"
        )
        claim = self.env["b2b.claim"].search([("entity_id", "=", self.entity_a.id)])
        self.assertEqual(len(claim.line_ids), 2)
        self.assertEqual(claim._b2b_attachments().name, "photo.jpg")
        self.assertNotIn(b"GPS", claim._b2b_attachments().raw)
        self.assertTrue(
            claim.message_ids.filtered(lambda m: "scratched" in (m.body or ""))
        )
        # the manager decides a price reduction in the back office
        self.start_tour(
            f"/odoo/action-b2b_claims.b2b_claim_action/{claim.id}",
            "b2b_claims_decide",
            login="b2b_mgr",
        )
        bolt, nut = (
            claim.line_ids.filtered(lambda ln, p=p: ln.product_id == p)
            for p in (self.bolt, self.nut)
        )
        self.assertEqual((bolt.decision, bolt.approved_qty), ("approved", 2))
        self.assertEqual((nut.approved_qty, nut.approved_amount_input), (4, 5))
        self.assertEqual(claim.state, "resolved")
        credit = claim.credit_note_ids
        self.assertEqual(len(credit), 1)
        self.assertEqual(credit.amount_total, 15.0)  # 50 % of 2 × 10.00 + 5
        self.assertEqual(credit.reversed_entry_id, self.invoice_a)
        self.start_tour("/my/b2b/claims", "b2b_claims_credit_note", login="buyer_a")
