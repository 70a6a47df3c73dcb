import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .upd_common import UpdCommon


@tagged("post_install", "-at_install")
class TestLogisticsReceipt(UpdCommon):
    def attach(self, picking, content, name="receipt.pdf", kind="logistics_receipt"):
        wizard = (
            self.env["b2b.logistics.receipt.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "picking_id": picking.id,
                    "document_type": kind,
                    "file": base64.b64encode(content),
                    "file_name": name,
                }
            )
        )
        return wizard.action_attach()

    def test_the_buyer_finds_the_receipt_of_the_delivery(self):
        order = self.order(qty=2)
        picking = self.deliver(order)
        action = self.attach(picking, self.PDF)
        document = self.env["b2b.document"].browse(action["res_id"])
        self.assertEqual(
            (document.document_type, document.picking_id, document.entity_id),
            ("logistics_receipt", picking, self.entity_a),
        )
        self.assertEqual(document.state, "sent")
        self.assertEqual(document.attachment_id.raw, self.PDF)
        Document = self.env["b2b.document"]
        seen = Document.with_user(self.accountant_a).search(
            [("picking_id", "=", picking.id)]
        )
        self.assertIn(document, seen)
        self.assertFalse(
            Document.with_user(self.buyer_b).search([("id", "=", document.id)])
        )
        with self.assertRaises(AccessError):
            document.attachment_id.with_user(self.buyer_b).read(["raw"])

    def test_a_waybill_scan(self):
        order = self.order(qty=1)
        picking = self.deliver(order)
        jpeg = b"\xff\xd8\xff\xe0" + b"\0" * 64
        action = self.attach(picking, jpeg, name="ТН.jpg", kind="waybill")
        document = self.env["b2b.document"].browse(action["res_id"])
        self.assertEqual(
            (document.document_type, document.attachment_id.mimetype),
            ("waybill", "image/jpeg"),
        )

    def test_bad_file_refused_and_nothing_stored(self):
        order = self.order(qty=1)
        picking = self.deliver(order)
        before = self.env["b2b.document"].search_count([])
        with self.assertRaisesRegex(UserError, "not a real"):
            self.attach(picking, b"MZ\x90\x00 not a pdf", name="receipt.pdf")
        with self.assertRaisesRegex(UserError, "empty"):
            self.attach(picking, b"", name="receipt.pdf")
        self.assertEqual(self.env["b2b.document"].search_count([]), before)

    def test_not_for_a_delivery_of_another_customer(self):
        order = self.order(customer=self.retail, qty=1)
        picking = self.deliver(order)
        with self.assertRaises(UserError):
            self.attach(picking, self.PDF)
