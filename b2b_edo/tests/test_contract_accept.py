from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from odoo.addons.b2b_portal.tests.common import B2bHttpMixin
from odoo.addons.mail.tests.common import MockEmail

from .contract_common import ContractCommon

CODE = "246810"


def draw(code=CODE):
    """Replace the random code generator only: the rest runs as it is."""
    return patch(
        "odoo.addons.b2b_edo.models.contract_esign.B2bEsignCode._b2b_draw_code",
        return_value=code,
    )


@tagged("post_install", "-at_install")
class TestContractAccept(B2bHttpMixin, MockEmail, ContractCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.document = cls.offer()
        cls.url = f"/my/b2b/documents/{cls.document.id}/accept"

    def sign_in(self, login="buyer_a", agree=True):
        self.authenticate(login, login)
        if agree:
            response = self.post(self.url + "/agreement", agree="1")
            self.assertEqual(response.status_code, 303)

    def request_code(self, code=CODE):
        with draw(code), self.mock_mail_gateway():
            response = self.post(self.url + "/code", read="1")
        self.assertEqual(response.status_code, 303)
        return self._mails

    def confirm(self, code=CODE, files=None, **values):
        data = {
            "code": code,
            "name": "Альфов Иван Петрович",
            "position": "Генеральный директор",
            "authority": "charter",
            **values,
        }
        with self.mock_mail_gateway():
            return self.post(self.url + "/confirm", data=data, files=files)

    def codes(self):
        return self.env["b2b.esign.code"].search(
            [("document_id", "=", self.document.id)]
        )

    # -- the happy path and its evidence -------------------------------------
    def test_owner_accepts_with_the_e_mailed_code_and_the_evidence_is_complete(self):
        self.sign_in()
        page = self.url_open(self.url)
        self.assertIn("Send me a code by e-mail", page.text)
        file = self.url_open(self.url + "/file")
        self.assertEqual(file.content, self.document.attachment_id.raw)
        mails = self.request_code()
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails[0]["email_to"], [self.owner_a.email_formatted])
        self.assertIn(CODE, mails[0]["body"])
        response = self.confirm()
        self.assertEqual(response.status_code, 303, response.text[:2000])
        self.assertEqual(self.document.state, "accepted")
        self.assertEqual(self.document.decided_by_id, self.owner_a)
        acceptance = self.document.acceptance_ids
        self.assertEqual(len(acceptance), 1)
        code = self.codes()
        consent = self.env["b2b.esign.consent"].search(
            [("user_id", "=", self.owner_a.id)]
        )
        self.assertEqual(consent.agreement_version, 1)
        self.assertEqual(consent.remote_addr, "127.0.0.1")
        self.assertRecordValues(
            acceptance,
            [
                {
                    "user_id": self.owner_a.id,
                    "partner_id": self.owner_a.partner_id.id,
                    "entity_id": self.entity_a.id,
                    "entity_inn": self.entity_a.vat,
                    "entity_kpp": "770101001",
                    "signatory_name": "Альфов Иван Петрович",
                    "signatory_position": "Генеральный директор",
                    "authority": "charter",
                    "remote_addr": "127.0.0.1",
                    "document_sha256": self.document.file_sha256,
                    "template_id": self.template.id,
                    "template_version": 1,
                    "consent_id": consent.id,
                    "code_channel": "email",
                    "code_sent_at": code.sent_at,
                    "code_confirmed_at": code.confirmed_at,
                }
            ],
        )
        self.assertTrue(acceptance.user_agent)
        self.assertTrue(acceptance.accepted_at)
        self.assertEqual(code.state, "used")
        page = acceptance.page_attachment_id
        self.assertEqual(page.res_model, "b2b.document.acceptance")
        self.assertIn(self.document.file_sha256, page.raw.decode())
        self.assertIn("127.0.0.1", page.raw.decode())
        mail = self.env["mail.mail"].search(
            [("email_to", "=", self.owner_a.email_formatted)]
        )
        self.assertIn(page, mail.attachment_ids)
        self.assertIn(self.document.attachment_id, mail.attachment_ids)
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])

    def test_the_code_is_nowhere_in_clear(self):
        tables = ("b2b_esign_code", "mail_mail", "mail_message", "ir_logging")
        # only the rows this acceptance writes: the database holds others
        before = {
            table: self.env.execute_query(
                SQL("SELECT coalesce(max(id), 0) FROM %s", SQL.identifier(table))
            )[0][0]
            for table in tables
        }
        self.sign_in()
        self.request_code()
        self.confirm()
        self.env.flush_all()
        for table in tables:
            [(count,)] = self.env.execute_query(
                SQL(
                    "SELECT count(*) FROM %s "
                    "WHERE id > %s AND row_to_json(%s)::text LIKE %s",
                    SQL.identifier(table),
                    before[table],
                    SQL.identifier(table),
                    f"%{CODE}%",
                )
            )
            self.assertEqual(count, 0, table)

    # -- bad codes -----------------------------------------------------------
    def test_wrong_code_refused_and_locked_after_five_attempts(self):
        self.sign_in()
        self.request_code()
        for attempt in range(1, 5):
            response = self.confirm(code="000000")
            self.assertEqual(response.status_code, 400)
            self.assertIn(f"{5 - attempt} attempts left", response.text)
            self.assertEqual(self.codes().attempts, attempt)
        response = self.confirm(code="000000")
        self.assertIn("locked", response.text)
        self.assertEqual(self.codes().state, "locked")
        response = self.confirm()  # the right code, too late
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.document.state, "sent")
        self.assertFalse(self.document.acceptance_ids)

    def test_expired_code_refused(self):
        self.sign_in()
        self.request_code()
        self.codes().sudo().write(
            {"expires_at": fields.Datetime.now() - timedelta(seconds=1)}
        )
        response = self.confirm()
        self.assertEqual(response.status_code, 400)
        self.assertIn("expired", response.text)
        self.assertEqual(self.document.state, "sent")

    def test_a_new_code_invalidates_the_old_one(self):
        self.sign_in()
        self.request_code("111111")
        self.request_code("222222")
        response = self.confirm(code="111111")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.codes().mapped("state"), ["active", "replaced"])
        self.assertEqual(self.confirm(code="222222").status_code, 303)

    def test_reused_code_refused(self):
        self.sign_in()
        self.request_code()
        self.assertEqual(self.confirm().status_code, 303)
        second = self.offer()  # a new edition, same code typed again
        self.url = f"/my/b2b/documents/{second.id}/accept"
        response = self.confirm()
        self.assertEqual(response.status_code, 400)
        self.assertEqual(second.state, "sent")

    # -- steps in order, bad input -------------------------------------------
    def test_no_code_before_the_agreement_and_the_read_confirmation(self):
        self.sign_in(agree=False)
        response = self.post(self.url + "/agreement")
        self.assertEqual(response.status_code, 400)
        response = self.post(self.url + "/code", read="1")
        self.assertEqual(response.status_code, 400)
        self.assertIn("agreement", response.text)
        self.post(self.url + "/agreement", agree="1")
        with self.mock_mail_gateway():
            response = self.post(self.url + "/code")
        self.assertEqual(response.status_code, 400)
        self.assertIn("read the document", response.text)
        self.assertFalse(self._mails)
        self.assertFalse(self.codes())

    def test_power_of_attorney_required_and_checked(self):
        self.sign_in()
        self.request_code()
        response = self.confirm(authority="power_of_attorney")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Attach the power of attorney", response.text)
        bad = {"power_of_attorney": ("poa.pdf", b"MZ\x90\x00binary", "application/pdf")}
        response = self.confirm(authority="power_of_attorney", files=bad)
        self.assertEqual(response.status_code, 400)
        self.assertIn("not a real", response.text)
        self.assertEqual(self.codes().attempts, 0)
        good = {"power_of_attorney": ("poa.pdf", self.PDF, "application/pdf")}
        response = self.confirm(authority="power_of_attorney", files=good)
        self.assertEqual(response.status_code, 303)
        poa = self.document.acceptance_ids.power_of_attorney_id
        self.assertEqual(poa.raw, self.PDF)
        self.assertEqual(poa.res_id, self.document.acceptance_ids.id)

    # -- who may -------------------------------------------------------------
    def test_viewer_buyer_accountant_cannot_sign(self):
        for login in ("viewer_a", "accountant_a", "buyer_ab"):
            self.authenticate(login, login)
            self.assertEqual(self.url_open(self.url).status_code, 403, login)
            response = self.post(self.url + "/code", read="1")
            self.assertEqual(response.status_code, 403, login)
            self.assertEqual(self.confirm().status_code, 403, login)
        self.assertFalse(self.codes())
        self.assertEqual(self.document.state, "sent")

    def test_entitled_member_signs(self):
        self.authenticate("buyer_a", "buyer_a")
        members = self.url_open(f"/my/b2b/entities/{self.entity_a.id}/members")
        self.assertEqual(members.text.count("Allow to sign documents"), 3)
        membership = self.env["b2b.membership"].search(
            [
                ("user_id", "=", self.accountant_a.id),
                ("entity_id", "=", self.entity_a.id),
            ]
        )
        response = self.post(
            f"/my/b2b/entities/{self.entity_a.id}/members/{membership.id}/sign",
            sign="1",
        )
        self.assertEqual(response.status_code, 303)
        self.assertTrue(membership.b2b_can_sign)
        self.sign_in("accountant_a")
        self.request_code()
        self.assertEqual(self.confirm().status_code, 303)
        self.assertEqual(self.document.acceptance_ids.user_id, self.accountant_a)

    def test_only_an_owner_entitles(self):
        self.authenticate("accountant_a", "accountant_a")
        membership = self.env["b2b.membership"].search(
            [
                ("user_id", "=", self.accountant_a.id),
                ("entity_id", "=", self.entity_a.id),
            ]
        )
        response = self.post(
            f"/my/b2b/entities/{self.entity_a.id}/members/{membership.id}/sign",
            sign="1",
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(membership.b2b_can_sign)

    def test_another_entity_and_anonymous_get_nothing(self):
        self.authenticate("buyer_b", "buyer_b")
        for tail in ("", "/file"):
            self.assertEqual(self.url_open(self.url + tail).status_code, 404)
        for tail in ("/agreement", "/code", "/confirm"):
            self.assertEqual(self.post(self.url + tail).status_code, 404, tail)
        self.authenticate(None, None)
        response = self.url_open(self.url + "/file", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertFalse(self.codes())

    def test_acceptance_and_contract_join_the_chain(self):
        self.sign_in()
        self.request_code()
        self.assertEqual(self.confirm().status_code, 303)
        acceptance = self.document.acceptance_ids
        self.assertTrue(acceptance.b2b_chain_hash)
        self.assertTrue(self.document.b2b_chain_hash)
        Chained = self.env["b2b.edo.chained"]
        count, broken = Chained._b2b_chain_verify(self.env.company)
        self.assertIsNone(broken)
        self.assertGreaterEqual(count, 2)
        # the evidence changed behind the ORM's back breaks the acceptance's link
        self.env.cr.execute(
            "UPDATE b2b_document_acceptance SET remote_addr = '10.0.0.1' WHERE id = %s",
            [acceptance.id],
        )
        self.env.invalidate_all()
        _count, broken = Chained._b2b_chain_verify(self.env.company)
        self.assertEqual(
            (broken.model, broken.record_id, broken.reason),
            ("b2b.document.acceptance", acceptance.id, "hash"),
        )


class TestAcceptanceImmutable(ContractCommon):
    def test_acceptance_cannot_be_changed_or_deleted(self):
        document = self.offer()
        Consent = self.env["b2b.esign.consent"]
        client = ("10.0.0.1", "UA")
        Consent._b2b_give(self.owner_a, client)
        with draw(), patch.object(type(self.env["b2b.esign.code"]), "_b2b_send"):
            self.env["b2b.esign.code"]._b2b_request(document, self.owner_a)
        acceptance, error = self.env["b2b.document.acceptance"]._b2b_accept(
            document,
            self.owner_a,
            CODE,
            {"name": "Иванов", "position": "Директор", "authority": "charter"},
            client,
        )
        self.assertFalse(error)
        for record in (acceptance, acceptance.sudo(), Consent.search([]).sudo()):
            with self.assertRaises(UserError):
                record.write({"remote_addr": "1.2.3.4"})
            with self.assertRaises(UserError):
                record.unlink()
        with self.assertRaises(UserError):
            acceptance.sudo().write({"page_attachment_id": False})
