import hashlib

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestDocument(EdoCommon):
    def test_send_numbers_and_hashes(self):
        document = self.create_document(send=True)
        self.assertEqual(document.state, "sent")
        self.assertTrue(document.number.startswith("DOC-"))
        self.assertEqual(document.file_sha256, hashlib.sha256(self.PDF).hexdigest())

    def test_numbers_per_type(self):
        first = self.create_document(document_type="contract", send=True)
        second = self.create_document(document_type="contract", send=True)
        other = self.create_document(document_type="founding", send=True)
        self.assertNotEqual(first.number, second.number)
        self.assertTrue(first.number.startswith("SC-"))
        self.assertTrue(other.number.startswith("FD-"))

    def test_new_version_supersedes(self):
        old = self.create_document(document_type="contract", send=True)
        new = old._b2b_new_version()
        new._b2b_attach(b"%PDF-1.4 v2", "v2.pdf")
        new.action_send()
        self.assertEqual((old.state, new.state, new.version), ("superseded", "sent", 2))
        self.assertEqual(new.previous_id, old)

    def test_reject_needs_reason(self):
        document = self.create_document(send=True)
        with self.assertRaises(UserError):
            document._b2b_reject("  ")
        document._b2b_reject("Wrong bank details")
        self.assertEqual(document.state, "rejected")

    def test_sent_takes_no_new_file(self):
        document = self.create_document(send=True)
        with self.assertRaises(UserError):
            document._b2b_attach(b"other", "other.pdf")
