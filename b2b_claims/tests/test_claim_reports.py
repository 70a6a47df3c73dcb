from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestClaimReports(ClaimsCommon):
    def test_claim_and_answer_html(self):
        claim = self.file_claim(
            [
                (
                    self.ml_bolt,
                    2,
                    "reduction_amount",
                    {"demand_amount": 5, "reason": "Scratched"},
                )
            ]
        )
        Report = self.env["ir.actions.report"]
        html, _kind = Report._render_qweb_html(
            "b2b_claims.action_report_b2b_claim", claim.ids
        )
        html = html.decode()
        self.assertIn(claim.name, html)
        self.assertIn(self.entity_a.vat, html)
        self.assertIn("Scratched", html)
        self.decide(
            claim, {claim.line_ids: {"approved_qty": 2, "approved_amount_input": 4}}
        )
        html, _kind = Report._render_qweb_html(
            "b2b_claims.action_report_b2b_claim_answer", claim.ids
        )
        self.assertIn(claim.credit_note_ids.name, html.decode())

    def test_claim_pdf(self):
        claim = self.file_claim([(self.ml_bolt, 1, "refund", None)])
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("b2b_claims.action_report_b2b_claim", claim.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
