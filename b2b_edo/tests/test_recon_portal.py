from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .recon_common import ReconCommon

ACTS = "/my/b2b/documents/reconciliation"
QUARTER = {"kind": "quarter", "year": "2026", "quarter": "3"}


@tagged("post_install", "-at_install")
class TestReconPortal(ReconCommon, B2bHttpMixin, HttpCase):
    """The acts and the debt report of the ACTIVE entity, for the roles
    with "documents"; deciding on an act needs "reconcile"."""

    def login(self, user):
        self.authenticate(user.login, user.login)

    def acts(self, entity=None):
        return self.env["b2b.document"].search(
            [
                ("entity_id", "=", (entity or self.entity_a).id),
                ("document_type", "=", "reconciliation"),
            ]
        )

    def test_request_download_and_reject_with_a_comment(self):
        self.login(self.accountant_a)
        self.assertEqual(self.url_open(ACTS).status_code, 200)
        response = self.post(ACTS, QUARTER)
        self.assertEqual(response.status_code, 303)
        act = self.acts()
        self.assertEqual((len(act), act.state), (1, "sent"))
        self.assertEqual((act.period_start, act.period_end), (self.Q_START, self.Q_END))
        page = self.url_open(ACTS).text
        self.assertIn(act.number, page)
        self.assertIn(f"/my/b2b/documents/report/{act.id}/xlsx", page)
        xlsx = self.url_open(f"/my/b2b/documents/report/{act.id}/xlsx")
        self.assertEqual(xlsx.status_code, 200)
        self.assertEqual(xlsx.content, act.xlsx_attachment_id.raw)
        self.assertEqual(
            self.url_open(f"/my/b2b/documents/report/{act.id}/pdf").content,
            act.attachment_id.raw,
        )
        # an empty comment is refused and changes nothing
        response = self.post(f"{ACTS}/{act.id}/reject", comment="  ")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(act.state, "sent")
        response = self.post(
            f"{ACTS}/{act.id}/reject", comment="No refund of 05.09 here"
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(act.state, "rejected")
        self.assertEqual(act.reject_reason, "No refund of 05.09 here")
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.entity_a.id)]
        )
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("No refund of 05.09 here", str(activity.note))

    def test_owner_accepts(self):
        self.login(self.owner_a)
        self.post(ACTS, {"kind": "year", "year": "2026"})
        act = self.acts()
        self.assertEqual(self.post(f"{ACTS}/{act.id}/accept").status_code, 303)
        self.assertEqual((act.state, act.decided_by_id), ("accepted", self.owner_a))

    def test_bad_period_gets_a_message_and_no_act(self):
        self.login(self.owner_a)
        response = self.post(
            ACTS, kind="custom", date_from="2026-09-30", date_to="2026-07-01"
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("The period ends before it starts.", response.text)
        self.assertFalse(self.acts())

    def test_viewer_reads_and_requests_but_cannot_decide(self):
        act = self.env["b2b.document"]._b2b_recon_create(
            self.entity_a, self.Q_START, self.Q_END
        )
        self.login(self.viewer_a)
        self.assertIn(act.number, self.url_open(ACTS).text)
        self.assertEqual(
            self.url_open(f"/my/b2b/documents/report/{act.id}/pdf").status_code, 200
        )
        self.assertEqual(
            self.post(f"{ACTS}/{act.id}/reject", comment="x").status_code, 403
        )
        self.assertEqual(self.post(f"{ACTS}/{act.id}/accept").status_code, 403)
        self.assertEqual(act.state, "sent")
        self.assertEqual(self.post(ACTS, QUARTER).status_code, 303)

    def test_other_entity_and_buyer_role_get_nothing(self):
        act = self.env["b2b.document"]._b2b_recon_create(
            self.entity_a, self.Q_START, self.Q_END
        )
        urls = [
            f"/my/b2b/documents/report/{act.id}/pdf",
            f"/my/b2b/documents/report/{act.id}/xlsx",
            f"{ACTS}/{act.id}/reject",
        ]
        # a member of B only; the owner of B acting for B (a buyer of A)
        for user in (self.buyer_b, self.buyer_ab):
            with self.subTest(user=user.login):
                self.login(user)
                if user == self.buyer_ab:
                    user._b2b_switch_entity(self.entity_b)
                for url in urls:
                    self.assertEqual(
                        self.url_open(url).status_code,
                        404 if user == self.buyer_ab else 403,
                        url,
                    )
                self.assertNotIn(
                    act.number,
                    self.url_open(ACTS).text if user == self.buyer_ab else "",
                )
                self.assertEqual(
                    self.post(f"{ACTS}/{act.id}/accept").status_code,
                    404 if user == self.buyer_ab else 403,
                )
        self.assertEqual(act.state, "sent")
        # a buyer's role has no documents: no page, no act
        self.login(self.buyer_ab)
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.assertEqual(self.url_open(ACTS).status_code, 403)
        self.assertEqual(self.post(ACTS, QUARTER).status_code, 403)
        self.assertEqual(self.acts(), act)

    def test_debt_page_report_and_dashboard_card(self):
        self.login(self.accountant_a)
        page = self.url_open("/my/b2b/documents/debt")
        self.assertEqual(page.status_code, 200)
        self.assertIn("1,800.26", page.text)
        self.assertEqual(self.post("/my/b2b/documents/debt").status_code, 303)
        report = self.env["b2b.document"].search(
            [
                ("entity_id", "=", self.entity_a.id),
                ("document_type", "=", "debt_report"),
            ]
        )
        self.assertEqual(report.state, "sent")
        xlsx = self.url_open(f"/my/b2b/documents/report/{report.id}/xlsx")
        self.assertEqual(xlsx.content, report.xlsx_attachment_id.raw)
        dashboard = self.url_open("/my/b2b").text
        self.assertIn("o_b2b_debt_card", dashboard)
        self.assertIn("Debt $\xa01,800.26, of which $\xa01,800.26 overdue", dashboard)
        # entity B's owner sees B's debt, not A's
        self.login(self.buyer_b)
        self.assertEqual(self.url_open("/my/b2b/documents/debt").status_code, 403)
        self.login(self.buyer_ab)
        self.buyer_ab._b2b_switch_entity(self.entity_b)
        page = self.url_open("/my/b2b/documents/debt").text
        self.assertIn("777.77", page)
        self.assertNotIn("1,800.26", page)
        self.assertEqual(
            self.url_open(f"/my/b2b/documents/report/{report.id}/pdf").status_code, 404
        )
        # a buyer's role: no card
        self.buyer_ab._b2b_switch_entity(self.entity_a)
        self.assertNotIn("o_b2b_debt_card", self.url_open("/my/b2b").text)
