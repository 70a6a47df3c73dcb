import json

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestPortalClaimRules(B2bHttpMixin, ClaimsCommon, HttpCase):
    """What the buyer may no longer do, what another entity cannot reach,
    and the buyer's locale on the claim pages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.file_claim(
            [(cls.ml_nut, 2.5, "reduction_amount", {"demand_amount": 197.05})],
            files=[("act.pdf", cls.PDF)],
        )

    def _decided(self):
        self.claim.line_ids.write({"decision": "rejected", "decision_reason": "Fine"})
        self.claim.action_decide()
        self.assertEqual(self.claim.state, "resolved")  # nothing to make

    def test_decided_claim_closed_to_the_buyer_in_the_portal(self):
        self._decided()
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/claims/{self.claim.id}").text
        self.assertNotIn(f'action="/my/b2b/claims/{self.claim.id}/withdraw"', page)
        self.assertNotIn(f'action="/my/b2b/claims/{self.claim.id}/files"', page)
        response = self.post(f"/my/b2b/claims/{self.claim.id}/withdraw")
        self.assertIn("cannot be withdrawn", response.text)
        response = self.post(
            f"/my/b2b/claims/{self.claim.id}/files",
            files={"attachments": ("more.pdf", self.PDF, "application/pdf")},
        )
        self.assertIn("files cannot be added", response.text)
        self.assertEqual(self.claim.state, "resolved")
        self.assertEqual(len(self.claim._b2b_attachments()), 1)
        self.assertEqual(self.claim.line_ids.quantity, 2.5)

    def test_another_entity_cannot_post_in_the_chat(self):
        self.authenticate("buyer_b", "buyer_b")
        token = self.claim._portal_ensure_token()
        count = len(self.claim.message_ids)
        for params in ({}, {"token": token}):
            self.url_open(
                "/mail/message/post",
                data=json.dumps(
                    {
                        "params": {
                            "thread_model": "b2b.claim",
                            "thread_id": self.claim.id,
                            "post_data": {
                                "body": "Intruder",
                                "message_type": "comment",
                            },
                            **params,
                        }
                    }
                ),
                headers={"Content-Type": "application/json"},
            )
        self.claim.invalidate_recordset(["message_ids"])
        self.assertEqual(len(self.claim.message_ids), count)
        self.assertFalse(
            self.env["mail.message"].search([("body", "ilike", "Intruder")])
        )

    def test_another_entity_searches_nothing(self):
        attachment = self.claim._b2b_attachments()
        as_b = self.env(user=self.buyer_b)
        self.assertFalse(as_b["b2b.claim"].search([]))
        self.assertFalse(as_b["b2b.claim.line"].search([]))
        with self.assertRaises(AccessError):  # portal users read no attachment
            as_b["ir.attachment"].search([("res_model", "=", "b2b.claim")])
        self.assertFalse(
            as_b["mail.message"].search(
                [("model", "=", "b2b.claim"), ("res_id", "=", self.claim.id)]
            )
        )
        self.authenticate("buyer_b", "buyer_b")
        token = attachment.sudo().generate_access_token()[0]
        for url in (
            f"/web/content/{attachment.id}",
            f"/web/content/ir.attachment/{attachment.id}/datas",
            f"/web/content/{attachment.id}?access_token=bad",
        ):
            response = self.url_open(url)
            self.assertNotEqual(response.content, self.PDF, url)
        self.assertTrue(token)  # a token exists, but only the claim hands it out

    def test_quantities_and_amounts_in_the_buyers_locale(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        self.env["ir.module.module"]._load_module_terms(["b2b_claims"], ["ru_RU"])
        self.buyer_a.lang = "ru_RU"
        self.env.company.currency_id.write({"symbol": "₽", "position": "after"})
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/claims/{self.claim.id}").text
        self.assertIn("2,5", page)
        self.assertIn("197,05", page)
        self.assertNotIn("197.05", page)
        self.assertIn("Рекламация", page)
        listing = self.url_open("/my/b2b/claims").text
        self.assertIn("197,05", listing)
        form = self.url_open(f"/my/b2b/claims/new?order_id={self.order_a.id}").text
        self.assertIn("17,5", form)  # what is left of the 20 nuts

    def test_approve_button_takes_what_was_claimed(self):
        line = self.claim.line_ids
        line.with_user(self.manager).action_b2b_approve()
        self.assertEqual(line.decision, "approved")
        self.assertEqual(line.approved_qty, 2.5)
        self.assertEqual(line.approved_amount_input, 197.05)
        self.claim.with_user(self.manager).action_decide()
        self.assertEqual(self.claim.credit_note_ids.amount_total, 197.05)

    def test_buyer_sees_that_management_was_informed(self):
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(f"/my/b2b/claims/{self.claim.id}").text
        self.assertNotIn("o_b2b_claim_management", page)  # nobody to tell
        self.env.ref("b2b_claims.group_b2b_claims_management").user_ids = [
            Command.link(self.manager.id)
        ]
        self.post(f"/my/b2b/claims/{self.claim.id}/escalate")
        self.assertTrue(self.claim.escalated)
        self.assertTrue(self.claim.management_informed)
        page = self.url_open(f"/my/b2b/claims/{self.claim.id}").text
        self.assertIn("o_b2b_claim_management", page)
        self.assertNotIn("Escalate to management", page)

    def test_bad_files_refused_nothing_stored(self):
        Attachment = self.env["ir.attachment"]
        count = Attachment.search_count([])
        active_pdf = (
            b"%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>"
        )
        for files, message in (
            ([("act.pdf", active_pdf)], "scripts"),
            ([("photo.png", self.JPEG)], "not a real"),
            ([("x.exe", b"MZ")], "only these files"),
            ([(f"p{n}.pdf", self.PDF) for n in range(10)], "At most 10"),
        ):
            with self.assertRaisesRegex(UserError, message):
                with self.env.cr.savepoint():
                    self.claim._b2b_add_files(files)
        self.assertEqual(Attachment.search_count([]), count)
        self.assertEqual(len(self.claim._b2b_attachments()), 1)

    def test_bad_chat_upload_refused_before_it_is_stored(self):
        self.authenticate("buyer_a", "buyer_a")
        count = self.env["ir.attachment"].search_count([])
        for is_pending in ("false", "true"):
            response = self.post(
                "/mail/attachment/upload",
                {
                    "thread_id": str(self.claim.id),
                    "thread_model": "b2b.claim",
                    "is_pending": is_pending,
                },
                files={"ufile": ("x.svg", b"<svg onload='x'/>", "image/svg+xml")},
            )
            self.assertIn("SVG", response.json()["error"])
        self.assertEqual(self.env["ir.attachment"].search_count([]), count)
        response = self.post(
            "/mail/attachment/upload",
            {"thread_id": str(self.claim.id), "thread_model": "b2b.claim"},
            files={"ufile": ("photo.jpg", self.JPEG, "image/jpeg")},
        )
        self.assertIn("attachment_id", response.json()["data"])
