import hashlib

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestImmutability(EdoCommon):
    """A document that left the draft state, and its file, cannot be
    changed or deleted by anyone; only the workflow moves it."""

    FROZEN = {
        "number": "X-1",
        "date": "2020-01-01",
        "direction": "incoming",
        "version": 9,
        "document_type": "upd",
        "file_sha256": "0" * 64,
        "decided_date": "2020-01-01 00:00:00",
        "b2b_chain_hash": "f" * 64,
        "b2b_chain_index": 99,
    }

    def setUp(self):
        super().setUp()
        self.sent = self.create_document(send=True)
        self.accepted = self.create_document(document_type="contract", send=True)
        self.accepted._b2b_accept()

    def test_frozen_fields_refused_to_manager_and_sudo(self):
        for document in self.sent | self.accepted:
            for env_document in (document.with_user(self.manager), document.sudo()):
                for field, value in self.FROZEN.items():
                    with self.subTest(document=document.state, field=field):
                        with self.assertRaises(UserError):
                            env_document.write({field: value})
            with self.assertRaises(UserError):
                document.sudo().write({"entity_id": self.entity_b.id})
            with self.assertRaises(UserError):
                document.sudo().write({"contract_id": self.contract_a.id})
        self.assertEqual(self.sent.file_sha256, hashlib.sha256(self.PDF).hexdigest())
        self.assertEqual(self.accepted.entity_id, self.entity_a)
        # repeating a final value changes nothing and is not refused
        self.accepted.sudo().write(
            {
                "entity_id": self.entity_a.id,
                "state": "accepted",
                "date": self.accepted.date,
                "number": self.accepted.number,
            }
        )

    def test_unlink_refused(self):
        for document in self.sent | self.accepted:
            with self.assertRaises(UserError):
                document.sudo().unlink()
            with self.assertRaises(UserError):
                document.with_user(self.manager).unlink()
        self.assertTrue((self.sent | self.accepted).exists())

    def test_state_moves_only_through_the_workflow(self):
        draft = self.create_document()
        for document in (draft, self.sent):
            with self.assertRaises(UserError):
                document.sudo().write({"state": "accepted"})
        with self.assertRaises(UserError):
            self.env["b2b.document"].sudo().create(
                {
                    "document_type": "other",
                    "entity_id": self.entity_a.id,
                    "state": "sent",
                }
            )
        # the workflow moves with its own fields, never back
        with self.assertRaises(UserError):
            self.accepted._b2b_workflow().write({"state": "sent"})
        with self.assertRaises(UserError):
            self.accepted._b2b_workflow().write({"decided_by_id": self.manager.id})
        self.sent._b2b_reject("Wrong amount")
        self.assertEqual(self.sent.reject_reason, "Wrong amount")
        with self.assertRaises(UserError):
            self.sent._b2b_workflow().write({"reject_reason": "Changed"})

    def test_draft_stays_editable(self):
        draft = self.create_document()
        draft.write({"date": "2021-05-05", "contract_id": self.contract_a.id})
        draft._b2b_attach(b"%PDF-1.4 two", "two.pdf")
        self.assertEqual(draft.file_sha256, hashlib.sha256(b"%PDF-1.4 two").hexdigest())
        draft.unlink()

    def test_file_of_a_final_document_guarded(self):
        for document in self.sent | self.accepted:
            attachment = document.attachment_id
            for values in (
                {"raw": b"forged"},
                {"datas": "Zm9yZ2Vk"},
                {"res_id": self.accepted.id if document == self.sent else self.sent.id},
                {"res_model": "res.partner"},
            ):
                with self.subTest(document=document.state, values=list(values)):
                    with self.assertRaises(UserError):
                        attachment.sudo().write(values)
            with self.assertRaises(UserError):
                attachment.sudo().unlink()
            self.assertEqual(attachment.raw, self.PDF)
        # a draft's file is replaced freely
        draft = self.create_document()
        draft.attachment_id.sudo().write({"raw": b"%PDF-1.4 new"})

    def test_new_version_keeps_both_readable(self):
        new = self.accepted._b2b_new_version()
        new._b2b_attach(b"%PDF-1.4 second edition", "v2.pdf")
        new.action_send()
        self.assertEqual(self.accepted.state, "superseded")
        self.assertEqual(self.accepted.attachment_id.raw, self.PDF)
        self.assertEqual(new._b2b_versions(), self.accepted | new)
        self.assertEqual(self.accepted._b2b_versions(), self.accepted | new)
        with self.assertRaises(UserError):
            self.accepted.sudo().write({"number": "SC-forged"})
