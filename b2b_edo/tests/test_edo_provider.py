import dataclasses
from contextlib import contextmanager
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import BaseCase, tagged

from ..tools import edo_provider
from .upd_common import UpdCommon


@contextmanager
def recording_provider(env, statuses=()):
    """A connector defined here, no network: within the block every
    ``b2b.edo.provider`` signs with a fixed signature, records what it was
    handed, and answers polls with ``statuses`` (EdoStatus)."""
    handed = {"sign": [], "send": [], "poll": []}
    Provider = type(env["b2b.edo.provider"])

    def sign(provider, outgoing):
        handed["sign"].append(outgoing)
        return dataclasses.replace(outgoing, signature=b"CMS-SIGNATURE")

    def send(provider, outgoing):
        handed["send"].append(outgoing)
        number = len(handed["send"])
        return edo_provider.EdoReceipt(
            message_id=f"msg-{number}", document_id=f"doc-{number}"
        )

    def poll(provider, document_ids):
        handed["poll"].append(list(document_ids))
        return [status for status in statuses if status.document_id in document_ids]

    with (
        patch.object(Provider, "_b2b_edo_sign", sign),
        patch.object(Provider, "_b2b_edo_send", send),
        patch.object(Provider, "_b2b_edo_poll", poll),
    ):
        yield handed


@tagged("post_install", "-at_install")
class TestEdoProvider(UpdCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = cls.env["b2b.edo.provider"].create({"name": "Test operator"})
        order = cls.order(cls, qty=3)
        cls.deliver(cls, order)
        cls.pay(cls, order)
        cls.upd = cls.upds(cls, order_id=order.id)
        cls.entity_a.b2b_edo_participant_id = "2BM-ALFA"

    def test_send_hands_the_signed_xml_and_keeps_the_ids(self):
        with recording_provider(self.env) as handed:
            self.upd.action_b2b_edo_send(self.operator)
        (outgoing,) = handed["send"]
        self.assertEqual(outgoing.content, self.upd.xml_attachment_id.raw)
        self.assertEqual(outgoing.file_name, self.upd.xml_attachment_id.name)
        self.assertEqual(outgoing.signature, b"CMS-SIGNATURE")
        self.assertEqual(outgoing.recipient_id, "2BM-ALFA")
        company = self.env.company
        self.assertEqual(outgoing.sender_id, f"{company.vat}{company.b2b_kpp}")
        self.assertEqual(outgoing.document_ref, self.upd.number)
        self.assertTrue(outgoing.pdf)
        self.assertEqual(
            (
                self.upd.edo_provider_id,
                self.upd.edo_message_id,
                self.upd.edo_document_id,
                self.upd.edo_state,
            ),
            (self.operator, "msg-1", "doc-1", "sent"),
        )
        with self.assertRaises(UserError), recording_provider(self.env):
            self.upd.action_b2b_edo_send(self.operator)

    def test_states_delivered_then_signed_accepts(self):
        with recording_provider(
            self.env, [edo_provider.EdoStatus("doc-1", edo_provider.DELIVERED)]
        ) as handed:
            self.upd.action_b2b_edo_send(self.operator)
            self.upd.action_b2b_edo_poll()
        self.assertEqual(handed["poll"], [["doc-1"]])
        self.assertEqual((self.upd.edo_state, self.upd.state), ("delivered", "sent"))
        with recording_provider(
            self.env, [edo_provider.EdoStatus("doc-1", edo_provider.SIGNED)]
        ):
            self.upd.action_b2b_edo_poll()
        self.assertEqual((self.upd.edo_state, self.upd.state), ("signed", "accepted"))
        # an old "delivered" arriving late does not undo the signature
        self.upd._b2b_edo_set_state(edo_provider.DELIVERED)
        self.assertEqual(self.upd.edo_state, "signed")

    def test_rejected_by_the_buyer_rejects_with_the_reason(self):
        with recording_provider(
            self.env,
            [edo_provider.EdoStatus("doc-1", edo_provider.REJECTED, "Не тот адрес")],
        ):
            self.upd.action_b2b_edo_send(self.operator)
            self.upd.action_b2b_edo_poll()
        self.assertEqual(
            (self.upd.edo_state, self.upd.state, self.upd.reject_reason),
            ("rejected", "rejected", "Не тот адрес"),
        )

    def test_manual_provider_by_default(self):
        self.upd.action_b2b_edo_send()
        manual = self.env.ref("b2b_edo.b2b_edo_provider_manual")
        self.assertEqual(self.upd.edo_provider_id, manual)
        self.assertEqual(self.upd.edo_state, "sent")
        self.assertTrue(self.upd.edo_document_id)
        self.upd.action_b2b_edo_poll()  # manual: nothing changes
        self.assertEqual(self.upd.edo_state, "sent")
        self.upd.action_b2b_edo_mark_signed()
        self.assertEqual(self.upd.state, "accepted")

    def test_a_draft_or_a_document_without_xml_is_refused(self):
        other = self.create_document(document_type="contract", send=True)
        with self.assertRaisesRegex(UserError, "no XML"):
            other.action_b2b_edo_send(self.operator)
        draft = self.create_document(document_type="upd")
        with self.assertRaises(UserError):
            draft.action_b2b_edo_send(self.operator)


class TestEdoStates(BaseCase):
    def test_states_only_move_forward(self):
        later = edo_provider.later_state
        self.assertEqual(later(False, edo_provider.SENT), "sent")
        self.assertEqual(later("sent", "delivered"), "delivered")
        self.assertEqual(later("signed", "delivered"), "signed")
        self.assertEqual(later("delivered", "rejected"), "rejected")
        with self.assertRaises(ValueError):
            later("sent", "lost")
