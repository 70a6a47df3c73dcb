import datetime

from odoo.fields import Command

from .common import ClaimsCommon


class TestClaimManagement(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("b2b_claims.group_b2b_claims_management").user_ids = [
            Command.link(cls.manager.id)
        ]

    def _copies(self, claim):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "b2b.claim"),
                ("res_id", "=", claim.id),
                ("user_id", "=", self.manager.id),
            ]
        )

    def _mails(self, claim):
        return self.env["mail.message"].search_count(
            [
                ("model", "=", "b2b.claim"),
                ("res_id", "=", claim.id),
                ("partner_ids", "in", self.manager.partner_id.ids),
                ("subject", "=", f"New claim {claim.name} from {self.entity_a.name}"),
            ]
        )

    def test_new_claim_copied_once(self):
        claim = self.file_claim([(self.ml_bolt, 1, "refund", None)])
        self.assertEqual(len(self._copies(claim)), 1)
        self.assertEqual(self._mails(claim), 1)
        self.assertTrue(claim.management_informed)
        claim._b2b_notify_management("new")
        self.assertEqual(len(self._copies(claim)), 1)
        self.assertEqual(self._mails(claim), 1)

    def test_escalation_copied_once(self):
        claim = self.file_claim([(self.ml_bolt, 1, "refund", None)])
        claim._b2b_buyer_action(self.buyer_a, "escalate")
        claim._b2b_buyer_action(self.buyer_a, "escalate")
        self.assertTrue(claim.escalated)
        self.assertEqual(len(self._copies(claim)), 2)  # new + escalated

    def test_overdue_copied_once(self):
        claim = self.file_claim(
            [(self.ml_bolt, 1, "refund", None)], claim_type=self.type_shortage
        )
        claim.submit_date = claim.submit_date - datetime.timedelta(days=40)
        Claim = self.env["b2b.claim"]
        Claim._cron_b2b_overdue()
        Claim._cron_b2b_overdue()
        overdue = self._copies(claim).filtered(lambda a: "overdue" in a.summary)
        self.assertEqual(len(overdue), 1)
        self.assertEqual(len(self._copies(claim)), 2)  # new + overdue
        self.assertEqual(claim.management_events, "new,overdue")
