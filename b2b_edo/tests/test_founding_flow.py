import base64
import hashlib

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .founding_common import FoundingCommon


@tagged("post_install", "-at_install")
class TestFoundingFlow(FoundingCommon):
    def test_checklist_per_kind_of_entity(self):
        Item = self.env["b2b.founding.item"]
        self.assertEqual(
            Item._b2b_items_for(self.entity_a), self.required_items | self.attorney
        )
        self.assertFalse(self.attorney.required)
        trader = self.entity_b.copy({"vat": "500100732259", "name": "ИП Иванов"})
        self.assertEqual(
            Item._b2b_items_for(trader),
            self.env.ref("b2b_edo.founding_item_passport")
            | self.env.ref("b2b_edo.founding_item_ogrnip"),
        )
        other_company = self.env["res.company"].create({"name": "Other supplier"})
        Item.create({"name": "Licence", "company_id": other_company.id})
        self.assertNotIn("Licence", Item._b2b_items_for(self.entity_a).mapped("name"))

    def test_upload_waits_for_the_manager(self):
        document = self.upload(self.charter)
        self.assertRecordValues(
            document,
            [
                {
                    "document_type": "founding",
                    "direction": "incoming",
                    "state": "sent",
                    "founding_item_id": self.charter.id,
                    "entity_id": self.entity_a.id,
                    "create_uid": self.buyer_a.id,
                }
            ],
        )
        self.assertEqual(document.sudo().attachment_id.mimetype, "application/pdf")
        attorney = self.upload(self.attorney)
        self.assertEqual(attorney.document_type, "power_of_attorney")
        with self.assertRaisesRegex(UserError, "wait for its decision"):
            self.upload(self.charter)

    def test_accept_tells_the_buyer(self):
        document = self.upload(self.charter).with_user(self.manager)
        document.action_b2b_founding_accept()
        self.assertEqual(document.state, "accepted")
        self.assertEqual(document.decided_by_id, self.manager)
        message = document.message_ids.filtered(
            lambda m: self.buyer_a.partner_id in m.partner_ids
        )
        self.assertIn("accepted", message.body)
        with self.assertRaisesRegex(UserError, "already accepted"):
            self.upload(self.charter)
        with self.assertRaises(UserError):
            document.action_b2b_founding_accept()

    def test_reject_with_reason_then_a_new_version(self):
        first = self.upload(self.extract).with_user(self.manager)
        wizard = (
            self.env["b2b.founding.reject.wizard"]
            .with_user(self.manager)
            .create(
                {"document_ids": [(6, 0, first.ids)], "reason": "Older than 30 days"}
            )
        )
        wizard.action_reject()
        self.assertEqual(
            (first.state, first.reject_reason), ("rejected", "Older than 30 days")
        )
        self.assertIn(
            "Older than 30 days",
            first.message_ids.filtered(
                lambda m: self.buyer_a.partner_id in m.partner_ids
            ).body,
        )
        status = dict(self.entity_a._b2b_founding_checklist())[self.extract]
        self.assertEqual(
            (status.status, status.reason), ("rejected", "Older than 30 days")
        )
        second = self.upload(self.extract, content=self.PNG, name="extract.png")
        self.assertEqual((second.version, second.previous_id), (2, first))
        self.assertEqual(first.state, "superseded")
        status = dict(self.entity_a._b2b_founding_checklist())[self.extract]
        self.assertEqual((status.status, status.document_id), ("waiting", second.id))
        with self.assertRaisesRegex(UserError, "Say why"):
            second.with_user(self.manager)._b2b_founding_reject(" ")

    def test_ordering_waits_for_the_required_ones(self):
        self.assertIn("Charter", " ".join(self.entity_a._b2b_order_blockers()))
        self.accept_all(self.charter | self.extract)
        blockers = self.entity_a._b2b_order_blockers()
        self.assertEqual(len(blockers), 1)
        self.assertIn(self.appointment.name, blockers[0])
        self.assertNotIn("Charter", blockers[0])
        self.upload(self.appointment)
        self.assertTrue(self.entity_a._b2b_order_blockers(), "waiting is not accepted")
        self.founding_documents().filtered(lambda d: d.state == "sent").with_user(
            self.manager
        ).action_b2b_founding_accept()
        # the power of attorney is not required
        self.assertEqual(self.entity_a._b2b_order_blockers(), [])

    def test_company_setting_on_for_new_companies(self):
        self.assertTrue(
            self.env["res.company"].create({"name": "New"}).b2b_founding_required
        )

    def test_company_setting_off_orders_without_documents(self):
        self.assertTrue(self.entity_b._b2b_order_blockers())
        self.env.company.b2b_founding_required = False
        self.assertEqual(self.entity_b._b2b_order_blockers(), [])

    def test_not_an_entity_gets_no_checklist(self):
        person = self.env["res.partner"].create({"name": "Not a B2B customer"})
        self.assertEqual(person._b2b_founding_checklist(), [])
        self.assertEqual(person._b2b_edo_missing(), [])
        self.assertNotIn("founding", " ".join(person._b2b_order_blockers()))

    def test_missing_links_and_waiting_count(self):
        self.accept_all(self.charter)
        self.upload(self.extract)
        missing = self.entity_a._b2b_edo_missing()
        self.assertEqual(len(missing), 3)
        self.assertIn(f"{self.extract.name}: waiting for the supplier", missing)
        # appointment and power of attorney: missing, for those who upload
        self.assertEqual(self.entity_a._b2b_edo_waiting_count(self.buyer_a), 2)
        self.assertEqual(self.entity_a._b2b_edo_waiting_count(self.accountant_a), 2)
        self.assertEqual(self.entity_a._b2b_edo_waiting_count(self.viewer_a), 0)
        (link,) = [
            link
            for link in self.entity_a._b2b_edo_portal_links(self.buyer_a)
            if link.url == "/my/b2b/documents/founding"
        ]
        self.assertEqual((link.badge, link.primary), ("2 missing", True))
        self.assertFalse(
            [
                link
                for link in self.entity_a._b2b_edo_portal_links(self.buyer_ab)
                if link.url == "/my/b2b/documents/founding"
            ],
            "a buyer role has no documents",
        )

    def test_other_entity_cannot_read_the_files(self):
        document = self.upload(self.charter)
        with self.assertRaises(AccessError):
            document.with_user(self.buyer_b).read(["file_sha256"])
        self.assertFalse(
            self.env["b2b.document"]
            .with_user(self.buyer_b)
            .search([("id", "=", document.id)])
        )
        self.assertEqual(
            self.env["b2b.document"]
            .with_user(self.viewer_a)
            .search([("id", "=", document.id)]),
            document,
        )

    def test_supplier_documents_published_to_every_member(self):
        own = self.env["b2b.document"].create(
            {"document_type": "founding", "direction": "outgoing"}
        )
        own._b2b_attach(self.PDF, "charter.pdf", "application/pdf")
        Document = self.env["b2b.document"]
        self.assertFalse(Document.with_user(self.buyer_b)._b2b_published_documents())
        own.with_user(self.manager).action_b2b_publish()
        self.assertEqual(own.state, "sent")
        for user in (self.buyer_b, self.viewer_a, self.buyer_ab):
            self.assertEqual(Document.with_user(user)._b2b_published_documents(), own)
        outsider = self._b2b_member("outsider", self.entity_b, "buyer")
        outsider.b2b_membership_ids.active = False
        self.assertFalse(Document.with_user(outsider)._b2b_published_documents())
        own.with_user(self.manager).action_b2b_unpublish()
        self.assertFalse(Document.with_user(self.buyer_b)._b2b_published_documents())
        entity_document = self.create_document(direction="outgoing")
        with self.assertRaises(UserError):
            entity_document.with_user(self.manager).action_b2b_publish()

    def test_manager_uploads_the_supplier_file_checked(self):
        Document = self.env["b2b.document"].with_user(self.manager)
        own = Document.create(
            {
                "document_type": "founding",
                "direction": "outgoing",
                "founding_file": base64.b64encode(self.PDF),
                "founding_file_name": "our_charter.pdf",
            }
        )
        self.assertEqual(own.file_name, "our_charter.pdf")
        self.assertEqual(own.file_sha256, hashlib.sha256(self.PDF).hexdigest())
        with self.assertRaisesRegex(UserError, "not a real .pdf"):
            Document.create(
                {
                    "document_type": "founding",
                    "direction": "outgoing",
                    "founding_file": base64.b64encode(b"MZ not a pdf"),
                    "founding_file_name": "virus.pdf",
                }
            )
