import datetime

from freezegun import freeze_time

from odoo import fields

from .common import ClaimsCommon


@freeze_time("2026-12-03 10:00:00")  # a Thursday
class TestClaimDeadlines(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.resource_calendar_id.tz = "UTC"
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday",
                "calendar_id": cls.env.company.resource_calendar_id.id,
                "date_from": "2026-12-07 00:00:00",
                "date_to": "2026-12-07 23:59:59",
            }
        )

    def test_service_deadline_skips_weekend_and_holiday(self):
        claim = self.file_claim(
            [(self.ml_bolt, 1, "refund", None)], claim_type=self.type_shortage
        )  # 3 working days: Fri 4, (Mon 7 holiday) Tue 8, Wed 9
        self.assertEqual(claim.submit_date, datetime.date(2026, 12, 3))
        self.assertEqual(claim.service_deadline, datetime.date(2026, 12, 9))
        self.assertEqual(claim.legal_deadline, datetime.date(2027, 1, 2))

    def test_legal_deadline_per_contract(self):
        self.contract_a.b2b_claim_legal_days = 10
        self.order_a.b2b_contract_id = self.contract_a
        claim = self.file_claim([(self.ml_bolt, 1, "refund", None)])
        self.assertEqual(claim.legal_deadline, datetime.date(2026, 12, 13))

    def test_pause_while_waiting_for_the_buyer(self):
        claim = self.file_claim(
            [(self.ml_bolt, 1, "refund", None)], claim_type=self.type_shortage
        )
        claim.action_wait_buyer()
        with freeze_time("2026-12-09 10:00:00"):  # Fri 4, Tue 8, Wed 9 waited
            claim.with_user(self.buyer_a).message_post(
                body="Photos attached",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            self.assertEqual(claim.state, "review")
        self.assertEqual(claim.paused_days, 3)
        self.assertEqual(claim.service_deadline, datetime.date(2026, 12, 14))

    def test_overdue_color_and_cron(self):
        claim = self.file_claim(
            [(self.ml_bolt, 1, "refund", None)], claim_type=self.type_shortage
        )
        self.assertEqual(claim.deadline_color, "success")
        with freeze_time("2026-12-10 10:00:00"):
            claim.invalidate_recordset(["deadline_color"])
            self.assertEqual(claim.deadline_color, "danger")
            self.env["b2b.claim"]._cron_b2b_overdue()
        self.assertIn("overdue", claim.management_events)
        self.assertEqual(fields.Date.today(), datetime.date(2026, 12, 3))
