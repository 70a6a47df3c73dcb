from odoo.exceptions import UserError
from odoo.tests import BaseCase, TransactionCase, tagged

from ..tools.uploads import check_upload

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32
WEBP = b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 16


class TestUploadKernel(BaseCase):
    def test_accepted(self):
        self.assertEqual(check_upload("charter.PDF", PDF).mimetype, "application/pdf")
        self.assertEqual(check_upload("scan.png", PNG).kind, "png")
        self.assertEqual(check_upload("photo.jpeg", JPEG).kind, "jpeg")
        self.assertEqual(check_upload("photo.webp", WEBP, kinds=("webp",)).kind, "webp")

    def test_refused(self):
        cases = [
            ("empty.pdf", b"", "empty"),
            ("big.pdf", PDF + b"\0" * (21 * 1024 * 1024), "too_large"),
            ("virus.pdf", b"MZ\x90\0" + b"\0" * 60, "mismatch"),
            ("photo.png", JPEG, "mismatch"),
            ("doc.docx", b"PK\x03\x04", "extension"),
            ("photo.webp", WEBP, "extension"),
            ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "svg"),
            ("logo.png", b"<?xml version='1.0'?><svg/>", "svg"),
            (
                "act.pdf",
                PDF.replace(b"/Type/Catalog", b"/OpenAction<</S/JavaScript/JS(x)>>"),
                "pdf_active",
            ),
            (
                "act.pdf",
                PDF.replace(b"/Type/Catalog", b"/J#61vaScript(x)"),
                "pdf_active",
            ),
        ]
        for name, content, code in cases:
            with self.subTest(name=name, code=code):
                self.assertEqual(check_upload(name, content).error, code)

    def test_limit_is_a_parameter(self):
        self.assertEqual(check_upload("a.pdf", PDF, max_bytes=10).params, {"max_mb": 0})


@tagged("post_install", "-at_install")
class TestUploadMessages(TransactionCase):
    def test_clear_message(self):
        with self.assertRaisesRegex(UserError, "virus.pdf is not a real .pdf file"):
            self.env["ir.attachment"]._b2b_check_upload("virus.pdf", b"MZ\x90\0")
        self.assertEqual(
            self.env["ir.attachment"]._b2b_check_upload("a.pdf", PDF).kind, "pdf"
        )

    def test_every_code_has_a_message(self):
        codes = {"empty", "too_large", "extension", "mismatch", "svg", "pdf_active"}
        self.assertEqual(set(self.env["ir.attachment"]._b2b_upload_messages()), codes)
