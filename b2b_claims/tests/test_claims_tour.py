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
        # the manager decides a price reduction (back office, as the manager)
        bolt, nut = (
            claim.line_ids.filtered(lambda ln, p=p: ln.product_id == p)
            for p in (self.bolt, self.nut)
        )
        claim = claim.with_user(self.manager)
        claim.action_review()
        bolt.with_user(self.manager).write({"decision": "approved", "approved_qty": 2})
        nut.with_user(self.manager).write(
            {"decision": "approved", "approved_qty": 4, "approved_amount_input": 6}
        )
        claim.action_decide()
        self.assertEqual(claim.credit_note_ids.amount_total, 16.0)  # 10 + 6
        self.start_tour("/my/b2b/claims", "b2b_claims_credit_note", login="buyer_a")
