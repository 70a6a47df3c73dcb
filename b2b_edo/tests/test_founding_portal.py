from odoo.tests import HttpCase, tagged

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin

from .founding_common import FoundingCommon

URL = "/my/b2b/documents/founding"


@tagged("post_install", "-at_install")
class TestFoundingPortal(B2bHttpMixin, FoundingCommon, HttpCase):
    def send(self, user, item, name, content):
        self.authenticate(user.login, user.login)
        return self.post(
            f"{URL}/upload",
            {"item_id": str(item.id)},
            files={"file": (name, content, "application/octet-stream")},
        )

    def stored(self):
        return (
            self.env["b2b.document"].search_count([("founding_item_id", "!=", False)]),
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "b2b.document")]
            ),
        )

    def test_bad_uploads_refused_and_nothing_stored(self):
        cases = [
            ("empty.pdf", b"", "is empty"),
            # lines of 1 KB, as in a real scan (werkzeug buffers a line whole)
            (
                "big.pdf",
                b"%PDF-1.4\n" + (b"0" * 1023 + b"\n") * 21 * 1024,
                "larger than 20 MB",
            ),
            ("setup.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "not a real .pdf file"),
            (
                "active.pdf",
                b"%PDF-1.4\n1 0 obj<< /Names << /JavaScript 2 0 R >> >>endobj\n%%EOF",
                "contains scripts",
            ),
            (
                "logo.svg",
                b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
                "SVG images",
            ),
            ("logo.pdf", b"<?xml version='1.0'?><svg></svg>", "SVG images"),
            ("table.xlsx", b"PK\x03\x04", "only these files"),
        ]
        before = self.stored()
        for name, content, message in cases:
            with self.subTest(name=name):
                response = self.send(self.buyer_a, self.charter, name, content)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("o_b2b_edo_founding_error", response.text)
                self.assertEqual(self.stored(), before)

    def test_owner_and_accountant_upload_the_page_shows_the_status(self):
        response = self.send(self.buyer_a, self.charter, "charter.pdf", self.PDF)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"{URL}?uploaded={self.charter.id}", response.headers["Location"])
        response = self.send(self.accountant_a, self.extract, "extract.png", self.PNG)
        self.assertEqual(response.status_code, 303)
        documents = self.founding_documents()
        self.assertEqual(documents.founding_item_id, self.charter | self.extract)
        self.assertEqual(set(documents.mapped("state")), {"sent"})
        extract = documents.filtered(lambda d: d.founding_item_id == self.extract)
        extract.with_user(self.manager)._b2b_founding_reject("Blurred scan")
        self.authenticate("viewer_a", "viewer_a")
        page = self.url_open(URL).text
        self.assertIn("waiting for the supplier", page)
        self.assertIn("Blurred scan", page)
        self.assertIn(f'data-item="{self.appointment.id}" data-status="missing"', page)
        self.assertIn("/download", page)
        self.assertNotIn("o_b2b_edo_founding_form", page, "the viewer only reads")

    def test_viewer_and_buyer_role_cannot_upload(self):
        before = self.stored()
        for user in (self.viewer_a, self.buyer_ab):
            with self.subTest(user=user.login):
                response = self.send(user, self.charter, "charter.pdf", self.PDF)
                self.assertEqual(response.status_code, 403)
        self.assertEqual(self.stored(), before)
        self.authenticate("buyer_ab", "buyer_ab")
        self.buyer_ab.b2b_active_entity_id = self.entity_a
        self.assertEqual(self.url_open(URL, allow_redirects=False).status_code, 403)

    def test_other_entity_member_gets_nothing(self):
        document = self.upload(self.charter)
        attachment = document.sudo().attachment_id
        # buyer_ab owns B: their upload goes to B, never to A
        self.buyer_ab.b2b_active_entity_id = self.entity_b
        response = self.send(self.buyer_ab, self.charter, "charter.pdf", self.PDF)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(
            self.founding_documents(self.entity_b).create_uid, self.buyer_ab
        )
        self.assertEqual(self.founding_documents(), document)
        page = self.url_open(URL).text
        self.assertNotIn(f"/web/content/{attachment.id}", page)
        for url in (
            f"/web/content/{attachment.id}",
            f"/web/content/{attachment.id}?download=true",
            f"/web/content/b2b.document/{document.id}/attachment_id",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(self.PDF, response.content)
        self.authenticate(None, None)
        response = self.url_open(URL, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_owner_downloads_own_and_supplier_files(self):
        document = self.upload(self.charter)
        own = self.env["b2b.document"].create(
            {"document_type": "founding", "direction": "outgoing"}
        )
        own._b2b_attach(b"%PDF-1.4 supplier charter", "supplier.pdf", "application/pdf")
        own.action_b2b_publish()
        self.buyer_ab.b2b_active_entity_id = self.entity_b
        self.authenticate("buyer_ab", "buyer_ab")
        page = self.url_open(URL).text
        self.assertIn("supplier.pdf", page)
        self.authenticate("buyer_a", "buyer_a")
        page = self.url_open(URL).text
        self.assertIn(f"/my/b2b/documents/{document.id}/download", page)
        self.assertNotIn("access_token", page)
        response = self.url_open(f"/my/b2b/documents/{document.id}/download")
        self.assertEqual(response.content, self.PDF)

    def test_tour_upload_accept_order(self):
        self.accept_all(self.extract | self.appointment)
        self.assertTrue(self.entity_a._b2b_order_blockers())
        self.start_tour(URL, "b2b_edo_founding_upload", login="buyer_a")
        document = self.founding_documents().filtered(
            lambda d: d.founding_item_id == self.charter
        )
        self.assertEqual((document.state, document.file_name), ("sent", "charter.pdf"))
        document.with_user(self.manager).action_b2b_founding_accept()
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])
        self.start_tour(URL, "b2b_edo_founding_accepted", login="buyer_a")
