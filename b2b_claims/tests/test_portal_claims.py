import json

from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestPortalClaims(B2bHttpMixin, ClaimsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.file_claim(
            [(cls.ml_bolt, 2, "replacement", None)], files=[("act.pdf", cls.PDF)]
        )
        cls.claim.message_post(
            body="Secret supplier note", subtype_xmlid="mail.mt_note"
        )
        cls.claim.message_post(
            body="Visible answer",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.attachment = cls.claim._b2b_attachments()

    def _form(self, **values):
        return dict(
            {"claim_type_id": self.type_defect.id, "description": "Broken"}, **values
        )

    def test_list_and_page(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open("/my/b2b/claims")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.claim.name, response.text)
        page = self.url_open(f"/my/b2b/claims/{self.claim.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("act.pdf", page.text)
        self.assertIn("o_portal_chatter", page.text)

    def test_file_from_the_delivery_with_a_photo(self):
        self.authenticate("buyer_a", "buyer_a")
        form = self.url_open(f"/my/b2b/claims/new?picking_id={self.picking_a.id}")
        self.assertEqual(form.status_code, 200)
        self.assertIn(f"qty_{self.ml_nut.id}", form.text)
        response = self.post(
            f"/my/b2b/claims/new?picking_id={self.picking_a.id}",
            self._form(
                **{
                    f"qty_{self.ml_nut.id}": "3",
                    f"demand_{self.ml_nut.id}": "reduction_percent",
                    f"percent_{self.ml_nut.id}": "10",
                    f"qty_{self.ml_bolt.id}": "1,5",
                }
            ),
            files={"attachments": ("photo.jpg", self.JPEG_GPS, "image/jpeg")},
        )
        self.assertEqual(response.status_code, 303)
        claim = self.env["b2b.claim"].search([("id", ">", self.claim.id)])
        self.assertEqual(len(claim.line_ids), 2)
        self.assertEqual(sorted(claim.line_ids.mapped("quantity")), [1.5, 3.0])
        photo = claim._b2b_attachments()
        self.assertEqual(photo.mimetype, "image/jpeg")
        self.assertNotIn(b"GPS", photo.raw)

    def test_over_what_is_left_nothing_written(self):
        self.authenticate("buyer_a", "buyer_a")
        count = self.env["b2b.claim"].search_count([])
        response = self.post(
            f"/my/b2b/claims/new?order_id={self.order_a.id}",
            self._form(**{f"qty_{self.ml_bolt.id}": "9"}),  # 2 claimed already
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("at most 8", response.text)
        self.assertEqual(self.env["b2b.claim"].search_count([]), count)

    def test_bad_upload_refused_nothing_stored(self):
        self.authenticate("buyer_a", "buyer_a")
        count = self.env["b2b.claim"].search_count([])
        attachments = self.env["ir.attachment"].search_count([])
        response = self.post(
            f"/my/b2b/claims/new?order_id={self.order_a.id}",
            self._form(**{f"qty_{self.ml_bolt.id}": "1"}),
            files={
                "attachments": ("photo.jpg", b"MZ\x90\x00 not a photo", "image/jpeg")
            },
        )
        self.assertIn("not a real .jpg file", response.text)
        self.assertEqual(self.env["b2b.claim"].search_count([]), count)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)
        response = self.post(
            f"/my/b2b/claims/{self.claim.id}/files",
            files={"attachments": ("x.svg", b"<svg onload='x'/>", "image/svg+xml")},
        )
        self.assertIn("SVG", response.text)
        self.assertEqual(len(self.claim._b2b_attachments()), 1)

    def test_undelivered_order(self):
        order = self.delivered_order(self.entity_a, {self.nut: 1}, validate=False)
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(f"/my/b2b/claims/new?order_id={order.id}")
        self.assertIn("o_b2b_claim_undelivered", response.text)

    def test_order_page_offers_a_claim(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(f"/my/orders/{self.order_a.id}")
        self.assertIn(f"/my/b2b/claims/new?order_id={self.order_a.id}", response.text)

    def test_accountant_reads_but_does_not_file(self):
        self.authenticate("accountant_a", "accountant_a")
        self.assertEqual(
            self.url_open(f"/my/b2b/claims/{self.claim.id}").status_code, 200
        )
        response = self.url_open(f"/my/b2b/claims/new?order_id={self.order_a.id}")
        self.assertEqual(response.status_code, 403)
        response = self.post(f"/my/b2b/claims/{self.claim.id}/withdraw")
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.claim.state, "submitted")

    def test_withdraw(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.post(f"/my/b2b/claims/{self.claim.id}/withdraw")
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.claim.state, "withdrawn")

    def test_internal_notes_hidden_from_the_buyer(self):
        self.authenticate("buyer_a", "buyer_a")
        data = self._messages()
        self.assertIn("Visible answer", data)
        self.assertNotIn("Secret supplier note", data)

    def _messages(self):
        response = self.url_open(
            "/mail/thread/messages",
            data=json.dumps(
                {
                    "params": {
                        "thread_model": "b2b.claim",
                        "thread_id": self.claim.id,
                        "fetch_params": {"limit": 30},
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        return response.text

    def test_another_entity_sees_nothing(self):
        self.authenticate("buyer_b", "buyer_b")
        self.assertEqual(
            self.url_open(f"/my/b2b/claims/{self.claim.id}").status_code, 404
        )
        self.assertNotIn(self.claim.name, self.url_open("/my/b2b/claims").text)
        token = self.claim._portal_ensure_token()
        response = self.url_open(f"/my/b2b/claims/{self.claim.id}?access_token={token}")
        self.assertEqual(response.status_code, 404)
        response = self.url_open(f"/web/content/{self.attachment.id}?download=true")
        self.assertNotEqual(response.status_code, 200)
        response = self.url_open(
            f"/my/b2b/claims/{self.claim.id}/files/{self.attachment.id}"
        )
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Visible answer", self._messages())
        response = self.url_open(
            "/mail/thread/messages",
            data=json.dumps(
                {
                    "params": {
                        "thread_model": "b2b.claim",
                        "thread_id": self.claim.id,
                        "token": token,
                    }
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertNotIn("Visible answer", response.text)
        self.assertEqual(
            self.url_open(
                f"/my/b2b/claims/new?picking_id={self.picking_a.id}"
            ).status_code,
            404,
        )
        Claim = self.env["b2b.claim"].with_user(self.buyer_b)
        self.assertFalse(Claim.search([("id", "=", self.claim.id)]))
        self.assertFalse(
            self.env["b2b.claim.line"]
            .with_user(self.buyer_b)
            .search([("claim_id", "=", self.claim.id)])
        )

    def test_member_downloads_the_file(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(
            f"/my/b2b/claims/{self.claim.id}/files/{self.attachment.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.PDF)

    def test_garbage_ids_answer_404(self):
        self.authenticate("buyer_a", "buyer_a")
        for url in (
            "/my/b2b/claims/new?order_id=abc",
            "/my/b2b/claims/new?picking_id=1x",
            "/my/b2b/claims/new",
            f"/my/b2b/claims/{self.claim.id}/pdf/other",
            f"/my/b2b/claims/{self.claim.id}/pdf/answer",  # not decided yet
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        response = self.post(
            f"/my/b2b/claims/new?order_id={self.order_a.id}",
            {"claim_type_id": "x", f"qty_{self.ml_bolt.id}": "1"},
        )
        self.assertIn("Choose the type", response.text)

    def test_claim_pdf_for_members_only(self):
        self.authenticate("buyer_a", "buyer_a")
        response = self.url_open(f"/my/b2b/claims/{self.claim.id}/pdf/claim")
        self.assertEqual(response.status_code, 200)
        self.authenticate("buyer_b", "buyer_b")
        response = self.url_open(f"/my/b2b/claims/{self.claim.id}/pdf/claim")
        self.assertEqual(response.status_code, 404)
