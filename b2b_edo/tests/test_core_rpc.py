import json
from datetime import datetime, timedelta

from odoo.tests import HttpCase, tagged

from .common import EdoCommon


@tagged("post_install", "-at_install")
class TestRpcImmutability(EdoCommon, HttpCase):
    """Even the administrator, through /json/2 and /web/dataset/call_kw,
    cannot change or delete a sent document or its file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.document = cls.create_document(document_type="contract", send=True)
        cls.document._b2b_accept()
        admin = cls.env.ref("base.user_admin")
        key = (
            cls.env["res.users.apikeys"]
            .with_user(admin)
            ._generate("rpc", "test", datetime.now() + timedelta(days=1))
        )
        cls.bearer = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/json",
        }

    def json2(self, model, method, **params):
        return self.url_open(
            f"/json/2/{model}/{method}", data=json.dumps(params), headers=self.bearer
        )

    def test_json2_as_admin(self):
        document, attachment = self.document, self.document.attachment_id
        calls = [
            ("b2b.document", "write", [document.id], {"number": "FORGED"}),
            ("b2b.document", "write", [document.id], {"state": "sent"}),
            ("b2b.document", "unlink", [document.id], None),
            ("ir.attachment", "write", [attachment.id], {"datas": "Rk9SR0VE"}),
            ("ir.attachment", "unlink", [attachment.id], None),
        ]
        for model, method, ids, vals in calls:
            with self.subTest(model=model, method=method, vals=vals):
                params = {"ids": ids} | ({"vals": vals} if vals else {})
                response = self.json2(model, method, **params)
                self.assertEqual(response.status_code, 422, response.text)
                self.assertIn("UserError", response.text)
        self.assertEqual(
            self.json2("b2b.document", "search_count", domain=[]).status_code, 200
        )
        document.invalidate_recordset()
        self.assertNotEqual(document.number, "FORGED")
        self.assertEqual(attachment.raw, self.PDF)

    def test_call_kw_as_admin(self):
        self.authenticate("admin", "admin")
        for model, method, args in (
            ("b2b.document", "write", [[self.document.id], {"file_sha256": "0" * 64}]),
            ("b2b.document", "unlink", [[self.document.id]]),
            ("ir.attachment", "unlink", [[self.document.attachment_id.id]]),
        ):
            with self.subTest(model=model, method=method):
                with self.assertRaises(Exception) as caught:
                    self.make_jsonrpc_request(
                        "/web/dataset/call_kw",
                        {"model": model, "method": method, "args": args, "kwargs": {}},
                    )
                self.assertIn("UserError", str(caught.exception))
        self.assertTrue(self.document.exists())
        self.assertTrue(self.document.attachment_id.exists())
